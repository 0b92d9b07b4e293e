/// What the engine knows about a figure's place in the site, which the figure block cannot know.
public struct FigureRenderContext: Sendable {
    /// "Figur 4.2": the engine numbers figures per chapter.
    public var label: String
    /// The figure's `eksempeldata:` or else the page's flag, resolved by the engine.
    public var exampleData: Bool
    /// URL of the CSV download (the engine writes the file, from `FigureRenderer.csv`).
    public var csvHref: String
    /// Site setting `tabeller: synlige`: show the data table instead of folding it in `<details>`.
    public var tablesVisible: Bool

    public init(label: String, exampleData: Bool, csvHref: String, tablesVisible: Bool) {
        self.label = label
        self.exampleData = exampleData
        self.csvHref = csvHref
        self.tablesVisible = tablesVisible
    }
}

/// Turns a checked spec and its data into the figure's HTML and its CSV download.
///
/// One figure reaches every reader: sighted readers get the SVG; screen-reader users get the SVG
/// as one image with a title and a written summary, plus the same numbers as a real table; everyone
/// can download the data. No JavaScript, no external resources.
public enum FigureRenderer {
    /// The whole `<figure>` element (an HTML fragment, not wrapped in `<p>`).
    public static func html(spec: FigureSpec, data: FigureData, context: FigureRenderContext) -> String {
        figure(spec: spec, data: data, context: context).render()
    }

    /// The content of the CSV download: comma-separated, UTF-8, a header row with Danish column
    /// names, rows in the figure's order. See `FigureCSVExport`.
    public static func csv(spec: FigureSpec, data: FigureData) -> String {
        FigureCSVExport.csv(spec: spec, data: data)
    }

    /// The figure as a tree (tests inspect it; `html` renders it).
    static func figure(spec: FigureSpec, data: FigureData, context: FigureRenderContext) -> MarkupNode {
        let ids = FigureIDs(figureID: spec.id)
        let content = FigureContent(spec: spec, data: data)
        let example = context.exampleData ? " (eksempeldata)" : ""
        var captionChildren: [MarkupNode] = [
            .el("span", ["class": "figur-nummer"], [.text(context.label + ":")]),
            .text(" " + spec.title),
        ]
        if context.exampleData {
            captionChildren.append(.el("span", ["class": "figur-eksempeldata"], [.text(example)]))
        }
        var children: [MarkupNode] = [
            .el("figcaption", ["id": ids.caption], captionChildren),
            svg(content: content, ids: ids, title: "\(context.label): \(spec.title)\(example)"),
            tableBlock(content.table(captionID: ids.table, label: context.label, title: spec.title), ids: ids,
                       visible: context.tablesVisible),
        ]
        if let source = spec.source {
            children.append(.el("p", ["class": "figur-kilde"], [.text("Kilde: " + source)]))
        }
        children.append(.el("p", ["class": "figur-data"], [
            .el("a", ["href": context.csvHref, "download": ""], [.text("Hent data (CSV)")]),
        ]))
        return .el("figure", ["class": "figur figur-\(spec.kind.rawValue)", "id": ids.figure], children)
    }

    private static func svg(content: FigureContent, ids: FigureIDs, title: String) -> MarkupNode {
        let (width, height, nodes) = content.drawing
        let viewBox = "0 0 \(SVGNumber.format(width)) \(SVGNumber.format(height))"
        return .el("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "viewBox": viewBox, "width": "100%", "role": "img",
            "aria-labelledby": "\(ids.title) \(ids.description)", "font-family": ChartStyle.fontFamily,
            "font-size": SVGNumber.format(ChartStyle.fontSize), "class": "figur-svg",
        ], [
            .el("title", ["id": ids.title], [.text(title)]),
            .el("desc", ["id": ids.description], [.text(content.summary)]),
        ] + nodes)
    }

    /// The data table, folded in `<details>` unless the site shows tables. The scroll wrapper is a
    /// focusable, named region so keyboard users can scroll a wide table (WCAG 2.1.1).
    private static func tableBlock(_ table: MarkupNode, ids: FigureIDs, visible: Bool) -> MarkupNode {
        let wrapper = MarkupNode.el("div", ["class": "figur-tabel", "role": "region", "tabindex": "0",
                                            "aria-labelledby": ids.table], [table])
        guard !visible else { return wrapper }
        return .el("details", ["class": "figur-tal"], [.el("summary", [:], [.text("Se tallene som tabel")]), wrapper])
    }
}

/// Every id inside one figure, prefixed with the figure's own id so that several figures on a page
/// never collide.
struct FigureIDs: Sendable, Hashable {
    var figure: String
    var caption: String
    var title: String
    var description: String
    var table: String

    init(figureID: String) {
        figure = "fig-\(figureID)"
        caption = "\(figure)-billedtekst"
        title = "\(figure)-titel"
        description = "\(figure)-beskrivelse"
        table = "\(figure)-tabel"
    }
}
