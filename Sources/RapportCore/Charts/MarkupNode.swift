/// A small typed tree for the figure's markup (the `<figure>`, its inline SVG and its table).
///
/// Charts are built as values and turned into text once, by `render()`, so that no piece of content
/// can reach the output without passing through `HTMLEscaping.escape`, and so that tests can look at
/// structure instead of substrings. Attribute order is kept as given: the output is stable for
/// golden files.
public indirect enum MarkupNode: Sendable, Hashable {
    /// An element; `name` and attribute names are written as given (they come from this module, never
    /// from content), attribute values and text are escaped.
    case element(String, attributes: [Attribute], children: [MarkupNode])
    /// Text content, escaped when rendered.
    case text(String)

    /// One attribute; a struct rather than a dictionary entry to keep the order deterministic.
    public struct Attribute: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Shorthand used by the layouts: `.el("rect", ["x": …])` reads close to the SVG it makes.
    static func el(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ children: [MarkupNode] = [])
        -> MarkupNode
    {
        .element(name, attributes: attributes.map { Attribute($0.key, $0.value) }, children: children)
    }

    /// Text content of this node and its descendants, without markup (used by tests and summaries).
    var plainText: String {
        switch self {
        case .text(let text): return text
        case .element(_, _, let children): return children.map(\.plainText).joined()
        }
    }

    /// The markup as text. Empty SVG elements are self-closed (`<rect …/>`), which HTML allows for
    /// foreign elements; empty HTML elements get an end tag, because `<td/>` is not valid HTML.
    public func render() -> String {
        var out = ""
        out.reserveCapacity(16_384)
        write(to: &out, inSVG: false)
        return out
    }

    /// Appends piece by piece: `"<" + name + …` built a temporary string per piece, and this runs
    /// for every bar, label and table cell of every figure.
    private func write(to out: inout String, inSVG: Bool) {
        switch self {
        case .text(let text):
            out += HTMLEscaping.escape(text)
        case .element(let name, let attributes, let children):
            let svg = inSVG || name == "svg"
            out += "<"
            out += name
            for attribute in attributes {
                out += " "
                out += attribute.name
                out += "=\""
                out += HTMLEscaping.escape(attribute.value)
                out += "\""
            }
            if children.isEmpty && svg {
                out += "/>"
            } else {
                out += ">"
                for child in children {
                    child.write(to: &out, inSVG: svg)
                }
                out += "</"
                out += name
                out += ">"
            }
            if Self.hasLineBreakAfter(name) { out += "\n" }
        }
    }

    /// Elements followed by a line break, so golden-file diffs show one bar or table row per line.
    /// Only elements where the break is insignificant whitespace (never `tspan`, `span`, `td`).
    private static func hasLineBreakAfter(_ name: String) -> Bool {
        switch name {
        case "figure", "figcaption", "svg", "title", "desc", "g", "rect", "line", "text",
             "table", "caption", "thead", "tbody", "tr", "details", "summary", "p": true
        default: false
        }
    }
}
