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
        var out: [UInt8] = []
        out.reserveCapacity(16_384)
        write(to: &out, inSVG: false)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends UTF-8 bytes: appending small strings to a `String` (and building a temporary string
    /// per `"<" + name + …`) made writing the markup a fifth of a build with five figures per page.
    private func write(to out: inout [UInt8], inSVG: Bool) {
        switch self {
        case .text(let text):
            HTMLEscaping.appendEscaped(text, to: &out)
        case .element(let name, let attributes, let children):
            let svg = inSVG || name == "svg"
            out.append(UInt8(ascii: "<"))
            out.append(contentsOf: name.utf8)
            for attribute in attributes {
                out.append(UInt8(ascii: " "))
                out.append(contentsOf: attribute.name.utf8)
                out.append(contentsOf: "=\"".utf8)
                HTMLEscaping.appendEscaped(attribute.value, to: &out)
                out.append(UInt8(ascii: "\""))
            }
            if children.isEmpty && svg {
                out.append(contentsOf: "/>".utf8)
            } else {
                out.append(UInt8(ascii: ">"))
                for child in children {
                    child.write(to: &out, inSVG: svg)
                }
                out.append(contentsOf: "</".utf8)
                out.append(contentsOf: name.utf8)
                out.append(UInt8(ascii: ">"))
            }
            if Self.hasLineBreakAfter(name) { out.append(UInt8(ascii: "\n")) }
        }
    }

    /// Elements followed by a line break, so golden-file diffs show one bar or table row per line.
    /// Only elements where the break is insignificant whitespace (never `tspan`, `span`, `td`).
    /// (Dispatches on the first byte: a `switch` over all the names compared each element's name
    /// with up to seventeen strings, a measurable share of writing a chart.)
    private static func hasLineBreakAfter(_ name: String) -> Bool {
        switch name.utf8.first {
        case UInt8(ascii: "c"): name == "caption"
        case UInt8(ascii: "d"): name == "desc" || name == "details"
        case UInt8(ascii: "f"): name == "figure" || name == "figcaption"
        case UInt8(ascii: "g"): name == "g"
        case UInt8(ascii: "l"): name == "line"
        case UInt8(ascii: "p"): name == "p"
        case UInt8(ascii: "r"): name == "rect"
        case UInt8(ascii: "s"): name == "svg" || name == "summary"
        case UInt8(ascii: "t"): name == "title" || name == "text" || name == "table" || name == "thead" || name == "tbody" || name == "tr"
        default: false
        }
    }
}
