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

    /// Returns nil and a diagnostic when the front matter is opened but never closed.
    public static func split(_ file: SourceFile) -> Result<FrontMatter, Diagnostic> {
        var text = Substring(file.text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") || text == "---" else {
            return .success(FrontMatter(yaml: "", yamlLineOffset: 0, body: String(text), bodyLineOffset: 0, isPresent: false))
        }
        var lineNumber = 1
        var yamlLines: [Substring] = []
        var rest = text[text.index(after: text.firstIndex(of: "\n") ?? text.endIndex, orEnd: text)...]
        while !rest.isEmpty {
            let end = rest.firstIndex(of: "\n") ?? rest.endIndex
            var line = rest[..<end]
            if line.hasSuffix("\r") { line = line.dropLast() }
            lineNumber += 1
            rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
            if line == "---" || line == "..." {
                return .success(FrontMatter(yaml: yamlLines.joined(separator: "\n"), yamlLineOffset: 1,
                                            body: String(rest), bodyLineOffset: lineNumber, isPresent: true))
            }
            yamlLines.append(line)
        }
        return .failure(.error(at: file.location(line: 1, column: 1), "front matter is not closed",
                               hint: "end the YAML block with a line containing only '---'"))
    }
}

private extension Substring {
    func index(after index: Index, orEnd _: Substring) -> Index {
        index == endIndex ? endIndex : self.index(after: index)
    }
}
