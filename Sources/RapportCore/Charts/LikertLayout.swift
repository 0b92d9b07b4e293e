/// The geometry of a Likert figure: one 100 % bar per question, with the question to the left and
/// the columns "Total" (`100 (n=71)`) and "Gennemsnit" (`2,74`) to the right, as in the reference
/// report, plus a legend above.
///
/// Computed as plain values first (tested: rows never overlap, labels fit their segments) and only
/// then written as SVG.
struct LikertLayout: Sendable, Hashable {
    struct Segment: Sendable, Hashable {
        var category: String
        var x: Double
        var width: Double
        var color: RGBColor
        var count: Int
        var percent: Int
        /// The printed percentage, `nil` when the segment is under the threshold or too narrow.
        var label: String?
    }

    struct Row: Sendable, Hashable {
        var summary: LikertRowSummary
        var labelLines: [String]
        /// Top of the row's band and its height (the bar and the text are centred in it).
        var top: Double
        var height: Double
        var segments: [Segment]
        var barTop: Double { top + (height - LikertLayout.barHeight) / 2 }
        var textBaseline: Double { top + height / 2 + 4.5 }
    }

    static let barHeight = 22.0
    static let rowPadding = 8.0
    static let columnGap = 16.0
    /// The space before "Ved ikke", which sets it apart from the valued answers.
    static let dontKnowGap = 4.0
    static let segmentLabelPadding = 3.0

    let width = 760.0
    var labelWidth: Double
    var barX: Double
    var barWidth: Double
    var totalRight: Double
    var meanRight: Double
    var legend: Legend
    var headerBaseline: Double
    var rows: [Row]
    var height: Double

    init(summaries: [LikertRowSummary], table: LikertTable, labelThreshold: Int) {
        let font = ChartStyle.fontSize
        let small = ChartStyle.smallFontSize
        let naturalLabel = summaries.map { TextWrap.width($0.question, fontSize: font) }.max() ?? 0
        labelWidth = min(max(naturalLabel, 120), (width * 0.34).rounded())
        let totalWidth = max(summaries.map { TextWrap.width(DanishNumberFormat.total(n: $0.n), fontSize: font) }.max() ?? 0,
                             TextWrap.width("Total", fontSize: small, bold: true))
        let meanWidth = TextWrap.width("Gennemsnit", fontSize: small, bold: true)
        meanRight = width
        totalRight = meanRight - meanWidth - Self.columnGap
        barX = labelWidth + 12
        barWidth = totalRight - totalWidth - Self.columnGap - barX

        let colors = Palette.likert(points: table.pointCount)
        var colorIterator = colors.makeIterator()
        let scaleColors = table.scale.indices.map { $0 == table.dontKnowIndex ? Palette.dontKnow : (colorIterator.next() ?? Palette.dontKnow) }
        legend = Legend(items: zip(table.scale, scaleColors).map { Legend.Item(label: $0, color: $1) },
                        x: 0, y: 0, maxWidth: width)
        headerBaseline = legend.height + 14
        var top = headerBaseline + 8
        var rows: [Row] = []
        for summary in summaries {
            let lines = TextWrap.lines(summary.question, maxWidth: labelWidth, fontSize: font)
            let height = max(Self.barHeight, Double(lines.count) * ChartStyle.lineHeight) + 2 * Self.rowPadding
            let segments = Self.segments(summary, table: table, colors: scaleColors, x: barX, width: barWidth,
                                         threshold: labelThreshold)
            rows.append(Row(summary: summary, labelLines: lines, top: top, height: height, segments: segments))
            top += height
        }
        self.rows = rows
        height = top + 2
    }

    /// Segment widths follow the exact counts; the printed labels are the rounded percentages
    /// (which sum to 100). A label is printed when the percentage reaches the threshold and the text
    /// fits inside the segment, so it can never spill onto a neighbour.
    static func segments(_ summary: LikertRowSummary, table: LikertTable, colors: [RGBColor], x: Double, width: Double,
                         threshold: Int) -> [Segment]
    {
        let hasGap = table.dontKnowIndex != nil
        let usable = width - (hasGap ? dontKnowGap : 0)
        var cursor = x
        var segments: [Segment] = []
        // Counts, percentages, colours and categories line up by index; the loader guarantees equal
        // lengths, `min` keeps a hand-built table from trapping.
        let columns = min(summary.counts.count, summary.percentages.count, colors.count, table.scale.count)
        for index in 0..<columns {
            let count = summary.counts[index]
            if index == table.dontKnowIndex { cursor += dontKnowGap }
            let segmentWidth = summary.n > 0 ? usable * Double(count) / Double(summary.n) : 0
            let percent = summary.percentages[index]
            let text = DanishNumberFormat.integer(percent)
            let fits = TextWrap.width(text, fontSize: ChartStyle.smallFontSize) + 2 * segmentLabelPadding <= segmentWidth
            segments.append(Segment(
                category: table.scale[index], x: cursor, width: segmentWidth, color: colors[index], count: count,
                percent: percent, label: count > 0 && percent >= threshold && fits ? text : nil))
            cursor += segmentWidth
        }
        return segments
    }

    func write(to writer: MarkupWriter) {
        legend.write(to: writer)
        let small = ChartStyle.smallFontSize
        writer.element("g", ["class": "figur-kolonner"]) {
            writer.text("Procent af svarene", x: barX, y: headerBaseline, fontSize: small, bold: true)
            writer.text("Total", x: totalRight, y: headerBaseline, anchor: .end, fontSize: small, bold: true)
            writer.text("Gennemsnit", x: meanRight, y: headerBaseline, anchor: .end, fontSize: small, bold: true)
        }
        for row in rows { write(row, to: writer) }
    }

    private func write(_ row: Row, to writer: MarkupWriter) {
        let labelTop = row.top + (row.height - Double(row.labelLines.count) * ChartStyle.lineHeight) / 2
        writer.start("g")
        writer.text(row.labelLines, x: 0, y: labelTop + ChartStyle.lineHeight - 4)
        for segment in row.segments where segment.count > 0 {
            writer.rect(x: segment.x, y: row.barTop, width: segment.width, height: Self.barHeight,
                        fill: segment.color, stroke: .white) {
                // "I høj grad: 35 % (25 svar)"
                writer.text(segment.category).text(": ").text(DanishNumberFormat.percent(segment.percent))
                    .text(" (").text(DanishNumberFormat.integer(segment.count)).text(" svar)")
            }
        }
        for segment in row.segments {
            guard let label = segment.label else { continue }
            writer.text(label, x: segment.x + segment.width / 2, y: row.barTop + Self.barHeight / 2 + 4.2,
                        anchor: .middle, fill: Palette.label(on: segment.color).description,
                        fontSize: ChartStyle.smallFontSize)
        }
        writer.text(DanishNumberFormat.total(n: row.summary.n), x: totalRight, y: row.textBaseline, anchor: .end)
        writer.text(DanishNumberFormat.mean(row.summary.mean), x: meanRight, y: row.textBaseline, anchor: .end)
        // A hairline under each row leads the eye from the question across to its n and mean.
        writer.line(x1: 0, y1: row.top + row.height, x2: width, y2: row.top + row.height, opacity: "0.12")
        writer.end()
    }
}
