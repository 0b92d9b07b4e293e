extension CSVTableReader {
    /// `spørgsmål, <category 1>, …, <category n>` with one row of counts per question. The header
    /// must name the spec's scale exactly and in order: a swapped column would silently swap
    /// percentages, which no reader could notice.
    mutating func readLikert(header: ChartCSV.Record, rows: [ChartCSV.Record]) -> LikertTable? {
        guard checkLikertHeader(header) else { return nil }
        if rows.isEmpty {
            error(line: header.line, "the data file has a header but no rows", hint: "add one row of counts per question")
            return nil
        }
        let widthHint = "each row needs the question and \(spec.scale.count) counts; quote a question that holds a comma: \"…\""
        var table: [LikertTable.Row] = []
        for row in rows {
            guard checkWidth(row, header: header, hint: widthHint) else { continue }
            let question = row.fields[0]
            if question.text.isEmpty {
                error(question, "the question is empty", hint: "write the question's text in the first column")
            }
            var counts: [Int] = []
            for (field, category) in zip(row.fields.dropFirst(), spec.scale) {
                if let value = count(field, category: category) { counts.append(value) }
            }
            guard counts.count == spec.scale.count, !question.text.isEmpty else { continue }
            if counts.allSatisfy({ $0 == 0 }) {
                error(line: row.line, "'\(question.text)' has no answers (every count is 0)",
                      hint: "remove the row, or fill in the counts")
                continue
            }
            table.append(LikertTable.Row(question: question.text, counts: counts, line: row.line))
        }
        let dontKnowIndex = spec.dontKnow.flatMap { spec.scale.firstIndex(of: $0) }
        return LikertTable(scale: spec.scale, dontKnowIndex: dontKnowIndex, rows: table)
    }

    /// Reports the first header that differs from the scale, at its column, with the whole expected
    /// header in the hint.
    private mutating func checkLikertHeader(_ header: ChartCSV.Record) -> Bool {
        let names = header.fields.dropFirst().map(\.text)
        if names == spec.scale { return true }
        let custom = spec.scale == FigureSpec.defaultScale ? " (or give the file's own scale with 'skala:')" : ""
        let hint = "the header must be '\(likertHeader)'\(custom)"
        for (offset, expected) in spec.scale.enumerated() {
            guard offset < names.count else {
                error(line: header.line, "the header lacks the column '\(expected)'", hint: hint)
                return false
            }
            let field = header.fields[offset + 1]
            if field.text != expected {
                let near = Suggestion.closest(to: field.text, among: [expected]) != nil ? "did you mean '\(expected)'? " : ""
                error(field, "column \(offset + 2) of the header is '\(field.text)', expected '\(expected)'", hint: near + hint)
                return false
            }
        }
        let extra = header.fields[spec.scale.count + 1]
        error(extra, "the header has an extra column '\(extra.text)' that is not in the scale", hint: hint)
        return false
    }
}
