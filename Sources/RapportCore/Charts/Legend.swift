/// A legend: coloured swatches with their names, in scale (or series) order, wrapped onto as many
/// lines as the width needs.
struct Legend: Sendable, Hashable {
    struct Item: Sendable, Hashable {
        var label: String
        var color: RGBColor
    }

    /// Placed items: the swatch's top-left corner; the text follows the swatch.
    struct Placed: Sendable, Hashable {
        var item: Item
        var x: Double
        var y: Double
    }

    static let itemGap = 16.0
    static let swatchTextGap = 5.0
    static let rowHeight = 20.0

    var placed: [Placed]
    var height: Double

    /// Lays out items left to right from `x`, starting a new line when the next item would pass
    /// `x + maxWidth` (an item wider than a whole line gets a line of its own).
    init(items: [Item], x: Double, y: Double, maxWidth: Double) {
        var placed: [Placed] = []
        var cursor = x
        var row = 0
        for item in items {
            let width = Self.width(of: item)
            if cursor > x, cursor + width > x + maxWidth {
                row += 1
                cursor = x
            }
            placed.append(Placed(item: item, x: cursor, y: y + Double(row) * Self.rowHeight))
            cursor += width + Self.itemGap
        }
        self.placed = placed
        self.height = items.isEmpty ? 0 : Double(row + 1) * Self.rowHeight
    }

    static func width(of item: Item) -> Double {
        ChartStyle.swatchSize + swatchTextGap + TextWrap.width(item.label, fontSize: ChartStyle.smallFontSize)
    }

    func write(to writer: MarkupWriter) {
        writer.element("g", ["class": "figur-forklaring"]) {
            for entry in placed {
                writer.swatch(x: entry.x, y: entry.y, fill: entry.item.color)
                writer.text(entry.item.label, x: entry.x + ChartStyle.swatchSize + Self.swatchTextGap,
                            y: entry.y + ChartStyle.swatchSize - 1.5, fontSize: ChartStyle.smallFontSize)
            }
        }
    }
}
