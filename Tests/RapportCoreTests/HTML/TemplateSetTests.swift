import Foundation
import Testing
@testable import RapportCore

@Suite struct TemplateSetTests {
    /// Strings and numbers render through `MustacheCustomRenderable` (a conformance Rapport adds
    /// for speed): escaped, unescaped, as `{{.}}` and as section values they must give exactly what
    /// swift-mustache's own path (`String(describing:)`) gives – an empty string included, which is
    /// a value (its section renders), not a null.
    @Test func stringsAndNumbersRenderAsThemselves() throws {
        let folder = Fixtures.temporaryFolder()
        defer { Fixtures.cleanUp(folder) }
        let template = """
            {{text}}|{{{text_html}}}|{{number}}|{{negative}}|{{#items}}[{{.}}]{{/items}}|\
            {{#empty}}empty is a value{{/empty}}{{^empty}}empty is null{{/empty}}|\
            {{#text}}<{{text}}>{{/text}}|{{^number}}no number{{/number}}
            """
        try Data(template.utf8).write(to: folder.appendingPathComponent("t.mustache"))
        let (loaded, problems) = TemplateSet.load(directory: folder, displayDirectory: "Templates", required: ["t"])
        #expect(problems.isEmpty, "\(problems)")
        let templates = try #require(loaded)
        let context: [String: Any] = ["text": "Børn & <forældre> \"i\" 'dagtilbud'", "text_html": "<b>fed</b>",
                                      "number": 2022, "negative": -15, "items": ["a<b", "", "ø"], "empty": ""]
        let html = try templates.render("t", context: context).get()
        #expect(html == """
            Børn &amp; &lt;forældre&gt; &quot;i&quot; &#39;dagtilbud&#39;|<b>fed</b>|2022|-15|[a&lt;b][][ø]|\
            empty is a value|<Børn &amp; &lt;forældre&gt; &quot;i&quot; &#39;dagtilbud&#39;>|
            """)
    }
}
