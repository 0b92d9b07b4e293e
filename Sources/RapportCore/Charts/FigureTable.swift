/// The figure's numbers as an HTML table: the accessible alternative to the drawing (WCAG 1.1.1),
/// and the place where exact counts can be read and copied.
extension FigureContent {
    func table(captionID: String, label: String, title: String) -> MarkupNode {
        switch self {
        case .likert(let table, let rows, _):
            return likertTable(table, rows: rows, captionID: captionID, title: "\(label): \(title)")
        case .columns(let table, let categories, _):
            return columnTable(table, categories: categories, captionID: captionID, title: "\(label): \(title)")
        }
    }

    private func likertTable(_ table: LikertTable, rows: [LikertRowSummary], captionID: String, title: String) -> MarkupNode {
        let dontKnow = table.dontKnowIndex.map { table.scale[$0] }
        var note = "Procent af svarene, antal svar i parentes. Total: alle svar (n)."
        note += " Gennemsnit på skalaen 1 (\(table.points.first ?? "")) til \(table.points.count) (\(table.points.last ?? ""))"
        note += dontKnow.map { ", beregnet uden »\($0)«." } ?? "."
        var headers = ["Spørgsmål"] + table.scale + ["Total"]
        if let dontKnow { headers.append("n uden »\(dontKnow)«") }
        headers.append("Gennemsnit")
        let body = rows.map { row -> MarkupNode in
            var cells = zip(row.percentages, row.counts).map { percent, count in
                Self.cell(DanishNumberFormat.percent(percent) + DanishNumberFormat.noBreakSpace + "(\(DanishNumberFormat.integer(count)))")
            }
            cells.append(Self.cell(DanishNumberFormat.total(n: row.n)))
            if dontKnow != nil { cells.append(Self.cell(DanishNumberFormat.integer(row.valuedN))) }
            cells.append(Self.cell(DanishNumberFormat.mean(row.mean)))
            return .el("tr", [:], [Self.rowHeader(row.question)] + cells)
        }
        return Self.table(captionID: captionID, caption: title, note: note, headers: headers, body: body)
    }

    private func columnTable(_ table: ColumnTable, categories: [ColumnTable.Category], captionID: String, title: String)
        -> MarkupNode
    {
        let note = "Gennemsnit på skalaen 1 (\(table.points.first ?? "")) til \(table.points.count) (\(table.points.last ?? "")); n: antal svar bag gennemsnittet."
        var headers = ["Kategori"]
        for series in table.series {
            let prefix = series.isEmpty ? "" : "\(series): "
            headers += [prefix + (series.isEmpty ? "Gennemsnit" : "gennemsnit"), prefix + "n"]
        }
        let body = categories.map { category -> MarkupNode in
            let cells = category.values.flatMap { value -> [MarkupNode] in
                [Self.cell(value.map { DanishNumberFormat.mean($0.mean) } ?? "–"),
                 Self.cell(value.map { DanishNumberFormat.integer($0.n) } ?? "–")]
            }
            return .el("tr", [:], [Self.rowHeader(category.name)] + cells)
        }
        return Self.table(captionID: captionID, caption: title, note: note, headers: headers, body: body)
    }

    private static func table(captionID: String, caption: String, note: String, headers: [String], body: [MarkupNode])
        -> MarkupNode
    {
        .el("table", [:], [
            .el("caption", ["id": captionID], [
                .text(caption),
                .el("span", ["class": "figur-tabel-note"], [.text(" " + note)]),
            ]),
            .el("thead", [:], [.el("tr", [:], headers.map { .el("th", ["scope": "col"], [.text($0)]) })]),
            .el("tbody", [:], body),
        ])
    }

    private static func rowHeader(_ text: String) -> MarkupNode {
        .el("th", ["scope": "row"], [.text(text)])
    }

    private static func cell(_ text: String) -> MarkupNode {
        .el("td", [:], [.text(text)])
    }
}
