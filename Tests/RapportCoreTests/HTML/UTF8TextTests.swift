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
}
