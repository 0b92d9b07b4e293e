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

    /// One `[@fig:id]` or `[@tab:id]` in a text: where it is, what it names.
    struct Mention {
        var range: Range<String.Index>
        var kind: Kind
        var id: String
    }

    /// Every `[@fig:id]` / `[@tab:id]` (id: letters, digits, `_`, `-`) in `text`, in order.
    /// A scan rather than a Regex: `Regex` is not `Sendable`, so it cannot be shared between the
    /// threads that render pages, and parsing the literal again for every text node cost 6 % of a build.
    static func mentions(in text: String) -> [Mention] {
        let utf8 = text.utf8
        var found: [Mention] = []
        var cursor = utf8.startIndex
        while let open = utf8[cursor...].firstIndex(of: UInt8(ascii: "[")) {
            cursor = utf8.index(after: open)
            let rest = utf8[cursor...]
            let kind: Kind
            if rest.starts(with: "@fig:".utf8) { kind = .figure } else if rest.starts(with: "@tab:".utf8) { kind = .table } else { continue }
            let idStart = utf8.index(cursor, offsetBy: 5)
            guard let close = utf8[idStart...].firstIndex(where: { !isIDByte($0) }), close > idStart,
                  utf8[close] == UInt8(ascii: "]") else { continue }
            found.append(Mention(range: open..<utf8.index(after: close), kind: kind, id: String(text[idStart..<close])))
            cursor = utf8.index(after: close)
        }
        return found
    }

    private static func isIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"): true
        default: false
        }
    }
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
