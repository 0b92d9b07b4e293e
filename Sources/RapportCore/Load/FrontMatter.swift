import Foundation

/// Splits a Markdown file into its YAML front matter and its body.
///
/// Front matter is YAML between a first line `---` and the next line `---` (or `...`).
public struct FrontMatter: Sendable, Hashable {
    /// The YAML text, without the fences. Empty when the file has no front matter.
    public var yaml: String
    /// Lines before the YAML's first line (the opening fence): 1 when there is front matter.
    public var yamlLineOffset: Int
    /// A slice of the file's text (no copy: a site holds every page's text, and a copied body
    /// doubled that), or a new string when line endings had to become LF.
    public var body: Substring
    /// Lines before the body's first line, so Markdown positions point into the whole file.
    public var bodyLineOffset: Int
    public var isPresent: Bool

    /// A diagnostic when the front matter is opened but never closed.
    public static func split(_ file: SourceFile) -> Result<FrontMatter, Diagnostic> {
        var text = Substring(file.text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        // Only the front matter is split into lines; the body is cut off whole (splitting and
        // joining every line of every page was 3 % of a build).
        var lines: [Substring] = []
        var rest = text
        while let (line, after) = Self.firstLine(rest) {
            lines.append(line)
            rest = after ?? text[text.endIndex...]
            if lines.count == 1 && line != "---" {
                return .success(FrontMatter(yaml: "", yamlLineOffset: 0, body: text, bodyLineOffset: 0, isPresent: false))
            }
            if lines.count > 1 && (line == "---" || line == "...") {
                return .success(FrontMatter(yaml: lines[1..<(lines.count - 1)].joined(separator: "\n"), yamlLineOffset: 1,
                                            body: after.map(Self.withLineFeeds) ?? "", bodyLineOffset: lines.count, isPresent: true))
            }
            if after == nil { break }
        }
        guard lines.first == "---" else {
            return .success(FrontMatter(yaml: "", yamlLineOffset: 0, body: text, bodyLineOffset: 0, isPresent: false))
        }
        return .failure(.error(at: file.location(line: 1, column: 1), "front matter is not closed",
                               hint: "end the YAML block with a line containing only '---'"))
    }

    /// The first line of `text` and what follows its line break (nil when it has none).
    static func firstLine(_ text: Substring) -> (line: Substring, rest: Substring?)? {
        let bytes = text.utf8
        guard let end = bytes.firstIndex(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else {
            return (text, nil)
        }
        var next = bytes.index(after: end)
        if bytes[end] == UInt8(ascii: "\r"), next < bytes.endIndex, bytes[next] == UInt8(ascii: "\n") { next = bytes.index(after: next) }
        return (text[..<end], text[next...])
    }

    /// The body with every line ending as LF, so later stages (limits, positions) need only count
    /// LFs. Most files have no CR at all and are returned as they are.
    static func withLineFeeds(_ text: Substring) -> Substring {
        guard hasCarriageReturn(text) else { return text }
        return Substring(lines(text).joined(separator: "\n"))
    }

    /// `memchr` over the bytes: the generic `contains` on a `Substring`'s UTF-8 view was 3 % of a
    /// large build.
    static func hasCarriageReturn(_ text: Substring) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, Int32(UInt8(ascii: "\r")), bytes.count) != nil
        } ?? text.utf8.contains(UInt8(ascii: "\r"))
    }

    /// Lines end where editors, cmark and the CSV reader end them: LF, CRLF or CR. (`isNewline`
    /// also split at vertical tab, form feed, NEL and U+2028/9, which shifted every later position
    /// and turned the character into a line break in the body.) Scans bytes: both are ASCII, and
    /// comparing Characters is slow on long lines of emoji or combining marks.
    static func lines(_ text: Substring) -> [Substring] {
        var lines: [Substring] = []
        let bytes = text.utf8
        var start = bytes.startIndex
        var index = start
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else {
                index = bytes.index(after: index)
                continue
            }
            lines.append(text[start..<index])
            index = bytes.index(after: index)
            if byte == UInt8(ascii: "\r"), index < bytes.endIndex, bytes[index] == UInt8(ascii: "\n") { index = bytes.index(after: index) }
            start = index
        }
        lines.append(text[start...])
        return lines
    }
}
