import Testing
@testable import RapportCore

@Suite struct ChartsMarkupTests {
    @Test func contentIsEscapedInTextAndAttributes() {
        let node = MarkupNode.el("p", ["title": "\"Mål\" & <b>"], [.text("A < B & 'C'")])
        #expect(node.render() == "<p title=\"&quot;Mål&quot; &amp; &lt;b&gt;\">A &lt; B &amp; &#39;C&#39;</p>\n")
    }

    @Test func emptySVGElementsSelfCloseButHTMLElementsDoNot() {
        let node = MarkupNode.el("div", [:], [
            .el("td"),
            .el("svg", ["viewBox": "0 0 1 1"], [.el("rect", ["x": "0"]), .el("g", [:], [.el("line")])]),
        ])
        #expect(node.render() == "<div><td></td><svg viewBox=\"0 0 1 1\"><rect x=\"0\"/>\n<g><line/>\n</g>\n</svg>\n</div>")
    }

    @Test(arguments: [
        (0.0, "0"), (-0.001, "0"), (12.0, "12"), (12.5, "12.5"), (12.345, "12.35"), (0.05, "0.05"), (-3.25, "-3.25"),
        (Double.nan, "0"),
    ])
    func svgNumbers(value: Double, expected: String) {
        #expect(SVGNumber.format(value) == expected)
    }

    @Test func multiLineTextUsesTspans() {
        let text = MarkupNode.text(["Første", "Anden"], x: 10, y: 20, anchor: .end)
        #expect(text.render() == "<text x=\"10\" y=\"20\" text-anchor=\"end\" fill=\"currentColor\"><tspan x=\"10\" dy=\"0\">Første</tspan><tspan x=\"10\" dy=\"16\">Anden</tspan></text>\n")
        #expect(text.plainText == "FørsteAnden")
    }

    @Test func wrappingRespectsTheWidth() {
        let question = "Forvaltningens mål med at indføre det nye pædagogiske tiltag er for høje/urealistiske"
        let lines = TextWrap.lines(question, maxWidth: 200, fontSize: 13)
        #expect(lines.count > 1)
        #expect(lines.joined(separator: " ") == question)
        for line in lines {
            #expect(TextWrap.width(line, fontSize: 13) <= 200, "\(line)")
        }
    }

    @Test func overlongWordsAreBroken() {
        let lines = TextWrap.lines("Dagtilbudsledelsesudviklingsforløbet", maxWidth: 60, fontSize: 13)
        #expect(lines.count > 1)
        #expect(lines.joined() == "Dagtilbudsledelsesudviklingsforløbet")
        for line in lines {
            #expect(TextWrap.width(line, fontSize: 13) <= 60)
        }
        #expect(TextWrap.lines("", maxWidth: 60, fontSize: 13) == [""])
    }

    @Test func widthsGrowWithTextAndFont() {
        #expect(TextWrap.width("mmm", fontSize: 13) > TextWrap.width("iii", fontSize: 13))
        #expect(TextWrap.width("Total", fontSize: 13, bold: true) > TextWrap.width("Total", fontSize: 13))
        #expect(TextWrap.width("abc", fontSize: 26) == 2 * TextWrap.width("abc", fontSize: 13))
    }
}
