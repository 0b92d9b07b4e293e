/// The geometry of a `søjler` figure: vertical columns of means on an axis that covers the scale
/// (1 to the number of valued points), grouped by category with one column per series, the value
/// above each column and `n=…` under each category's name.
///
/// The axis starts at 1, the scale's lowest answer: a mean cannot be below it, and starting at 0
/// would make every column look a fifth taller than the data.
struct ColumnLayout: Sendable, Hashable {
    struct Column: Sendable, Hashable {
        var series: String
        var value: ColumnTable.Value?
        var centerX: Double
        var width: Double
        var top: Double
        var color: RGBColor
    }

    struct Group: Sendable, Hashable {
        var name: String
        var centerX: Double
        var labelLines: [String]
        var columns: [Column]
    }

    static let plotHeight = 220.0
    static let axisLabelWidth = 28.0
    static let columnGap = 3.0
    static let maxColumnWidth = 64.0

    var width: Double
    var legend: Legend?
    var axisTitle: String
    var axisTitleBaseline: Double
    var plotTop: Double
    var plotX: Double
    var points: Int
    var groups: [Group]
    var labelTop: Double
    var nBaseline: Double
    var height: Double

    init(table: ColumnTable, categories: [ColumnTable.Category]) {
        let small = ChartStyle.smallFontSize
        points = max(table.points.count, 2)
        axisTitle = "Gennemsnit: 1 = \(table.points.first ?? "") … \(points) = \(table.points.last ?? "")"
        plotX = Self.axisLabelWidth
        let seriesCount = max(table.series.count, 1)
        // Narrowest column that still carries its value ("3,16") and its "n=…" without touching a
        // neighbour's; the chart widens (and scales down) rather than overlapping.
        let widestN = categories.flatMap(\.values).compactMap { $0.map { DanishNumberFormat.n($0.n) } }
            .map { TextWrap.width($0, fontSize: small) }.max() ?? 0
        let minimumColumn = max(TextWrap.width("0,00", fontSize: small), seriesCount > 1 ? widestN : 0) + 6
        let minimumGroup = (Double(seriesCount) * (minimumColumn + Self.columnGap)) / 0.75
        width = max(760, Self.axisLabelWidth + minimumGroup * Double(max(categories.count, 1)))
        let groupWidth = (width - plotX) / Double(max(categories.count, 1))
        let columnWidth = min(Self.maxColumnWidth, groupWidth * 0.75 / Double(seriesCount) - Self.columnGap)

        var top = 0.0
        if table.hasNamedSeries {
            let items = table.series.enumerated().map { Legend.Item(label: $0.element, color: Palette.series($0.offset)) }
            let legend = Legend(items: items, x: 0, y: 0, maxWidth: width)
            self.legend = legend
            top = legend.height + 6
        }
        axisTitleBaseline = top + 12
        plotTop = axisTitleBaseline + 18
        let plotBottom = plotTop + Self.plotHeight
        labelTop = plotBottom + 8

        let (points, plotTop) = (self.points, self.plotTop)
        var groups: [Group] = []
        for (index, category) in categories.enumerated() {
            let center = plotX + groupWidth * (Double(index) + 0.5)
            let span = Double(seriesCount) * (columnWidth + Self.columnGap) - Self.columnGap
            let columns = category.values.enumerated().map { offset, value in
                let x = center - span / 2 + Double(offset) * (columnWidth + Self.columnGap) + columnWidth / 2
                let top = value?.mean.map { Self.y(for: $0.doubleValue, points: points, plotTop: plotTop) } ?? plotBottom
                return Column(series: table.series.indices.contains(offset) ? table.series[offset] : "", value: value, centerX: x, width: columnWidth, top: top,
                              color: Palette.series(offset))
            }
            let lines = TextWrap.lines(category.name, maxWidth: groupWidth - 8, fontSize: small)
            groups.append(Group(name: category.name, centerX: center, labelLines: lines, columns: columns))
        }
        self.groups = groups
        let maxLines = groups.map(\.labelLines.count).max() ?? 1
        nBaseline = labelTop + Double(maxLines) * ChartStyle.lineHeight + 14
        height = nBaseline + 6
    }

    /// The y coordinate of a mean: 1 at the plot's bottom, `points` at its top.
    static func y(for value: Double, points: Int, plotTop: Double) -> Double {
        let fraction = (value - 1) / Double(max(points - 1, 1))
        return plotTop + plotHeight * (1 - min(max(fraction, 0), 1))
    }

    var plotBottom: Double { plotTop + Self.plotHeight }

    func write(to writer: MarkupWriter) {
        let small = ChartStyle.smallFontSize
        legend?.write(to: writer)
        writer.element("g", ["class": "figur-akse"]) {
            writer.text(axisTitle, x: 0, y: axisTitleBaseline, fontSize: small, bold: true)
            for point in 1...points {
                let y = Self.y(for: Double(point), points: points, plotTop: plotTop)
                writer.line(x1: plotX, y1: y, x2: width, y2: y, opacity: point == 1 ? "0.6" : ChartStyle.gridOpacity)
                writer.text(String(point), x: plotX - 8, y: y + 4, anchor: .end, fontSize: small)
            }
        }
        for group in groups { write(group, to: writer) }
    }

    private func write(_ group: Group, to writer: MarkupWriter) {
        let small = ChartStyle.smallFontSize
        writer.start("g")
        for column in group.columns {
            guard let value = column.value else { continue }
            let x = column.centerX - column.width / 2
            if let mean = value.mean {
                writer.rect(x: x, y: column.top, width: column.width, height: plotBottom - column.top, fill: column.color) {
                    // "Ledere, 2021: 3,16 (n=71)"
                    writer.text(group.name)
                    if !column.series.isEmpty { writer.text(", ").text(column.series) }
                    writer.text(": ").text(DanishNumberFormat.decimal(mean)).text(" (").text(DanishNumberFormat.n(value.n)).text(")")
                }
            }
            writer.text(DanishNumberFormat.mean(value.mean), x: column.centerX, y: column.top - 5,
                        anchor: .middle, fontSize: small)
            writer.text(DanishNumberFormat.n(value.n), x: column.centerX, y: nBaseline, anchor: .middle, fontSize: 11)
        }
        writer.text(group.labelLines, x: group.centerX, y: labelTop + ChartStyle.lineHeight - 4,
                    anchor: .middle, fontSize: small)
        writer.end()
    }
}
