import Foundation
import Testing
@testable import RapportCore

/// The figure's HTML as assistive technology meets it: names, descriptions, table semantics, and
/// ids that resolve and never collide.
@Suite struct ChartsRendererTests {
    static let csv = """
        spørgsmål,Slet ikke,I mindre grad,I nogen grad,I høj grad,I meget høj grad,Ved ikke
        "<b>Kommunikation</b> & samarbejde",7,18,35,28,10,1
        Udskiftning i ledelsen,10,9,10,9,6,1
        """

    static func render(kind: FigureSpec.Kind = .likert, example: Bool = true, tablesVisible: Bool = false) throws -> String {
        let yaml = "id: forankring\ntype: \(kind.yamlName)\ntitel: Udfordringer & barrierer\ndata: data/f.csv\nkilde: Spørgeskema, 2022"
        let spec = try FigureSpec.parse(FigureBlock(yaml: yaml, location: SourceLocation(file: "x.md", line: 1))).get()
        let data = try FigureData.load(for: spec, csv: SourceFile(relativePath: "data/f.csv", displayPath: "Content/data/f.csv", text: csv)).get()
        let context = FigureRenderContext(label: "Figur 4.2", exampleData: example, csvHref: "/data/forankring.csv?v=1&x=2",
                                          tablesVisible: tablesVisible)
        return FigureRenderer.html(spec: spec, data: data, context: context)
    }

    /// Every `id="…"` in the markup.
    static func ids(in html: String) -> [String] {
        html.split(separator: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test(arguments: [FigureSpec.Kind.likert, .columns])
    func figureIsNamedDescribedAndHasItsTable(kind: FigureSpec.Kind) throws {
        let html = try Self.render(kind: kind)
        #expect(html.hasPrefix("<figure class=\"figur figur-\(kind.rawValue)\" id=\"fig-forankring\">"))
        #expect(html.contains("<figcaption id=\"fig-forankring-billedtekst\"><span class=\"figur-nummer\">Figur 4.2:</span> Udfordringer &amp; barrierer<span class=\"figur-eksempeldata\"> (eksempeldata)</span></figcaption>"))
        #expect(html.contains("role=\"img\" aria-labelledby=\"fig-forankring-titel fig-forankring-beskrivelse\""))
        #expect(html.contains("<title id=\"fig-forankring-titel\">Figur 4.2: Udfordringer &amp; barrierer (eksempeldata)</title>"))
        #expect(html.contains("<desc id=\"fig-forankring-beskrivelse\">"))
        #expect(html.contains("Højeste gennemsnit: »&lt;b&gt;Kommunikation&lt;/b&gt; &amp; samarbejde« (3,16)."))
        #expect(html.contains("viewBox=\"0 0 ") && html.contains("width=\"100%\""))
        #expect(html.contains("<details class=\"figur-tal\"><summary>Se tallene som tabel</summary>"))
        #expect(html.contains("<th scope=\"col\">"))
        #expect(html.contains("<th scope=\"row\">&lt;b&gt;Kommunikation&lt;/b&gt; &amp; samarbejde</th>"))
        #expect(html.contains("<p class=\"figur-kilde\">Kilde: Spørgeskema, 2022</p>"))
        #expect(html.contains("<a href=\"/data/forankring.csv?v=1&amp;x=2\" download=\"\">Hent data (CSV)</a>"))
        #expect(!html.contains("<b>"), "content is never markup")
        #expect(!html.contains("<script"))
    }

    @Test(arguments: [FigureSpec.Kind.likert, .columns])
    func idsAreUniqueAndReferencesResolve(kind: FigureSpec.Kind) throws {
        let html = try Self.render(kind: kind)
        let ids = Self.ids(in: html)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.hasPrefix("fig-forankring") })
        for reference in ["fig-forankring-titel", "fig-forankring-beskrivelse", "fig-forankring-tabel"] {
            #expect(ids.contains(reference))
        }
        #expect(html.contains("<div class=\"figur-tabel\" role=\"region\" tabindex=\"0\" aria-labelledby=\"fig-forankring-tabel\">"))
    }

    @Test func likertTableHoldsCountsPercentagesNAndMean() throws {
        let html = try Self.render()
        let nbsp = "\u{00A0}"
        #expect(html.contains("<td>36\(nbsp)%\(nbsp)(35)</td>"))
        #expect(html.contains("<td>100\(nbsp)(n=99)</td><td>98</td><td>3,16</td>"))
        #expect(html.contains("<th scope=\"col\">n uden »Ved ikke«</th>"))
        // Sorted by mean: 3,16 before 2,82.
        let first = try #require(html.range(of: "Kommunikation&lt;/b&gt; &amp; samarbejde</th>"))
        let second = try #require(html.range(of: "Udskiftning i ledelsen</th>"))
        #expect(first.lowerBound < second.lowerBound)
    }

    @Test func visibleTablesAreNotFolded() throws {
        let html = try Self.render(tablesVisible: true)
        #expect(!html.contains("<details"))
        #expect(html.contains("<table>"))
    }

    @Test func withoutExampleDataTheCaptionSaysNothing() throws {
        let html = try Self.render(example: false)
        #expect(!html.contains("eksempeldata"))
    }

    /// Quoted exactly when a field holds a comma, a quote or a line break of any kind.
    @Test(arguments: ["plain", "æøå og ü", "a,b", "sagde \"ja\"", "to\nlinjer", "cr\r\nlf", "vt\u{0B}", "ff\u{0C}", "nel\u{85}",
                      "ls\u{2028}", "ps\u{2029}", "", "e\u{301},"])
    func csvFieldsAreQuotedWhenNeeded(_ text: String) {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0.isNewline }
        let expected = needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        #expect(FigureCSVExport.field(text) == expected)
    }

    /// The download writes numbers as digits itself: the same text as `String(value)`.
    @Test func csvNumbersAreWrittenAsStringWouldWriteThem() {
        var values = Array(-120...1_200) + [9_999, 10_000, 99_999, 100_000, 1_234_567, Int.max, Int.min, Int.min + 1]
        values += (1...18).map { power in (0..<power).reduce(1) { value, _ in value * 10 } }
        var writer = CSVRowWriter()
        for value in values { writer.number(value) }
        writer.endRow()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == values.map(String.init).joined(separator: ",") + "\n")
    }

    @Test func csvDownload() throws {
        let spec = try FigureSpec.parse(FigureBlock(yaml: "id: a\ntype: søjler\ntitel: T\ndata: d.csv", location: SourceLocation(file: "x.md"))).get()
        let data = FigureData.columns(ColumnTable(series: ["Før", "Efter"], categories: [
            ColumnTable.Category(name: "Ledere, \"nye\"", values: [ColumnTable.Value(mean: Fraction(107, 40), n: 40), nil]),
        ], points: spec.points))
        #expect(FigureRenderer.csv(spec: spec, data: data) == "\u{FEFF}kategori,serie,gennemsnit,n\n\"Ledere, \"\"nye\"\"\",Før,2.68,40\n")
    }
}
