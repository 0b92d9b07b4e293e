/// A fenced code block with the info string `figur`, as found in a Markdown page.
///
/// The Markdown stage hands these to the figure stage untouched; the figure stage parses the YAML
/// (`FigureSpec`) and reports problems at positions inside the block.
public struct FigureBlock: Sendable, Hashable {
    /// The block's content: YAML.
    public var yaml: String
    /// Where the YAML's first line is in the page (the line after the opening fence).
    public var location: SourceLocation

    public init(yaml: String, location: SourceLocation) {
        self.yaml = yaml
        self.location = location
    }
}
