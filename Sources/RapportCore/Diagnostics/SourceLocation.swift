/// A place in an input file, as a person would look it up in an editor.
///
/// `file` is the path as the user named it (e.g. `Content/projekter/vejle.md`), so an error can be
/// clicked in a terminal. Lines and columns start at 1; a column of 0 means "the whole line".
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, leaving out what is not known.
    public var description: String {
        guard line > 0 else { return file }
        guard column > 0 else { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }

    /// The same file, shifted by a number of lines (used when a block of text, such as front
    /// matter or a figure spec, is parsed on its own and positions must point into the whole file).
    public func offset(lines: Int, column: Int? = nil) -> SourceLocation {
        SourceLocation(file: file, line: line + lines, column: column ?? self.column)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
