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
    /// The most bytes `write` writes (a sign, 19 digits, a point, two decimals).
    static let maximumLength = 24

    static func format(_ value: Double) -> String {
        String(unsafeUninitializedCapacity: maximumLength) { write(value, to: $0.baseAddress!) }
    }

    /// Writes `format(value)` at `start` (room for `maximumLength` bytes) and returns its length.
    /// Digit by digit into the caller's memory: a chart writes hundreds of numbers, and building each
    /// as a string first cost ~300 instructions.
    static func write(_ value: Double, to start: UnsafeMutablePointer<UInt8>) -> Int {
        let hundredths = value.isFinite ? Int((value * 100).rounded()) : 0
        var cursor = start
        if hundredths < 0 {
            cursor.pointee = UInt8(ascii: "-")
            cursor += 1
        }
        var whole = hundredths.magnitude / 100
        var digits = 1
        var rest = whole
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        cursor += digits
        var digit = cursor
        repeat {
            digit -= 1
            digit.pointee = UInt8(ascii: "0") + UInt8(whole % 10)
            whole /= 10
        } while whole > 0
        let fraction = hundredths.magnitude % 100
        if fraction != 0 {
            cursor[0] = UInt8(ascii: ".")
            cursor[1] = UInt8(ascii: "0") + UInt8(fraction / 10)
            cursor += 2
            if fraction % 10 != 0 {
                cursor.pointee = UInt8(ascii: "0") + UInt8(fraction % 10)
                cursor += 1
            }
        }
        return cursor - start
    }
}

extension MarkupWriter {
    /// A rectangle filled with `fill`, optionally outlined (white between Likert segments, so they are
    /// told apart without colour; grey around light swatches).
    func rect(x: Double, y: Double, width: Double, height: Double, fill: RGBColor, stroke: RGBColor? = nil) {
        startRect(x: x, y: y, width: width, height: height, fill: fill, stroke: stroke)
        end()
    }

    /// A rectangle with a tooltip: what `tooltip` writes becomes a `<title>` child, which browsers
    /// show on hover – the exact numbers for mouse users, without JavaScript. (Written in pieces
    /// rather than as one interpolated string: one tooltip per bar segment adds up.)
    func rect(x: Double, y: Double, width: Double, height: Double, fill: RGBColor, stroke: RGBColor? = nil,
              tooltip: () -> Void)
    {
        startRect(x: x, y: y, width: width, height: height, fill: fill, stroke: stroke)
        start("title")
        tooltip()
        end()
        end()
    }

    private func startRect(x: Double, y: Double, width: Double, height: Double, fill: RGBColor, stroke: RGBColor?) {
        start("rect").attribute("x", x).attribute("y", y)
            .attribute("width", max(width, 0)).attribute("height", max(height, 0)).attribute("fill", fill)
        if let stroke { attribute("stroke", stroke).attribute("stroke-width", 1.0) }
    }

    func line(x1: Double, y1: Double, x2: Double, y2: Double, opacity: String = ChartStyle.gridOpacity) {
        start("line").attribute("x1", x1).attribute("y1", y1).attribute("x2", x2).attribute("y2", y2)
            .attribute("stroke", ChartStyle.textFill).attribute("stroke-opacity", opacity)
        end()
    }

    enum Anchor: String {
        case start, middle, end
    }

    /// A text of one or more lines; `y` is the first line's baseline. Lines become `<tspan>`s, which
    /// screen readers never see (the SVG is one image to them) but sighted readers need.
    func text(_ lines: [String], x: Double, y: Double, anchor: Anchor = .start, fill: String = ChartStyle.textFill,
              fontSize: Double? = nil, bold: Bool = false, lineHeight: Double = ChartStyle.lineHeight)
    {
        startText(x: x, y: y, anchor: anchor, fill: fill, fontSize: fontSize, bold: bold)
        if lines.count > 1 {
            for (index, line) in lines.enumerated() {
                start("tspan").attribute("x", x)
                if index == 0 { attribute("dy", "0") } else { attribute("dy", lineHeight) }
                text(line).end()
            }
        } else {
            text(lines.first ?? "")
        }
        end()
    }

    /// A one-line text (the common case, without an array).
    func text(_ line: String, x: Double, y: Double, anchor: Anchor = .start, fill: String = ChartStyle.textFill,
              fontSize: Double? = nil, bold: Bool = false)
    {
        startText(x: x, y: y, anchor: anchor, fill: fill, fontSize: fontSize, bold: bold)
        text(line).end()
    }

    private func startText(x: Double, y: Double, anchor: Anchor, fill: String, fontSize: Double?, bold: Bool) {
        start("text").attribute("x", x).attribute("y", y)
        if anchor != .start { attribute("text-anchor", anchor.rawValue) }
        attribute("fill", fill)
        if let fontSize { attribute("font-size", fontSize) }
        if bold { attribute("font-weight", "600") }
    }

    /// A legend entry's swatch: outlined when its colour is too light to be seen on white.
    func swatch(x: Double, y: Double, fill: RGBColor) {
        rect(x: x, y: y, width: ChartStyle.swatchSize, height: ChartStyle.swatchSize, fill: fill,
             stroke: Palette.needsOutline(fill) ? Palette.outline : nil)
    }
}
