import Testing
@testable import RapportCore

/// Figure blocks: valid ones become specs; each mistake gives an error at its exact position in the
/// Markdown file (the block's YAML starts on line 10 here) with a hint.
@Suite struct ChartsSpecParserTests {
    static let page = "Content/kapitler/forankring.md"

    static func parse(_ yaml: String, line: Int = 10, column: Int = 0) -> Result<FigureSpec, DiagnosticList> {
        FigureSpec.parse(FigureBlock(yaml: yaml, location: SourceLocation(file: page, line: line, column: column)))
    }

    /// The diagnostics as printed, one string each.
    static func errors(_ yaml: String, line: Int = 10, column: Int = 0) -> [String] {
        switch parse(yaml, line: line, column: column) {
        case .success: return []
        case .failure(let list): return list.diagnostics.map(\.description)
        }
    }

    static let valid = """
        id: forankring
        type: likert
        titel: Forvaltningens udfordringer med at fastholde indsatsen
        data: data/forankring.csv
        kilde: Spørgeskema til forvaltningerne, 2022 (eksempeldata)
        """

    @Test func validBlockWithDefaults() throws {
        let spec = try Self.parse(Self.valid).get()
        #expect(spec.id == "forankring")
        #expect(spec.kind == .likert)
        #expect(spec.title == "Forvaltningens udfordringer med at fastholde indsatsen")
        #expect(spec.dataPath == "data/forankring.csv")
        #expect(spec.source == "Spørgeskema til forvaltningerne, 2022 (eksempeldata)")
        #expect(spec.exampleData == nil)
        #expect(spec.sorting == .byMean)
        #expect(spec.scale == FigureSpec.defaultScale)
        #expect(spec.dontKnow == "Ved ikke")
        #expect(spec.points.count == 5)
        #expect(spec.labelThreshold == 5)
        #expect(spec.location == SourceLocation(file: Self.page, line: 10))
        #expect(spec.dataLocation == SourceLocation(file: Self.page, line: 13, column: 7))
    }

    @Test func everyOption() throws {
        let spec = try Self.parse("""
            id: tilfredshed-2022
            type: søjler
            titel: "Tilfredshed: forældre"
            data: data/tilfredshed.csv
            sortering: original
            skala: [Meget utilfreds, Utilfreds, Tilfreds, Meget tilfreds, Ved ikke/ønsker ikke at svare]
            ved_ikke: Ved ikke/ønsker ikke at svare
            etiket_graense: 8
            eksempeldata: true
            beskrivelse: Forældrene er mest tilfredse med kommunikationen.
            """).get()
        #expect(spec.kind == .columns)
        #expect(spec.title == "Tilfredshed: forældre")
        #expect(spec.sorting == .original)
        #expect(spec.points == ["Meget utilfreds", "Utilfreds", "Tilfreds", "Meget tilfreds"])
        #expect(spec.dontKnow == "Ved ikke/ønsker ikke at svare")
        #expect(spec.labelThreshold == 8)
        #expect(spec.exampleData == true)
        #expect(spec.description == "Forældrene er mest tilfredse med kommunikationen.")
    }

    @Test func scaleWithoutDontKnowAndExplicitNone() throws {
        let three = try Self.parse(Self.valid + "\nskala: [Nej, Delvist, Ja]").get()
        #expect(three.dontKnow == nil)
        #expect(three.points == ["Nej", "Delvist", "Ja"])
        let none = try Self.parse(Self.valid + "\nved_ikke: null").get()
        #expect(none.dontKnow == nil)
        #expect(none.points.count == 6)
        let empty = try Self.parse(Self.valid + "\nved_ikke: \"\"").get()
        #expect(empty.dontKnow == nil)
    }

    @Test func unknownKeyWithSuggestionAndMissingRequiredKey() {
        let errors = Self.errors("""
            id: forankring
            type: likert
            titl: Udfordringer
            data: data/forankring.csv
            """)
        #expect(errors == [
            "\(Self.page):10:1: error: missing required key 'titel' – add e.g. 'titel: Forvaltningens udfordringer med at fastholde indsatsen'",
            "\(Self.page):12:1: error: unknown key 'titl' – did you mean 'titel'?",
        ])
    }

    @Test(arguments: [
        ("title: X", "12:1: error: unknown key 'title' – did you mean 'titel'?"),
        ("source: X", "12:1: error: unknown key 'source' – did you mean 'kilde'?"),
        ("etiket_grænse: 5", "12:1: error: unknown key 'etiket_grænse' – did you mean 'etiket_graense'?"),
        ("farve: blå", "12:1: error: unknown key 'farve' – figure keys are: 'id', 'type', 'titel', 'data', 'kilde'"),
    ])
    func unknownKeys(line: String, expected: String) {
        let errors = Self.errors("id: a\ntype: likert\n\(line)\ntitel: T\ndata: d.csv")
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("\(Self.page):\(expected)") == true, "\(errors)")
    }

    @Test(arguments: [
        ("type: søjle", "11:7: error: 'type' cannot be 'søjle' – did you mean 'søjler'?"),
        ("type: columns", "11:7: error: 'type' cannot be 'columns' – did you mean 'søjler'?"),
        ("type: kage", "11:7: error: 'type' cannot be 'kage' – allowed values are: 'likert', 'søjler'"),
        ("type: [likert]", "11:7: error: 'type' must be text, not a list or mapping"),
        ("type:", "11:6: error: 'type' has no value"),
    ])
    func badType(line: String, expected: String) {
        let errors = Self.errors("id: a\n\(line)\ntitel: T\ndata: d.csv")
        #expect(errors.first?.hasPrefix("\(Self.page):\(expected)") == true, "\(errors)")
    }

    @Test func badValuesAreAllReported() {
        let errors = Self.errors("""
            id: Forankring 2
            type: likert
            titel: T
            data: ../hemmelig.csv
            sortering: højest
            etiket_graense: fem
            eksempeldata: ja
            """)
        #expect(errors == [
            "\(Self.page):10:5: error: 'id' may only contain a–z, 0–9 and '-', not 'Forankring 2' – try 'id: forankring-2'",
            "\(Self.page):13:7: error: 'data' must be a path inside Content/, not '../hemmelig.csv' – write it relative to Content/, e.g. 'data: data/forankring.csv'",
            "\(Self.page):14:12: error: 'sortering' cannot be 'højest' – allowed values are: 'gennemsnit', 'original'",
            "\(Self.page):15:17: error: 'etiket_graense' must be a whole number from 0 to 100, not 'fem' – e.g. 'etiket_graense: 5' prints labels in segments of 5 % and more",
            "\(Self.page):16:15: error: 'eksempeldata' must be true or false, not 'ja' – write 'eksempeldata: true' or 'eksempeldata: false'",
        ])
    }

    @Test func scaleProblems() {
        let tooLong = Self.errors(Self.valid + "\nskala: [a, b, c, d, e, f, g, h]")
        #expect(tooLong.first?.hasPrefix("\(Self.page):15:8: error: the scale has 8 valued categories; figures support 2–7") == true, "\(tooLong)")
        let missing = Self.errors(Self.valid + "\nskala: [Nej, Ja]\nved_ikke: Ved ikk")
        #expect(missing == ["\(Self.page):16:11: error: 'ved_ikke' is 'Ved ikk', which is not in the scale – the scale's categories are: 'Nej', 'Ja'"])
        let notLast = Self.errors(Self.valid + "\nskala: [Ved ikke, Nej, Ja]")
        #expect(notLast.first?.hasPrefix("\(Self.page):15:8: error: 'Ved ikke' must be the last category of the scale") == true, "\(notLast)")
        let twice = Self.errors(Self.valid + "\nskala: [Nej, Ja, Nej]")
        #expect(twice.first?.hasPrefix("\(Self.page):15:18: error: 'skala' lists 'Nej' twice") == true, "\(twice)")
    }

    @Test func yamlSyntaxErrorPointsIntoTheBlock() {
        let errors = Self.errors("id: a\ntype: likert\ntitel: \"Udfordringer\ndata: d.csv")
        #expect(errors.count == 1)
        // The unclosed quote, not the end of the block where the YAML parser gave up.
        #expect(errors.first?.hasPrefix("\(Self.page):12:8: error: the figure block is not valid YAML: while scanning a quoted scalar") == true, "\(errors)")
    }

    /// The most likely YAML slip in a Danish title: a colon followed by a space.
    @Test func colonInUnquotedTitle() {
        let errors = Self.errors("id: a\ntype: likert\ntitel: Tilfredshed: forældre\ndata: d.csv")
        #expect(errors.first?.hasPrefix("\(Self.page):12:19: error: the figure block is not valid YAML: mapping values are not allowed in this context") == true, "\(errors)")
    }

    @Test func duplicateKeyPointsAtTheSecondOccurrence() {
        let errors = Self.errors(Self.valid + "\ntitel: Igen")
        #expect(errors == ["\(Self.page):15:1: error: key 'titel' is given more than once – keep one 'titel:' line"])
    }

    @Test func emptyAndNonMappingBlocks() {
        #expect(Self.errors("").first?.hasPrefix("\(Self.page):10: error: the figure block is empty") == true)
        #expect(Self.errors("# kun en kommentar\n").first?.hasPrefix("\(Self.page):10: error: the figure block is empty") == true)
        #expect(Self.errors("- a\n- b").first?.hasPrefix("\(Self.page):10:1: error: a figure block must be a list of 'key: value' lines") == true)
    }

    /// A fence indented by two spaces (e.g. in a list item): the engine passes column 3, and columns
    /// in the block move with it.
    @Test func columnsFollowAnIndentedBlock() {
        let errors = Self.errors("id: a\ntype: kage\ntitel: T\ndata: d.csv", line: 4, column: 3)
        #expect(errors.first?.hasPrefix("\(Self.page):5:9: error: 'type' cannot be 'kage'") == true, "\(errors)")
    }
}
