import Testing
@testable import RapportCore

@Suite struct ChartsMarkupTests {
    @Test func contentIsEscapedInTextAndAttributes() {
        let writer = MarkupWriter()
        writer.element("p", ["title": "\"Mål\" & <b>"], text: "A < B & 'C'")
        #expect(writer.markup == "<p title=\"&quot;Mål&quot; &amp; &lt;b&gt;\">A &lt; B &amp; &#39;C&#39;</p>\n")
    }

    @Test func emptySVGElementsSelfCloseButHTMLElementsDoNot() {
        let writer = MarkupWriter()
        writer.element("div") {
            writer.element("td")
            writer.element("svg", ["viewBox": "0 0 1 1"]) {
                writer.element("rect", ["x": "0"])
                writer.element("g") { writer.element("line") }
                writer.element("text", text: "")
            }
        }
        #expect(writer.markup == "<div><td></td><svg viewBox=\"0 0 1 1\"><rect x=\"0\"/>\n<g><line/>\n</g>\n<text></text>\n</svg>\n</div>")
    }

    @Test func typedAttributesWriteNumbersAndColours() {
        let writer = MarkupWriter()
        writer.start("svg").attribute("x", 12.345).attribute("y", -0.001).attribute("fill", RGBColor(hex: 0x2F6699))
        writer.end()
        #expect(writer.markup == "<svg x=\"12.35\" y=\"0\" fill=\"#2f6699\"/>\n")
        #expect(RGBColor(hex: 0x2F6699).description == "#2f6699")
    }

    /// The buffer grows (doubling, or to fit one large piece) without losing or reordering bytes; a
    /// figure fits the default capacity, so only a small writer shows it.
    @Test func theBufferGrowsWithoutLosingBytes() {
        let writer = MarkupWriter(capacity: 64)
        var expected = ""
        writer.start("svg")
        expected += "<svg>"
        for number in 0..<500 {
            writer.start("text").attribute("x", Double(number)).text("Tekst \(number) æøå").end()
            expected += "<text x=\"\(number)\">Tekst \(number) æøå</text>\n"
        }
        let long = String(repeating: "lang linje ", count: 2_000)
        writer.start("desc").text(long).end()
        expected += "<desc>\(long)</desc>\n"
        writer.end()
        expected += "</svg>\n"
        #expect(writer.markup == expected)
    }

    /// A figure is written into a page's HTML after the bytes already there, which stay as they were.
    @Test func appendingKeepsTheBytesBefore() {
        var page = Array("<p>Før</p>\n".utf8)
        MarkupWriter.append(to: &page) { $0.element("figure", text: "Figur") }
        #expect(String(decoding: page, as: UTF8.self) == "<p>Før</p>\n<figure>Figur</figure>\n")
    }

    @Test(arguments: [
        (0.0, "0"), (-0.001, "0"), (12.0, "12"), (12.5, "12.5"), (12.345, "12.35"), (0.05, "0.05"), (-3.25, "-3.25"),
        (Double.nan, "0"), (720, "720"), (0.1, "0.1"), (100.07, "100.07"), (-0.5, "-0.5"), (99.999, "100"), (10, "10"),
        (1_234_567.891, "1234567.89"), (-1_000, "-1000"),
    ])
    func svgNumbers(value: Double, expected: String) {
        #expect(SVGNumber.format(value) == expected)
    }

    /// The byte writer against the plain string formula it replaced, over a dense range.
    @Test func svgNumbersAgreeWithTheStringFormula() {
        func reference(_ value: Double) -> String {
            let hundredths = Int((value * 100).rounded())
            if hundredths == 0 { return "0" }
            let sign = hundredths < 0 ? "-" : ""
            let whole = hundredths.magnitude / 100, fraction = hundredths.magnitude % 100
            if fraction == 0 { return sign + String(whole) }
            if fraction % 10 == 0 { return sign + String(whole) + "." + String(fraction / 10) }
            return sign + String(whole) + "." + (fraction < 10 ? "0" : "") + String(fraction)
        }
        for step in -30_000...30_000 {
            let value = Double(step) / 7.3
            #expect(SVGNumber.format(value) == reference(value), "\(value)")
        }
    }

    @Test func multiLineTextUsesTspans() {
        let writer = MarkupWriter()
        writer.text(["Første", "Anden"], x: 10, y: 20, anchor: .end)
        #expect(writer.markup == "<text x=\"10\" y=\"20\" text-anchor=\"end\" fill=\"currentColor\"><tspan x=\"10\" dy=\"0\">Første</tspan><tspan x=\"10\" dy=\"16\">Anden</tspan></text>\n")
        let single = MarkupWriter()
        single.text(["Én"], x: 1.5, y: 2, fontSize: 12, bold: true)
        #expect(single.markup == "<text x=\"1.5\" y=\"2\" fill=\"currentColor\" font-size=\"12\" font-weight=\"600\">Én</text>\n")
    }

    /// The fast paths (ASCII by byte, a line's width carried from word to word) give exactly the
    /// numbers of the plain definitions: a sum of Character advances, a line measured whole.
    @Test(arguments: ["Ledelsen bakker op om arbejdet", "Børnene trives bedre i de mindre grupper", "a\r\nb", "e\u{301}tape", "", "Æble – ‘citat’ «ø» İ\tÖl\nß",
                      "Forvaltningens mål med at indføre det nye pædagogiske tiltag er for høje/urealistiske", "x" + String(repeating: "W", count: 80)])
    func measuringAgreesWithThePlainDefinitions(_ text: String) {
        var ems = 0.0
        for character in text { ems += TextWrap.advance(character) }
        #expect(TextWrap.width(text, fontSize: 13) == ems * 13)
        widths: for maxWidth in [40.0, 120, 200, 400] {
            var expected: [String] = []
            var current = ""
            for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init) {
                let candidate = current.isEmpty ? word : current + " " + word
                if TextWrap.width(candidate, fontSize: 13) <= maxWidth { current = candidate; continue }
                if !current.isEmpty { expected.append(current) }
                current = ""
                // Words wider than a line are split by `lines` itself; compare only when none is.
                guard TextWrap.width(word, fontSize: 13) <= maxWidth else { continue widths }
                current = word
            }
            if !current.isEmpty { expected.append(current) }
            #expect(TextWrap.lines(text, maxWidth: maxWidth, fontSize: 13) == (expected.isEmpty ? [""] : expected), "\(maxWidth)")
        }
    }

    /// The one-walk wrapping of Danish text against the plain definition (each candidate line
    /// measured whole), on 3,000 generated labels: runs of spaces, tabs and line feeds, Danish and
    /// accented letters, words wider than a line (compared only where none is).
    @Test func wrappingGeneratedTextAgreesWithThePlainDefinition() {
        var generator = SeededGenerator(seed: 11)
        let letters = Array("abcdefghijklmnopqrstuvwxyzæøåÆØÅéüABCKMW0123456789-–/().,%'«»")
        let separators = [" ", " ", " ", "  ", "\n", "\t", " \n "]
        var compared = 0
        for _ in 0..<3_000 {
            var text = Int.random(in: 0..<4, using: &generator) == 0 ? " " : ""
            for _ in 0..<Int.random(in: 0..<12, using: &generator) {
                text += String((0..<Int.random(in: 1..<14, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
                text += separators.randomElement(using: &generator)!
            }
            let maxWidth = Double.random(in: 30..<400, using: &generator)
            var expected: [String] = []
            var current = ""
            var fits = true
            for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init) {
                let candidate = current.isEmpty ? word : current + " " + word
                if TextWrap.width(candidate, fontSize: 13, bold: true) <= maxWidth { current = candidate; continue }
                if !current.isEmpty { expected.append(current) }
                fits = fits && TextWrap.width(word, fontSize: 13, bold: true) <= maxWidth
                current = word
            }
            guard fits else { continue }
            if !current.isEmpty { expected.append(current) }
            compared += 1
            #expect(TextWrap.lines(text, maxWidth: maxWidth, fontSize: 13, bold: true) == (expected.isEmpty ? [""] : expected),
                    "\(text.debugDescription) at \(maxWidth)")
        }
        #expect(compared > 1_500)
    }

    /// The scalar walk against the sum of Character advances, for every scalar up to U+2FFF
    /// between Danish letters (combining marks and CR join a neighbour into one Character).
    @Test func measuringByScalarAgreesWithCharactersForEveryScalar() {
        for value in UInt32(0)...0x2FFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "æ\(scalar)\nÅ \(scalar)"
            var ems = 0.0
            for character in text { ems += TextWrap.advance(character) }
            #expect(TextWrap.width(text, fontSize: 13) == ems * 13, "U+\(String(value, radix: 16))")
            #expect(TextWrap.lines(text, maxWidth: 1000, fontSize: 13)
                    == [text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")],
                    "U+\(String(value, radix: 16))")
        }
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
