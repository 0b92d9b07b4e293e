import Testing
@testable import RapportCore

@Suite struct UTF8TextTests {
    @Test func findsNeedlesAfterMultibyteText() {
        let text = UTF8Text("æøå <h2 id=\"x\">Ø</h2>")
        #expect(text.find(Array("<h2".utf8), from: 0) == 7)  // æ, ø, å are two bytes each
        #expect(text.find(Array("<h2".utf8), from: 8) == nil)
        #expect(text.find(Array("</h2>".utf8), from: 0) == text.count - 5)
        #expect(text.find(Array("longer than the text itself, by far".utf8), from: 0) == nil)
        #expect(text.find(UInt8(ascii: "\""), from: 11) == 14)
    }

    @Test func replacesEveryPatternInOnePassFirstListedWins() {
        let out = UTF8Text.replacing("<th>a</th><th style=\"x\">ø</th><th>", [
            ("<th>", "<th scope=\"col\">"), ("<th style=", "<th scope=\"col\" style="), ("<th", "NEVER"),
        ])
        #expect(out == "<th scope=\"col\">a</th><th scope=\"col\" style=\"x\">ø</th><th scope=\"col\">")
        // A replacement is not scanned again.
        #expect(UTF8Text.replacing("aa", [("a", "aa")]) == "aaaa")
        // A pattern overlapped by one replaced before it still counts where it starts after that.
        #expect(UTF8Text.replacing("Baaa", [("Ba", "x"), ("aa", "y")]) == "xy")
    }

    @Test func wholeReportLocalisesHeadingsIdsAndLinksInOnePass() {
        let html = """
        <h1>T</h1><h2 id="a">A</h2><h5 id="b">B</h5><h6>six</h6><hr>\
        <a href="#a">a</a><a href="#fn-1">1</a><sup id="fnref-1"></sup>\
        <a href="/sub/kapitler/x/">x</a><a href="/sub/kapitler/x/#y">y</a><a href="/sub/projekter/p/#fig-z">z</a>\
        <a href="/sub/andet/">other</a><a href="#ukendt">u</a><p id="a-b">æ</p>
        """
        let out = WholeReport.localise(html, prefix: "kapitler-v", headingIDs: ["a", "b"],
                                       sectionIDs: ["kapitler/x/": "kapitler-x", "projekter/p/": "projekter-p"], basePath: "/sub/")
        #expect(out == """
        <h2>T</h2><h3 id="kapitler-v-a">A</h3><h6 id="kapitler-v-b">B</h6><h6>six</h6><hr>\
        <a href="#kapitler-v-a">a</a><a href="#kapitler-v-fn-1">1</a><sup id="kapitler-v-fnref-1"></sup>\
        <a href="#kapitler-x">x</a><a href="#kapitler-x-y">y</a><a href="#fig-z">z</a>\
        <a href="/sub/andet/">other</a><a href="#ukendt">u</a><p id="a-b">æ</p>
        """)
    }

    /// Texts and needles over a few bytes, so that matches overlap and repeat.
    static func randomText(_ generator: inout SeededGenerator, length: ClosedRange<Int>) -> String {
        let alphabet: [Character] = ["a", "B", "<", "\"", "=", "æ", " "]
        return String((0..<Int.random(in: length, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
    }

    @Test func findAgreesWithAPlainSearch() {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<3000 {
            let text = UTF8Text(Self.randomText(&generator, length: 0...40))
            let needle = Array(Self.randomText(&generator, length: 1...4).utf8)
            let start = Int.random(in: 0...text.count + 1, using: &generator)
            let plain = start > text.count ? nil : (start..<max(start, text.count - needle.count + 1)).first { text.matches(needle, at: $0) }
            #expect(text.find(needle, from: start) == plain, "\(text.bytes) \(needle) from \(start)")
        }
    }

    /// The reference: at each byte, the first listed pattern that matches there is replaced.
    static func plainReplacing(_ text: String, _ replacements: [(String, String)]) -> String {
        let source = Array(text.utf8)
        var out: [UInt8] = []
        var position = 0
        next: while position < source.count {
            for (pattern, replacement) in replacements where !pattern.isEmpty && source[position...].starts(with: pattern.utf8) {
                out += replacement.utf8
                position += pattern.utf8.count
                continue next
            }
            out.append(source[position])
            position += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func replacingAgreesWithAPlainScan() {
        var generator = SeededGenerator(seed: 12)
        for _ in 0..<3000 {
            let text = Self.randomText(&generator, length: 0...40)
            let replacements = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                (Self.randomText(&generator, length: 1...3), Self.randomText(&generator, length: 0...3))
            }
            #expect(UTF8Text.replacing(text, replacements) == Self.plainReplacing(text, replacements), "\(text) \(replacements)")
        }
    }
}

