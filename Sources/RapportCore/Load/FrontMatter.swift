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
        // `isNewline` treats "\r\n" as one line break (Swift keeps it as one Character).
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
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
}
