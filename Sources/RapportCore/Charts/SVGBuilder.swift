/// Shared pieces of both chart layouts: the measurements of the house style and small constructors
/// for SVG nodes, so the layouts read as geometry rather than markup.
enum ChartStyle {
    /// Width of every chart's coordinate system. The SVG is drawn `width="100%"` and scales with the
    /// page; 720 units match the text column, so 13 units are close to 13 CSS pixels on a desktop.
    static let width = 720.0
    static let fontSize = 13.0
    static let smallFontSize = 12.0
    static let lineHeight = 16.0
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
    /// Text outside the bars follows the page's text colour, which forced-colors mode (Windows high
    /// contrast) replaces with the user's colour; fixed colours would vanish on a dark background.
    static let textFill = "currentColor"
    /// Gridlines: the text colour, faint.
    static let gridOpacity = "0.18"
    static let swatchSize = 12.0
}

/// Numbers in SVG attributes: at most two decimals, `.` as separator, no trailing zeros, no "-0".
/// Fixed precision keeps golden files stable across platforms and keeps the markup small.
enum SVGNumber {
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = Int((value * 100).rounded())
        if hundredths == 0 { return "0" }
        // Written right to left into a stack buffer: the result (at most 15 bytes for any chart
        // coordinate) is a small string without heap storage. Concatenating pieces cost ~700
        // instructions per number, and a chart has hundreds of numbers.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            var position = buffer.count
            func put(_ byte: UInt8) {
                position -= 1
                buffer[position] = byte
            }
            func digit(_ value: UInt) -> UInt8 { UInt8(ascii: "0") + UInt8(value) }
            var whole = hundredths.magnitude / 100
            let fraction = hundredths.magnitude % 100
            if fraction % 10 != 0 {
                put(digit(fraction % 10))
                put(digit(fraction / 10))
                put(UInt8(ascii: "."))
            } else if fraction != 0 {
                put(digit(fraction / 10))
                put(UInt8(ascii: "."))
            }
            repeat {
                put(digit(whole % 10))
                whole /= 10
            } while whole > 0
            if hundredths < 0 { put(UInt8(ascii: "-")) }
            return String(decoding: UnsafeMutableBufferPointer(rebasing: buffer[position...]), as: UTF8.self)
        }
    }
}

extension MarkupNode {
    /// A rectangle filled with `fill`, optionally outlined (white between Likert segments, so they are
    /// told apart without colour; grey around light swatches). `tooltip` becomes a `<title>` child,
    /// which browsers show on hover: the exact numbers for mouse users, without JavaScript.
    static func rect(x: Double, y: Double, width: Double, height: Double, fill: RGBColor, stroke: RGBColor? = nil,
                     strokeWidth: Double = 1, tooltip: String? = nil) -> MarkupNode
    {
        var attributes = [
            Attribute("x", SVGNumber.format(x)), Attribute("y", SVGNumber.format(y)),
            Attribute("width", SVGNumber.format(max(width, 0))), Attribute("height", SVGNumber.format(max(height, 0))),
            Attribute("fill", fill.description),
        ]
        if let stroke {
            attributes.append(Attribute("stroke", stroke.description))
            attributes.append(Attribute("stroke-width", SVGNumber.format(strokeWidth)))
        }
        return .element("rect", attributes: attributes, children: tooltip.map { [.el("title", [:], [.text($0)])] } ?? [])
    }

    static func line(x1: Double, y1: Double, x2: Double, y2: Double, opacity: String = ChartStyle.gridOpacity)
        -> MarkupNode
    {
        .el("line", [
            "x1": SVGNumber.format(x1), "y1": SVGNumber.format(y1), "x2": SVGNumber.format(x2),
            "y2": SVGNumber.format(y2), "stroke": ChartStyle.textFill, "stroke-opacity": opacity,
        ])
    }

    enum Anchor: String {
        case start, middle, end
    }

    /// A text of one or more lines; `y` is the first line's baseline. Lines become `<tspan>`s, which
    /// screen readers never see (the SVG is one image to them) but sighted readers need.
    static func text(_ lines: [String], x: Double, y: Double, anchor: Anchor = .start, fill: String = ChartStyle.textFill,
                     fontSize: Double? = nil, bold: Bool = false, lineHeight: Double = ChartStyle.lineHeight) -> MarkupNode
    {
        var attributes = [Attribute("x", SVGNumber.format(x)), Attribute("y", SVGNumber.format(y))]
        if anchor != .start { attributes.append(Attribute("text-anchor", anchor.rawValue)) }
        attributes.append(Attribute("fill", fill))
        if let fontSize { attributes.append(Attribute("font-size", SVGNumber.format(fontSize))) }
        if bold { attributes.append(Attribute("font-weight", "600")) }
        guard lines.count > 1 else {
            return .element("text", attributes: attributes, children: [.text(lines.first ?? "")])
        }
        let spans = lines.enumerated().map { index, line in
            MarkupNode.el("tspan", ["x": SVGNumber.format(x), "dy": index == 0 ? "0" : SVGNumber.format(lineHeight)],
                          [.text(line)])
        }
        return .element("text", attributes: attributes, children: spans)
    }

    /// A legend entry's swatch: outlined when its colour is too light to be seen on white.
    static func swatch(x: Double, y: Double, fill: RGBColor) -> MarkupNode {
        rect(x: x, y: y, width: ChartStyle.swatchSize, height: ChartStyle.swatchSize, fill: fill,
             stroke: Palette.needsOutline(fill) ? Palette.outline : nil)
    }
}
