/// What the engine knows about a figure's place in the site, which the figure block cannot know.
public struct FigureRenderContext: Sendable {
    /// "Figur 4.2": the engine numbers figures per chapter.
    public var label: String
    /// The figure's `eksempeldata:` or else the page's flag, resolved by the engine.
    public var exampleData: Bool
    /// URL of the CSV download (the engine writes the file: `FigureCSVExport.bytes`, the bytes of `FigureRenderer.csv`).
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
        let writer = MarkupWriter()
        write(spec: spec, data: data, context: context, to: writer)
        return writer.markup
    }

    /// The content of the CSV download: comma-separated, UTF-8, a header row with Danish column
    /// names, rows in the figure's order. See `FigureCSVExport`.
    public static func csv(spec: FigureSpec, data: FigureData) -> String {
        FigureCSVExport.csv(spec: spec, data: data)
    }

    /// Writes the `<figure>` element where the writer stands (the engine writes it straight into
    /// the page's HTML).
    static func write(spec: FigureSpec, data: FigureData, context: FigureRenderContext, to writer: MarkupWriter) {
        let ids = FigureIDs(figureID: spec.id)
        let content = FigureContent(spec: spec, data: data)
        let example = context.exampleData ? " (eksempeldata)" : ""
        writer.element("figure", ["class": "figur figur-\(spec.kind.rawValue)", "id": ids.figure]) {
            writer.element("figcaption", ["id": ids.caption]) {
                writer.element("span", ["class": "figur-nummer"], text: context.label + ":")
                writer.text(" " + spec.title)
                if context.exampleData { writer.element("span", ["class": "figur-eksempeldata"], text: example) }
            }
            svg(content: content, ids: ids, title: "\(context.label): \(spec.title)\(example)", writer: writer)
            tableBlock(ids: ids, visible: context.tablesVisible, writer: writer) {
                content.writeTable(captionID: ids.table, label: context.label, title: spec.title, to: writer)
            }
            if let source = spec.source {
                writer.element("p", ["class": "figur-kilde"], text: "Kilde: " + source)
            }
            writer.element("p", ["class": "figur-data"]) {
                writer.element("a", ["href": context.csvHref, "download": ""], text: "Hent data (CSV)")
            }
        }
    }

    private static func svg(content: FigureContent, ids: FigureIDs, title: String, writer: MarkupWriter) {
        let (width, height, drawing) = content.drawing
        let viewBox = "0 0 \(SVGNumber.format(width)) \(SVGNumber.format(height))"
        writer.element("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "viewBox": viewBox, "width": "100%", "role": "img",
            "aria-labelledby": "\(ids.title) \(ids.description)", "font-family": ChartStyle.fontFamily,
            "font-size": SVGNumber.format(ChartStyle.fontSize), "class": "figur-svg",
        ]) {
            writer.element("title", ["id": ids.title], text: title)
            writer.element("desc", ["id": ids.description], text: content.summary)
            drawing(writer)
        }
    }

    /// The data table, folded in `<details>` unless the site shows tables. The scroll wrapper is a
    /// focusable, named region so keyboard users can scroll a wide table (WCAG 2.1.1).
    private static func tableBlock(ids: FigureIDs, visible: Bool, writer: MarkupWriter, table: () -> Void) {
        if visible {
            wrapper(ids: ids, writer: writer, table: table)
        } else {
            writer.element("details", ["class": "figur-tal"]) {
                writer.element("summary", text: "Se tallene som tabel")
                wrapper(ids: ids, writer: writer, table: table)
            }
        }
    }

    private static func wrapper(ids: FigureIDs, writer: MarkupWriter, table: () -> Void) {
        writer.element("div", ["class": "figur-tabel", "role": "region", "tabindex": "0", "aria-labelledby": ids.table],
                       table)
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
