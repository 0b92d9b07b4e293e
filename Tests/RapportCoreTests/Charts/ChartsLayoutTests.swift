import Testing
@testable import RapportCore

/// Geometry checks: whatever the data, nothing overlaps and every printed label fits its place.
@Suite struct ChartsLayoutTests {
    static func likertTable(points: Int, dontKnow: Bool, rows: [[Int]], questions: [String]? = nil) -> LikertTable {
        let scale = (1...points).map { "Kategori nummer \($0)" } + (dontKnow ? ["Ved ikke"] : [])
        let tableRows = rows.enumerated().map { index, counts in
            LikertTable.Row(question: questions?[index] ?? "Spørgsmål \(index + 1)", counts: counts, line: index + 2)
        }
        return LikertTable(scale: scale, dontKnowIndex: dontKnow ? points : nil, rows: tableRows)
    }

    static let longQuestions = [
        "Forvaltningens mål med at indføre det nye pædagogiske tiltag er for høje/urealistiske",
        "Kort",
        "Dagtilbudsledelsesudviklingsforløbetsevalueringsrapporten er svær at læse",
        "Kommunikationen mellem forvaltningen og dagtilbuddene er mangelfuld, og det går ud over samarbejdet om børnene",
    ]

    @Test(arguments: [(2, false), (5, true), (7, true), (7, false)])
    func likertRowsAndSegmentsNeverOverlap(points: Int, dontKnow: Bool) {
        let columns = points + (dontKnow ? 1 : 0)
        let rows: [[Int]] = [
            (0..<columns).map { $0 + 1 },
            (0..<columns).map { $0 == 0 ? 1000 : 1 },
            (0..<columns).map { $0 == columns - 1 ? 5 : 0 },
            (0..<columns).map { _ in 1 },
        ]
        let table = Self.likertTable(points: points, dontKnow: dontKnow, rows: rows, questions: Self.longQuestions)
        let summaries = LikertStatistics.summaries(table, sorting: .original)
        let layout = LikertLayout(summaries: summaries, table: table, labelThreshold: 0)

        var previousBottom = layout.headerBaseline
        let widestTotal = summaries.map { TextWrap.width(DanishNumberFormat.total(n: $0.n), fontSize: ChartStyle.fontSize) }.max() ?? 0
        for row in layout.rows {
            #expect(row.top >= previousBottom)
            previousBottom = row.top + row.height
            #expect(Double(row.labelLines.count) * ChartStyle.lineHeight <= row.height)
            for line in row.labelLines {
                #expect(TextWrap.width(line, fontSize: ChartStyle.fontSize) <= layout.labelWidth, "\(line)")
            }
            #expect(layout.labelWidth < layout.barX)
            var cursor = layout.barX
            for segment in row.segments {
                #expect(segment.x >= cursor - 1e-9, "segments overlap")
                cursor = segment.x + segment.width
                if let label = segment.label {
                    let needed = TextWrap.width(label, fontSize: ChartStyle.smallFontSize) + 2 * LikertLayout.segmentLabelPadding
                    #expect(needed <= segment.width, "label \(label) does not fit \(segment.width)")
                }
            }
            #expect(abs(cursor - (layout.barX + layout.barWidth)) < 1e-6, "the bar fills its width")
            #expect(layout.barX + layout.barWidth + LikertLayout.columnGap <= layout.totalRight - widestTotal + 1e-9)
            #expect(row.segments.map(\.percent).reduce(0, +) == 100)
        }
        #expect(layout.height >= previousBottom)
        #expect(layout.rows.first?.labelLines.count ?? 0 > 1, "a long question wraps")
    }

    @Test func segmentsBelowTheThresholdHaveNoLabel() {
        let table = Self.likertTable(points: 5, dontKnow: true, rows: [[4, 30, 30, 30, 5, 1]])
        let summaries = LikertStatistics.summaries(table, sorting: .original)
        let labels = LikertLayout(summaries: summaries, table: table, labelThreshold: 5).rows[0].segments.map(\.label)
        #expect(labels == [nil, "30", "30", "30", "5", nil])
        let none = LikertLayout(summaries: summaries, table: table, labelThreshold: 100).rows[0].segments.compactMap(\.label)
        #expect(none.isEmpty)
    }

    @Test func legendItemsDoNotOverlapAndWrap() {
        let items = (1...8).map { Legend.Item(label: "En ret lang svarkategori \($0)", color: Palette.dontKnow) }
        let legend = Legend(items: items, x: 0, y: 0, maxWidth: 400)
        #expect(legend.height > Legend.rowHeight)
        for (a, b) in zip(legend.placed, legend.placed.dropFirst()) where a.y == b.y {
            #expect(a.x + Legend.width(of: a.item) < b.x)
        }
        for entry in legend.placed {
            #expect(entry.x + Legend.width(of: entry.item) <= 400 || entry.x == 0)
        }
    }

    static func columnTable(categories: Int, series: [String], name: (Int) -> String = { "Kategori \($0)" }) -> ColumnTable {
        let values = (0..<categories).map { index in
            ColumnTable.Category(name: name(index), values: series.indices.map { offset in
                ColumnTable.Value(mean: Fraction(100 + (index * 37 + offset * 53) % 400, 100), n: 1000 + index)
            })
        }
        return ColumnTable(series: series, categories: values, points: FigureSpec.defaultScale.dropLast().map { $0 })
    }

    @Test(arguments: [(3, 1), (4, 2), (13, 1), (13, 3), (20, 6)])
    func columnsNeverOverlap(categories: Int, seriesCount: Int) {
        let series = seriesCount == 1 ? [""] : (1...seriesCount).map { "Serie \($0)" }
        let table = Self.columnTable(categories: categories, series: series) {
            $0 % 2 == 0 ? "Forvaltningens mål med at indføre det nye pædagogiske tiltag" : "Kort"
        }
        let layout = ColumnLayout(table: table, categories: table.categories)
        let groupWidth = (layout.width - layout.plotX) / Double(categories)
        var previousRight = layout.plotX
        for group in layout.groups {
            for column in group.columns {
                let left = column.centerX - column.width / 2
                #expect(left >= previousRight - 1e-9, "columns overlap")
                previousRight = left + column.width
                #expect(column.top >= layout.plotTop && column.top <= layout.plotBottom)
                let room = column.width + ColumnLayout.columnGap
                #expect(TextWrap.width("0,00", fontSize: ChartStyle.smallFontSize) <= room)
                if seriesCount > 1, let value = column.value {
                    #expect(TextWrap.width(DanishNumberFormat.n(value.n), fontSize: ChartStyle.smallFontSize) <= room)
                }
            }
            for line in group.labelLines {
                #expect(TextWrap.width(line, fontSize: ChartStyle.smallFontSize) <= groupWidth - 8, "\(line)")
            }
        }
        #expect(previousRight <= layout.width)
        #expect(layout.nBaseline > layout.labelTop + Double(layout.groups.map(\.labelLines.count).max() ?? 0) * ChartStyle.lineHeight - 4)
    }

    @Test func axisCoversTheScale() {
        let table = Self.columnTable(categories: 2, series: [""])
        let layout = ColumnLayout(table: table, categories: table.categories)
        #expect(layout.points == 5)
        #expect(ColumnLayout.y(for: 1, points: 5, plotTop: 10) == 10 + ColumnLayout.plotHeight)
        #expect(ColumnLayout.y(for: 5, points: 5, plotTop: 10) == 10)
        #expect(ColumnLayout.y(for: 3, points: 5, plotTop: 10) == 10 + ColumnLayout.plotHeight / 2)
        #expect(layout.axisTitle == "Gennemsnit: 1 = Slet ikke … 5 = I meget høj grad")
    }

    @Test func manyCategoriesWidenTheChart() {
        let table = Self.columnTable(categories: 30, series: ["A", "B", "C"])
        let layout = ColumnLayout(table: table, categories: table.categories)
        #expect(layout.width > 760)
    }
}
