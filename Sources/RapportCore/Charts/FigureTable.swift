/// The figure's numbers as an HTML table: the accessible alternative to the drawing (WCAG 1.1.1),
/// and the place where exact counts can be read and copied.
extension FigureContent {
    func writeTable(captionID: String, label: String, title: String, to writer: MarkupWriter) {
        switch self {
        case .likert(let table, let rows, _):
            likertTable(table, rows: rows, captionID: captionID, title: "\(label): \(title)", writer: writer)
        case .columns(let table, let categories, _):
            columnTable(table, categories: categories, captionID: captionID, title: "\(label): \(title)", writer: writer)
        }
    }

    private func likertTable(_ table: LikertTable, rows: [LikertRowSummary], captionID: String, title: String,
                             writer: MarkupWriter)
    {
        let dontKnow = table.dontKnowIndex.map { table.scale[$0] }
        var note = "Procent af svarene, antal svar i parentes. Total: alle svar (n)."
        note += " Gennemsnit på skalaen 1 (\(table.points.first ?? "")) til \(table.points.count) (\(table.points.last ?? ""))"
        note += dontKnow.map { ", beregnet uden »\($0)«." } ?? "."
        var headers = ["Spørgsmål"] + table.scale + ["Total"]
        if let dontKnow { headers.append("n uden »\(dontKnow)«") }
        headers.append("Gennemsnit")
        Self.table(captionID: captionID, caption: title, note: note, headers: headers, writer: writer) {
            for row in rows {
                writer.element("tr") {
                    writer.element("th", ["scope": "row"], text: row.question)
                    for (percent, count) in zip(row.percentages, row.counts) {
                        // "35 % (25)", written in pieces: one cell per answer category and question.
                        writer.element("td") {
                            writer.text(DanishNumberFormat.percent(percent)).text(DanishNumberFormat.noBreakSpace + "(")
                                .text(DanishNumberFormat.integer(count)).text(")")
                        }
                    }
                    writer.element("td", text: DanishNumberFormat.total(n: row.n))
                    if dontKnow != nil { writer.element("td", text: DanishNumberFormat.integer(row.valuedN)) }
                    writer.element("td", text: DanishNumberFormat.mean(row.mean))
                }
            }
        }
    }

    private func columnTable(_ table: ColumnTable, categories: [ColumnTable.Category], captionID: String, title: String,
                             writer: MarkupWriter)
    {
        let note = "Gennemsnit på skalaen 1 (\(table.points.first ?? "")) til \(table.points.count) (\(table.points.last ?? "")); n: antal svar bag gennemsnittet."
        var headers = ["Kategori"]
        for series in table.series {
            let prefix = series.isEmpty ? "" : "\(series): "
            headers += [prefix + (series.isEmpty ? "Gennemsnit" : "gennemsnit"), prefix + "n"]
        }
        Self.table(captionID: captionID, caption: title, note: note, headers: headers, writer: writer) {
            for category in categories {
                writer.element("tr") {
                    writer.element("th", ["scope": "row"], text: category.name)
                    for value in category.values {
                        writer.element("td", text: value.map { DanishNumberFormat.mean($0.mean) } ?? "–")
                        writer.element("td", text: value.map { DanishNumberFormat.integer($0.n) } ?? "–")
                    }
                }
            }
        }
    }

    private static func table(captionID: String, caption: String, note: String, headers: [String], writer: MarkupWriter,
                              body: () -> Void)
    {
        writer.element("table") {
            writer.element("caption", ["id": captionID]) {
                writer.text(caption)
                writer.element("span", ["class": "figur-tabel-note"], text: " " + note)
            }
            writer.element("thead") {
                writer.element("tr") {
                    for header in headers { writer.element("th", ["scope": "col"], text: header) }
                }
            }
            writer.element("tbody", [:], body)
        }
    }
}
