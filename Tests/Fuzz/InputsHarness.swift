// A libFuzzer harness for the input functions that need neither cmark-gfm nor Yams: the CSV reader,
// the front matter splitter, slugs, link classification and rewriting, URL safety, placeholders,
// escaping, Markdown limits, page addresses, decimals and text wrapping. `scripts/fuzz` compiles it
// with those source files and `swiftc -sanitize=fuzzer,address` and runs it on a corpus made from
// the golden fixtures. The property tests (Tests/RapportCoreTests/Robustness) are the suite; this
// is for longer, coverage-guided sessions.
import Foundation

// A copy of `trimmingBlanks` from Charts/FigureSpecValues.swift, which imports Yams.
extension StringProtocol {
    var trimmingBlanks: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }
        let head = drop(while: isSpace)
        return String(head.reversed().drop(while: isSpace).reversed())
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard let text = String(data: data, encoding: .utf8), !data.contains(0) else { return 0 }
    _ = ChartCSV.parse(text)
    let file = SourceFile(relativePath: "kapitler/a.md", displayPath: "Content/kapitler/a.md", text: text)
    if case .success(let split) = FrontMatter.split(file) { _ = split.body.count }
    _ = Slugger.slug(text)
    var slugger = Slugger(); _ = slugger.next(text); _ = slugger.next(text)
    _ = URLSafety.isDangerous(text)
    _ = LinkResolver.classify(text, fromContentPath: "kapitler/a.md")
    _ = LinkResolver(basePath: "/").rewrite(text, fromContentPath: "kapitler/a.md")
    _ = Placeholder.fill(text) { _, i in i % 2 == 0 ? "x" : nil }
    _ = HTMLEscaping.escape(text)
    _ = MarkdownLimits().check(text, file: file, lineOffset: 0)
    _ = PageAddress.locate(text, display: text)
    _ = Fraction.parseDecimal(text)
    _ = TextWrap.lines(text, maxWidth: 100, fontSize: 12)
    return 0
}
