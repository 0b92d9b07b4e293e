import Testing
@testable import RapportCore

@Suite struct FrontMatterTests {
    func file(_ text: String) -> SourceFile { SourceFile(relativePath: "a.md", displayPath: "Content/a.md", text: text) }

    @Test func splitsYAMLAndBodyWithLineOffsets() throws {
        let split = try FrontMatter.split(file("---\ntitel: A\nnummer: 2\n---\nTekst\n")).get()
        #expect(split.yaml == "titel: A\nnummer: 2")
        #expect(split.body == "Tekst\n")
        #expect(split.bodyLineOffset == 4)
        #expect(split.isPresent)
    }

    @Test func acceptsWindowsLineEndingsAndABOM() throws {
        let split = try FrontMatter.split(file("\u{FEFF}---\r\ntitel: A\r\n---\r\nTekst")).get()
        #expect(split.yaml == "titel: A")
        #expect(split.body == "Tekst")
    }

    @Test func noFrontMatterIsAllBody() throws {
        let split = try FrontMatter.split(file("# Overskrift\n")).get()
        #expect(!split.isPresent)
        #expect(split.body == "# Overskrift\n")
        #expect(split.bodyLineOffset == 0)
    }

    @Test func unclosedFrontMatterIsAnError() {
        guard case .failure(let diagnostic) = FrontMatter.split(file("---\ntitel: A\n")) else {
            Issue.record("expected an error")
            return
        }
        #expect(diagnostic.description == "Content/a.md:1:1: error: front matter is not closed – end the YAML block with a line containing only '---'")
    }
}

@Suite struct YAMLFieldsTests {
    let file = SourceFile(relativePath: "a.md", displayPath: "Content/a.md", text: "")

    @Test func readsTypedValuesAndReportsPositionsInTheWholeFile() {
        var fields = YAMLFields(yaml: "titel: Vejle\nnummer: 3\neksempeldata: true\nelementer: [1, 4]\nsamarbejdsparter: [Forældre]", file: file, lineOffset: 1)
        #expect(fields.string("titel") == "Vejle")
        #expect(fields.int("nummer") == 3)
        #expect(fields.bool("eksempeldata") == true)
        #expect(fields.ints("elementer")?.map(\.value) == [1, 4])
        #expect(fields.ints("elementer")?.last?.location == SourceLocation(file: "Content/a.md", line: 5, column: 16))
        #expect(fields.strings("samarbejdsparter") == ["Forældre"])
        fields.rejectUnknownKeys(known: ["titel", "nummer", "eksempeldata", "elementer", "samarbejdsparter"])
        #expect(fields.diagnostics.isEmpty)
    }

    @Test func wrongTypesMissingAndUnknownKeysAreReported() {
        var fields = YAMLFields(yaml: "nummer: fire\ntitl: A\ntitel:\n", file: file, lineOffset: 1)
        #expect(fields.int("nummer") == nil)
        #expect(fields.string("titel", required: true) == nil)
        #expect(fields.string("kommune", required: true) == nil)
        fields.rejectUnknownKeys(known: ["nummer", "titel", "kommune"])
        #expect(fields.diagnostics.map(\.description) == [
            "Content/a.md:2:9: error: 'nummer' must be a whole number, found 'fire' – write 'nummer:' followed by a whole number",
            "Content/a.md:4:7: error: 'titel' has no value – write a text after 'titel:'",
            "Content/a.md:2:1: error: missing required key 'kommune' – add a line 'kommune: …' with a text",
            "Content/a.md:3:1: error: unknown key 'titl' – did you mean 'titel'? known keys: nummer, titel, kommune",
        ])
    }

    @Test func duplicateKeysAreErrors() {
        let fields = YAMLFields(yaml: "titel: A\ntitel: B\n", file: file, lineOffset: 0)
        #expect(fields.diagnostics.count == 1)
        #expect(fields.diagnostics.first?.message.contains("'titel' appears twice") == true)
    }

    /// Tags are not resolved (`YAMLFields.compose`); keys that YAML 1.1 reads as numbers, booleans,
    /// dates or null are still compared by their text, and values are still typed by the getters.
    @Test(arguments: ["1", "ja", "true", "2019-01-01", "~", "1.5"])
    func duplicateKeysThatLookTypedAreErrors(_ key: String) {
        let fields = YAMLFields(yaml: "\(key): A\n\(key): B\n", file: file, lineOffset: 0)
        #expect(fields.diagnostics.count == 1)
        #expect(fields.diagnostics.first?.message.contains("appears twice") == true)
    }

    @Test func valuesAreTypedByTheGetters() {
        var fields = YAMLFields(yaml: "nummer: 12\naktiv: true\nandel: 0.5\ntom: null\ntekst: 2019\n", file: file, lineOffset: 0)
        #expect(fields.int("nummer") == 12)
        #expect(fields.bool("aktiv") == true)
        #expect(fields.double("andel") == 0.5)
        #expect(fields.string("tom") == nil)
        #expect(fields.string("tekst") == "2019")
        #expect(fields.diagnostics.isEmpty)
    }
}
