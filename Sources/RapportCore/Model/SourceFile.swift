/// An input file, read once per build.
public struct SourceFile: Sendable, Hashable {
    /// Path relative to the content folder, with `/` separators: `projekter/vejle.md`.
    public var relativePath: String
    /// Path as shown in diagnostics: the content folder as the user named it plus `relativePath`,
    /// e.g. `Content/projekter/vejle.md`.
    public var displayPath: String
    public var text: String

    public init(relativePath: String, displayPath: String, text: String) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.text = text
    }

    public func location(line: Int, column: Int = 0) -> SourceLocation {
        SourceLocation(file: displayPath, line: line, column: column)
    }
}
