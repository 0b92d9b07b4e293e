import Glibc
import Testing
@testable import RapportCore

/// Inputs that take quadratic time in cmark-gfm 0.29.0.gfm.6 (fixed upstream later). Each must be
/// rejected by `MarkdownLimits` with a clear error, or render well under a second.
@Suite struct MarkdownPathologicalTests {
    static let size = MarkdownLimits().maxBytes

    static func repeated(_ unit: String, toBytes bytes: Int = size - 64) -> String {
        String(repeating: unit, count: bytes / unit.utf8.count)
    }

    static let cases: [(String, String)] = [
        ("nested strong emphasis", repeated("*a **a ", toBytes: size / 2 - 64) + "b" + repeated(" a** a*", toBytes: size / 2 - 64)),
        ("emphasis closers without openers", repeated("a_ ")),
        ("emphasis openers without closers", repeated("_a ")),
        ("mismatched openers and closers", repeated("*a_ ")),
        ("link openers without closers", repeated("[a")),
        ("link closers without openers", repeated("a]")),
        ("link openers and emphasis closers", repeated("[ a_")),
        ("nested brackets", String(repeating: "[", count: 100_000) + "a" + String(repeating: "]", count: 100_000)),
        ("nested block quotes", repeated("> ") + "a"),
        ("deeply nested lists", (0..<1_000).map { String(repeating: "  ", count: $0) + "* a\n" }.joined()),
        ("long run of asterisks", repeated("*") + "a"),
        ("long run of underscores", repeated("_") + "a"),
        ("long run of brackets", repeated("[") + "a"),
        ("unclosed link destinations", repeated("[a](<b")),
        ("very wide table", "|" + repeated("a|", toBytes: 4_000) + "\n|" + repeated("-|", toBytes: 4_000) + "\n"
            + String(repeating: "|" + repeated("b|", toBytes: 4_000) + "\n", count: 100)),
        ("table with many rows", "|a|b|\n|-|-|\n" + repeated("|x|y|\n")),
        ("many greater-than signs in a table", "a|b\n-|-\n" + repeated(">")),
        ("many strikethrough delimiters", repeated("~a ")),
        ("many autolink candidates", repeated("www.a ")),
        ("many footnote references", (0..<10_000).map { "[^\($0)]" }.joined() + "\n\n" + (0..<10_000).map { "[^\($0)]: x\n" }.joined()),
    ]

    @Test(arguments: cases)
    func isRejectedOrFast(_ name: String, _ markdown: String) {
        let file = SourceFile(relativePath: "x.md", displayPath: "Content/x.md", text: "")
        // CPU time of this thread, not wall time: tests run in parallel on a shared machine, and
        // only the work this input causes should count.
        let start = Self.threadCPUSeconds()
        let result = MarkdownRenderer().render(markdown, file: file, options: MarkdownOptions())
        let elapsed = Self.threadCPUSeconds() - start
        if result.diagnostics.isEmpty {
            #expect(elapsed < 1, "\(name): \(markdown.utf8.count) bytes took \(elapsed) s of CPU")
        } else {
            #expect(result.diagnostics.allSatisfy { $0.description.hasPrefix("Content/x.md:") && $0.description.contains(" – ") })
            #expect(result.html.isEmpty, "\(name): a rejected page must not be rendered")
        }
    }

    /// The limits check skips "plain" bytes; none of them may be one the limits count.
    @Test func plainBytesAreNothingTheLimitsCount() {
        var plain = 0
        for byte in UInt8.min...UInt8.max where MarkdownLimits.isPlain(byte) {
            plain += 1
            #expect(!MarkdownLimits.isDelimiter(byte) && !Array(" \t\r\n|>-+".utf8).contains(byte), "byte \(byte)")
        }
        #expect(plain == 128 + 26 + 26 + 10)
    }

    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
