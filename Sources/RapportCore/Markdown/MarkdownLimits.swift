/// Input limits checked before a page reaches cmark-gfm.
///
/// Debian's cmark-gfm 0.29.0.gfm.6 predates upstream fixes for inputs that take quadratic time
/// (deep nesting, long delimiter runs, very wide tables). Rather than hope, Rapport rejects such
/// pages with a clear error. The defaults are far above what a report needs and keep the worst
/// case well under a second per page (see `MarkdownPathologicalTests`).
public struct MarkdownLimits: Sendable, Hashable {
    /// Largest page body, in bytes. Some inputs (many table rows, many autolink candidates) cost
    /// cmark-gfm about a microsecond per byte; 256 KiB keeps them near a quarter of a second and is
    /// still some fifty times a long chapter.
    public var maxBytes: Int = 256 << 10
    /// Deepest nesting of block quotes and lists.
    public var maxNestingDepth: Int = 32
    /// Longest run of the same delimiter character (`*`, `_`, `[`, `]`, `~`, `` ` ``) on one line.
    public var maxDelimiterRun: Int = 256
    /// Most `*`, `_`, `[`, `]`, `~` and `` ` `` delimiters in one paragraph.
    public var maxDelimitersPerParagraph: Int = 20_000
    /// Most columns in a table.
    public var maxTableColumns: Int = 100

    public init() {}

    /// Every limit the text breaks, with the line where it first happens.
    public func check(_ text: some StringProtocol, file: SourceFile, lineOffset: Int) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if text.utf8.count > maxBytes {
            problems.append(.error(at: file.location(line: lineOffset + 1, column: 1),
                "page body is \(text.utf8.count) bytes, more than the limit of \(maxBytes)",
                hint: "split the page into several pages"))
            return problems
        }
        var text = Substring(text)
        text.withUTF8 { bytes in
            checkLines(bytes, file: file, lineOffset: lineOffset, into: &problems)
        }
        return problems
    }

    /// One pass over the bytes (a split into line slices first was 4 % of a large build).
    private func checkLines(_ bytes: UnsafeBufferPointer<UInt8>, file: SourceFile, lineOffset: Int, into problems: inout [Diagnostic]) {
        var lineNumber = lineOffset
        var paragraphDelimiters = 0
        var reported: Set<String> = []
        func report(_ key: String, _ diagnostic: Diagnostic) {
            if reported.insert(key).inserted { problems.append(diagnostic) }
        }
        var lineStart = 0
        // `<=`: the text after the last line break is a line too (possibly empty), as in a split.
        while lineStart <= bytes.count {
            lineNumber += 1
            let depth = nestingDepth(bytes, from: lineStart)
            if depth > maxNestingDepth {
                report("depth", .error(at: file.location(line: lineNumber, column: 1),
                    "block quotes or lists nested \(depth) levels deep, more than the limit of \(maxNestingDepth)",
                    hint: "flatten the structure; deep nesting is not readable either"))
            }
            var run = 0
            var previous: UInt8 = 0
            var lineDelimiters = 0
            var pipes = 0
            var isBlank = true
            var position = lineStart
            while position < bytes.count, bytes[position] != UInt8(ascii: "\n") {
                let byte = bytes[position]
                position += 1
                if Self.isPlain(byte) {
                    // Letters, digits and the bytes of non-ASCII text, most of a page: none of the
                    // limits counts them, so they skip the tests below (1,000 pages: −20 M instructions).
                    isBlank = false
                    run = 0
                    previous = byte
                    continue
                }
                if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") { isBlank = false }
                if byte == UInt8(ascii: "|") { pipes += 1 }
                if Self.isDelimiter(byte) {
                    lineDelimiters += 1
                    run = byte == previous ? run + 1 : 1
                    if run > maxDelimiterRun {
                        report("run", .error(at: file.location(line: lineNumber, column: 1),
                            "a run of more than \(maxDelimiterRun) '\(Character(UnicodeScalar(byte)))' characters",
                            hint: "shorten the run or put it in a code block"))
                    }
                } else {
                    run = 0
                }
                previous = byte
            }
            paragraphDelimiters = isBlank ? 0 : paragraphDelimiters + lineDelimiters
            if paragraphDelimiters > maxDelimitersPerParagraph {
                report("paragraph", .error(at: file.location(line: lineNumber, column: 1),
                    "more than \(maxDelimitersPerParagraph) emphasis, link or code delimiters in one paragraph",
                    hint: "split the paragraph or put the text in a code block"))
            }
            if pipes > maxTableColumns + 1 {
                report("table", .error(at: file.location(line: lineNumber, column: 1),
                    "a table row with more than \(maxTableColumns) columns",
                    hint: "split the table; put very wide data in a CSV figure instead"))
            }
            lineStart = position + 1
        }
    }

    /// ASCII letters and digits, and every byte ≥ 0x80 (parts of non-ASCII scalars): not blank, not
    /// a pipe, not a delimiter. (Each range tested with one unsigned subtraction.)
    static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "A") < 26 || byte &- UInt8(ascii: "0") < 10
    }

    /// A switch, not a `Set<UInt8>`: this runs for every byte of every page, and hashing each byte
    /// showed up in `perf`.
    static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "~"), UInt8(ascii: "`"): true
        default: false
        }
    }

    /// Block quote markers plus list indentation (two columns per level) at the start of a line.
    private func nestingDepth(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var quotes = 0
        var spaces = 0
        var position = start
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: ">"): quotes += 1; spaces = 0
            case UInt8(ascii: " "): spaces += 1
            case UInt8(ascii: "\t"): spaces += 4
            case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"): spaces += 2
            default: return quotes + spaces / 2
            }
            position += 1
        }
        return quotes + spaces / 2
    }
}
