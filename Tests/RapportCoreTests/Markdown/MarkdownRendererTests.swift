import Testing
@testable import RapportCore

@Suite struct MarkdownRendererTests {
    let file = SourceFile(relativePath: "kapitler/a.md", displayPath: "Content/kapitler/a.md", text: "")

    func render(_ markdown: String, rawHTML: Bool = false, lineOffset: Int = 0,
                rewrite: @escaping @Sendable (String) -> String = { $0 }) -> MarkdownResult {
        MarkdownRenderer().render(markdown, file: file,
                                  options: MarkdownOptions(allowRawHTML: rawHTML, lineOffset: lineOffset, rewriteLink: rewrite))
    }

    @Test func headingsGetDanishSlugsAndRepeatsAreNumbered() {
        let result = render("# Læring og trivsel\n\n## Læring og trivsel\n\n### *Økonomi* og `tal`\n")
        #expect(result.headings.map(\.id) == ["laering-og-trivsel", "laering-og-trivsel-2", "oekonomi-og-tal"])
        #expect(result.headings.map(\.level) == [1, 2, 3])
        #expect(result.headings[2].text == "Økonomi og tal")
        #expect(result.html.contains("<h2 id=\"laering-og-trivsel-2\">Læring og trivsel</h2>"))
        #expect(result.html.contains("<h3 id=\"oekonomi-og-tal\"><em>Økonomi</em> og <code>tal</code></h3>"))
    }

    @Test func headingPositionsIncludeTheFrontMatterOffset() {
        let result = render("Tekst\n\n## Afsnit\n", lineOffset: 4)
        #expect(result.headings.first?.location == SourceLocation(file: "Content/kapitler/a.md", line: 7, column: 1))
    }

    @Test func rawHTMLIsShownAsTextUnlessThePageOptsIn() {
        let escaped = render("<script>alert(1)</script>\n\nTekst <b>fed</b>\n")
        #expect(!escaped.html.contains("<script>"))
        #expect(escaped.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(escaped.html.contains("Tekst &lt;b&gt;fed&lt;/b&gt;"))
        let allowed = render("Tekst <b>fed</b>\n", rawHTML: true)
        #expect(allowed.html.contains("Tekst <b>fed</b>"))
    }

    @Test func linksAreRecordedWithPositionsAndRewritten() {
        let result = render("Intro\n\nSe [Vejle](../projekter/vejle.md#hovedresultat) og ![graf](billede.png).\n") { url in
            url.hasSuffix(".md#hovedresultat") ? "/projekter/vejle/#hovedresultat" : url
        }
        #expect(result.links.map(\.destination) == ["../projekter/vejle.md#hovedresultat", "billede.png"])
        #expect(result.links[0].location.line == 3)
        #expect(result.links[1].isImage)
        #expect(result.html.contains("<a href=\"/projekter/vejle/#hovedresultat\">Vejle</a>"))
    }

    @Test func scriptURLsAreErrorsAndNeutralised() {
        let result = render("[klik](javascript:alert(1)) [x](JaVa&#9;ScRiPt:alert(2))\n")
        #expect(result.diagnostics.count == 2)
        #expect(result.diagnostics[0].description.hasPrefix("Content/kapitler/a.md:1:1: error: unsafe link 'javascript:alert(1)'"))
        #expect(!result.html.lowercased().contains("javascript"))
    }

    @Test func crossReferencesBecomePlaceholders() {
        let result = render("Som [@fig:forankring] viser, og [@tab:variable].\n\n`[@fig:kode]` er kode.\n")
        #expect(result.crossReferences.map(\.id) == ["forankring", "variable"])
        #expect(result.crossReferences.map(\.kind) == [.figure, .table])
        #expect(result.html.contains("Som <!--rapport:xref:0--> viser, og <!--rapport:xref:1-->."))
        #expect(result.html.contains("<code>[@fig:kode]</code>"))
    }

    @Test func figureBlocksAreCollectedWithTheLineOfTheirYAML() {
        let result = render("Tekst\n\n```figur\nid: a\ntype: likert\n```\n\n```swift\nlet x = 1\n```\n", lineOffset: 3)
        #expect(result.figures == [FigureBlock(yaml: "id: a\ntype: likert\n",
                                               location: SourceLocation(file: "Content/kapitler/a.md", line: 7, column: 1))])
        #expect(result.html.contains("<!--rapport:figur:0-->"))
        #expect(result.html.contains("<code class=\"language-swift\">let x = 1"))
    }

    @Test func tablesAreWrappedAndCaptioned() {
        let result = render("Tabel: Variable og antal {#tab:variable}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n| c |\n|---|\n| 3 |\n")
        #expect(result.tables == [TableCaption(id: "variable", title: "Variable og antal",
                                               location: SourceLocation(file: "Content/kapitler/a.md", line: 1, column: 1))])
        #expect(result.html.contains("<div class=\"tabel\" role=\"region\" tabindex=\"0\" aria-labelledby=\"tab-variable-titel\">\n<table id=\"tab-variable\">\n<caption id=\"tab-variable-titel\"><span class=\"nummer\"><!--rapport:tabel:0--></span> Variable og antal</caption>"))
        #expect(result.html.contains("aria-label=\"Tabel\">\n<table>"))
        #expect(result.html.contains("<th scope=\"col\">a</th>"))
        #expect(!result.html.contains("Tabel: Variable"))
    }

    @Test func gfmExtensionsAreOn() {
        let result = render("~~slut~~ www.example.dk\n\n- [x] gjort\n\nFodnote[^1].\n\n[^1]: Kilde.\n")
        #expect(result.html.contains("<del>slut</del>"))
        #expect(result.html.contains("<a href=\"http://www.example.dk\">"))
        #expect(result.html.contains("type=\"checkbox\""))
        #expect(result.html.contains("footnote"))
    }
}

@Suite struct CrossReferenceScanTests {
    @Test func findsWellFormedMentionsOnly() {
        let text = "Se [@fig:a-1] og [@tab:b_2], ikke [@fig:] eller [@fug:x] eller [@tab:c d] – men [[@fig:ø]] nej, [@fig:z]."
        let mentions = CrossReference.mentions(in: text)
        #expect(mentions.map(\.id) == ["a-1", "b_2", "z"])
        #expect(mentions.map(\.kind) == [.figure, .table, .figure])
        #expect(mentions.map { String(text[$0.range]) } == ["[@fig:a-1]", "[@tab:b_2]", "[@fig:z]"])
    }
}
