/// Splits a Markdown file into its YAML front matter and its body.
///
/// Front matter is YAML between a first line `---` and the next line `---` (or `...`).
public struct FrontMatter: Sendable, Hashable {
    /// The YAML text, without the fences. Empty when the file has no front matter.
    public var yaml: String
    /// Lines before the YAML's first line (the opening fence): 1 when there is front matter.
    public var yamlLineOffset: Int
    public var body: String
    /// Lines before the body's first line, so Markdown positions point into the whole file.
    public var bodyLineOffset: Int
    public var isPresent: Bool

    /// A diagnostic when the front matter is opened but never closed.
    public static func split(_ file: SourceFile) -> Result<FrontMatter, Diagnostic> {
        var text = Substring(file.text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        let lines = Self.lines(text)
        guard lines.first == "---" else {
            return .success(FrontMatter(yaml: "", yamlLineOffset: 0, body: String(text), bodyLineOffset: 0, isPresent: false))
        }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0] == "---" || lines[$0] == "..." }) else {
            return .failure(.error(at: file.location(line: 1, column: 1), "front matter is not closed",
                                   hint: "end the YAML block with a line containing only '---'"))
        }
        return .success(FrontMatter(yaml: lines[1..<close].joined(separator: "\n"), yamlLineOffset: 1,
                                    body: lines[(close + 1)...].joined(separator: "\n"), bodyLineOffset: close + 1, isPresent: true))
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
