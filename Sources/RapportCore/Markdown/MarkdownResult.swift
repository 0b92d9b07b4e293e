/// What the Markdown stage learns about one page, as plain values (no C pointers survive it).
///
/// `html` still holds placeholders (see `Placeholder`) for what only the whole site can decide:
/// figure numbers, cross-reference labels and table numbers. The build fills them in later.
public struct MarkdownResult: Sendable {
    public var html: String
    /// Headings in document order, with their unique ids.
    public var headings: [Heading]
    /// Every link and image destination as written, for the link checker.
    public var links: [MarkdownLink]
    /// `figur` code blocks in document order; placeholder index = array index.
    public var figures: [FigureBlock]
    /// `[@fig:id]` / `[@tab:id]` in document order; placeholder index = array index.
    public var crossReferences: [CrossReference]
    /// Tables that carry an id (`Tabel: titel {#tab:id}` just before the table), in order.
    public var tables: [TableCaption]
    /// Problems found while walking the document (unsafe URLs, malformed captions).
    public var diagnostics: [Diagnostic]

    public init(html: String = "", headings: [Heading] = [], links: [MarkdownLink] = [], figures: [FigureBlock] = [],
                crossReferences: [CrossReference] = [], tables: [TableCaption] = [], diagnostics: [Diagnostic] = []) {
        self.html = html
        self.headings = headings
        self.links = links
        self.figures = figures
        self.crossReferences = crossReferences
        self.tables = tables
        self.diagnostics = diagnostics
    }
}

public struct Heading: Sendable, Hashable {
    public var level: Int
    /// Plain text (inline markup removed), for the table of contents.
    public var text: String
    public var id: String
    public var location: SourceLocation
}

public struct MarkdownLink: Sendable, Hashable {
    /// The destination exactly as the author wrote it.
    public var destination: String
    public var isImage: Bool
    public var location: SourceLocation
}

public struct CrossReference: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case figure = "fig"
        case table = "tab"
    }
    public var kind: Kind
    public var id: String
    public var location: SourceLocation
}

public struct TableCaption: Sendable, Hashable {
    public var id: String
    public var title: String
    public var location: SourceLocation
}

/// How the Markdown stage should treat one page.
public struct MarkdownOptions: Sendable {
    /// Raw HTML is shown as text unless the page opts in with `raa_html: true`.
    public var allowRawHTML: Bool
    /// Lines of front matter before the body, so positions point into the whole file.
    public var lineOffset: Int
    /// Turns a link destination as written into the href to emit (e.g. `../projekter/vejle.md`
    /// → `/projekter/vejle/`). Pure; called synchronously during the walk.
    public var rewriteLink: @Sendable (String) -> String

    public init(allowRawHTML: Bool = false, lineOffset: Int = 0, rewriteLink: @escaping @Sendable (String) -> String = { $0 }) {
        self.allowRawHTML = allowRawHTML
        self.lineOffset = lineOffset
        self.rewriteLink = rewriteLink
    }
}
