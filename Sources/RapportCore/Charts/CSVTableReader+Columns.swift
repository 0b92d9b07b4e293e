extension CSVTableReader {
    static let columnHeader = ["kategori", "gennemsnit", "n"]
    static let seriesColumnHeader = ["kategori", "serie", "gennemsnit", "n"]

    /// `kategori, [serie,] gennemsnit, n`: one row per category (and series). Means are decimals with
    /// `.` or `,` on the figure's scale (1 to the number of valued points); n is a whole number ≥ 1.
    mutating func readColumns(header: ChartCSV.Record, rows: [ChartCSV.Record]) -> ColumnTable? {
        let names = header.fields.map { $0.text.lowercased() }
        let hasSeries = names == Self.seriesColumnHeader
        guard hasSeries || names == Self.columnHeader else {
            error(line: header.line, "the header of a søjler file must be 'kategori,serie,gennemsnit,n' or 'kategori,gennemsnit,n'",
                  hint: "or give a Likert file starting with '\(likertHeader)'; its means become the columns")
            return nil
        }
        if rows.isEmpty {
            error(line: header.line, "the data file has a header but no rows", hint: "add one row per category")
            return nil
        }
        let points = spec.points
        var series: [String] = []
        var categoryNames: [String] = []
        var values: [String: [String: ColumnTable.Value]] = [:]
        let widthHint = "each row needs \(names.joined(separator: ", ")); quote text that holds a comma: \"…\""
        for row in rows {
            guard checkWidth(row, header: header, hint: widthHint) else { continue }
            let fields = row.fields
            let category = fields[0]
            let seriesField = hasSeries ? fields[1] : nil
            let seriesName = seriesField?.text ?? ""
            let mean = self.mean(fields[hasSeries ? 2 : 1], points: points)
            let n = self.n(fields[hasSeries ? 3 : 2])
            if category.text.isEmpty {
                error(category, "the category is empty", hint: "write the category's name in the first column")
            }
            if let seriesField, seriesName.isEmpty {
                error(seriesField, "the series is empty", hint: "name the series, or leave out the 'serie' column")
            }
            guard !category.text.isEmpty, seriesField == nil || !seriesName.isEmpty, let mean, let n else { continue }
            if !series.contains(seriesName) {
                guard series.count < ColumnTable.maximumSeries else {
                    error(seriesField ?? category, "'\(seriesName)' is series number \(series.count + 1); figures show at most \(ColumnTable.maximumSeries)",
                          hint: "split the figure in two, or combine series")
                    continue
                }
                series.append(seriesName)
            }
            if !categoryNames.contains(category.text) { categoryNames.append(category.text) }
            if values[category.text]?[seriesName] != nil {
                let which = hasSeries ? "'\(category.text)' / '\(seriesName)'" : "'\(category.text)'"
                error(line: row.line, "\(which) appears twice", hint: "keep one row per category\(hasSeries ? " and series" : "")")
                continue
            }
            values[category.text, default: [:]][seriesName] = ColumnTable.Value(mean: mean, n: n)
        }
        let categories = categoryNames.map { name in
            ColumnTable.Category(name: name, values: series.map { values[name]?[$0] })
        }
        return ColumnTable(series: series, categories: categories, points: points)
    }

    /// A mean on the scale: between 1 and the number of valued points.
    private mutating func mean(_ field: ChartCSV.Field, points: [String]) -> Fraction? {
        guard let value = Fraction.parseDecimal(field.text) else {
            error(field, "'\(field.text)' is not a mean", hint: "write a decimal number such as 3,16 or 3.16")
            return nil
        }
        let top = points.count
        guard let low = Fraction(1, 1), let high = Fraction(top, 1), value >= low, value <= high else {
            let ends = "1 (\(points.first ?? "")) to \(top) (\(points.last ?? ""))"
            error(field, "the mean \(field.text) is outside the scale \(ends)",
                  hint: "means of a \(top)-point scale lie from 1 to \(top); give another scale with 'skala:'")
            return nil
        }
        return value
    }

    private mutating func n(_ field: ChartCSV.Field) -> Int? {
        guard field.text.isASCIIDigits, let value = Int(field.text), value >= 1,
            value <= LikertTable.maximumCount
        else {
            error(field, "'\(field.text)' is not a number of answers", hint: "n is the number of answers behind the mean: a whole number ≥ 1")
            return nil
        }
        return value
    }
}
