/// One figure's numbers in display order, and the three views of them: the drawing, the written
/// summary for `<desc>`, and the data table. Sorting happens once here, so all three (and the CSV
/// download) list rows in the same order.
enum FigureContent {
    case likert(LikertTable, rows: [LikertRowSummary], spec: FigureSpec)
    case columns(ColumnTable, categories: [ColumnTable.Category], spec: FigureSpec)

    init(spec: FigureSpec, data: FigureData) {
        switch data {
        case .likert(let table):
            self = .likert(table, rows: LikertStatistics.summaries(table, sorting: spec.sorting), spec: spec)
        case .columns(let table):
            self = .columns(table, categories: table.sortedCategories(spec.sorting), spec: spec)
        }
    }

    /// Width and height of the coordinate system, and a function writing the SVG content.
    var drawing: (width: Double, height: Double, write: (MarkupWriter) -> Void) {
        switch self {
        case .likert(let table, let rows, let spec):
            let layout = LikertLayout(summaries: rows, table: table, labelThreshold: spec.labelThreshold)
            return (layout.width, layout.height, layout.write(to:))
        case .columns(let table, let categories, _):
            let layout = ColumnLayout(table: table, categories: categories)
            return (layout.width, layout.height, layout.write(to:))
        }
    }

    /// A textual summary for the SVG's `<desc>`: what kind of chart, how many rows, and the extremes a
    /// sighted reader sees at a glance (the full numbers are in the table).
    var summary: String {
        var sentences: [String] = []
        let extra: String?
        switch self {
        case .likert(let table, let rows, let spec):
            extra = spec.description
            let scale = "\(table.points.first ?? "") til \(table.points.last ?? "")"
            let dontKnow = table.dontKnowIndex.map { " samt »\(table.scale[$0])«" } ?? ""
            let questions = rows.count == 1 ? "1 spørgsmål" : "\(rows.count) spørgsmål"
            sentences.append("Stablede vandrette søjler med svarfordelingen i procent for \(questions) på skalaen \(scale)\(dontKnow).")
            sentences += Self.extremes(rows.compactMap { row in row.mean.map { (row.question, $0) } })
        case .columns(let table, let categories, let spec):
            extra = spec.description
            let named = table.series.filter { !$0.isEmpty }
            let series = named.count > 1 ? " og \(named.count) serier (\(named.joined(separator: ", ")))" : ""
            let count = categories.count == 1 ? "1 kategori" : "\(categories.count) kategorier"
            sentences.append("Søjlediagram med gennemsnit for \(count)\(series) på skalaen 1 (\(table.points.first ?? "")) til \(table.points.count) (\(table.points.last ?? "")).")
            var values: [(String, Fraction)] = []
            for category in categories {
                for (series, value) in zip(table.series, category.values) {
                    guard let mean = value?.mean else { continue }
                    values.append((series.isEmpty ? category.name : "\(category.name), \(series)", mean))
                }
            }
            sentences += Self.extremes(values)
        }
        sentences.append("Alle tal står i tabellen under figuren.")
        if let extra { sentences.append(extra) }
        return sentences.joined(separator: " ")
    }

    /// "Højeste gennemsnit: »…« (3,16). Laveste gennemsnit: »…« (1,96)." – first of equals wins, in
    /// display order.
    private static func extremes(_ values: [(name: String, mean: Fraction)]) -> [String] {
        guard let highest = values.max(by: { $0.mean < $1.mean }),
            let lowest = values.min(by: { $0.mean < $1.mean })
        else { return [] }
        guard values.count > 1 else { return ["Gennemsnit: \(DanishNumberFormat.decimal(highest.mean))."] }
        return [
            "Højeste gennemsnit: »\(highest.name)« (\(DanishNumberFormat.decimal(highest.mean))).",
            "Laveste gennemsnit: »\(lowest.name)« (\(DanishNumberFormat.decimal(lowest.mean))).",
        ]
    }
}
