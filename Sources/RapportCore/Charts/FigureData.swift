/// The checked numbers behind one figure.
public enum FigureData: Sendable, Hashable {
    case likert(LikertTable)
    case columns(ColumnTable)
}

extension FigureData {
    /// Reads the figure's CSV. `csv` is nil when the file does not exist (the engine looked it up by
    /// `spec.dataPath`); that error points at the `data:` line of the figure block. Every other
    /// problem points into the CSV (`data/x.csv:7:12`), and all of them are reported, not only the
    /// first.
    ///
    /// A CSV whose first header is `spørgsmål` is a Likert table; for a `søjler` figure it becomes
    /// one column per question (its mean, see `ColumnTable`).
    public static func load(for spec: FigureSpec, csv: SourceFile?) -> Result<FigureData, DiagnosticList> {
        guard let csv else {
            return .failure(DiagnosticList([.error(
                at: spec.dataLocation, "data file '\(spec.dataPath)' does not exist",
                hint: "the path is relative to Content/; check the spelling, e.g. 'data: data/forankring.csv'")]))
        }
        var reader = CSVTableReader(file: csv, spec: spec)
        let data = reader.read()
        if let data, reader.diagnostics.isEmpty { return .success(data) }
        return .failure(DiagnosticList(reader.diagnostics))
    }
}

/// Checks a parsed CSV against the figure's expectations and collects diagnostics at CSV positions.
struct CSVTableReader {
    let file: SourceFile
    let spec: FigureSpec
    private(set) var diagnostics: [Diagnostic] = []

    init(file: SourceFile, spec: FigureSpec) {
        self.file = file
        self.spec = spec
    }

    mutating func error(line: Int, column: Int = 0, _ message: String, hint: String) {
        diagnostics.append(.error(at: file.location(line: line, column: column), message, hint: hint))
    }

    mutating func error(_ field: ChartCSV.Field, _ message: String, hint: String) {
        error(line: field.line, column: field.column, message, hint: hint)
    }

    /// The expected Likert header, written out for hints.
    var likertHeader: String { (["spørgsmål"] + spec.scale).joined(separator: ",") }

    mutating func read() -> FigureData? {
        let csv: ChartCSV
        switch ChartCSV.parse(file.text) {
        case .success(let parsed): csv = parsed
        case .failure(let quote):
            error(line: quote.line, column: quote.column, "a quoted field is never closed",
                  hint: "add the closing '\"' (a quote inside a quoted field is written '\"\"')")
            return nil
        }
        guard let header = csv.records.first else {
            error(line: 1, "the data file is empty",
                  hint: spec.kind == .likert ? "the first line must be the header '\(likertHeader)'"
                      : "the first line must be the header 'kategori,serie,gennemsnit,n'")
            return nil
        }
        if header.fields.count == 1, header.fields[0].text.contains(";") {
            error(header.fields[0], "the file is separated by ';', not ','",
                  hint: "save it as comma-separated CSV (in Excel: 'CSV UTF-8 (kommasepareret)')")
            return nil
        }
        let rows = Array(csv.records.dropFirst())
        let isLikert = header.fields.first?.text.lowercased() == "spørgsmål"
        switch (spec.kind, isLikert) {
        case (.likert, true):
            return readLikert(header: header, rows: rows).map { .likert($0) }
        case (.columns, true):
            return readLikert(header: header, rows: rows).map { .columns(ColumnTable(likert: $0)) }
        case (.columns, false):
            return readColumns(header: header, rows: rows).map { .columns($0) }
        case (.likert, false):
            let first = header.fields.first?.text ?? ""
            let hint = first.lowercased() == "kategori"
                ? "this looks like mean columns: use 'type: søjler', or give counts per answer: '\(likertHeader)'"
                : "the header must be '\(likertHeader)'"
            error(header.fields[0], "a Likert file must start with the column 'spørgsmål', not '\(first)'", hint: hint)
            return nil
        }
    }

    /// A count: a whole number from 0 to `LikertTable.maximumCount`, written with digits only.
    mutating func count(_ field: ChartCSV.Field, category: String) -> Int? {
        let text = field.text
        if text.isEmpty {
            error(field, "no count for '\(category)'", hint: "write 0 when nobody gave this answer")
            return nil
        }
        guard text.isASCIIDigits, let value = Int(text) else {
            let hint: String
            if text.hasPrefix("-") {
                hint = "counts are numbers of answers and cannot be negative"
            } else if text.contains(",") || text.contains(".") || text.contains("%") {
                hint = "give the number of answers as a whole number, not a percentage or decimal; Rapport computes the percentages"
            } else {
                hint = "give the number of answers as a whole number ≥ 0"
            }
            error(field, "'\(text)' is not a count for '\(category)'", hint: hint)
            return nil
        }
        guard value <= LikertTable.maximumCount else {
            error(field, "the count \(text) for '\(category)' is implausibly large",
                  hint: "counts are numbers of answers (at most \(DanishNumberFormat.integer(LikertTable.maximumCount)))")
            return nil
        }
        return value
    }

    /// Rows must have exactly as many fields as the header, or values land in the wrong column.
    mutating func checkWidth(_ row: ChartCSV.Record, header: ChartCSV.Record, hint: String) -> Bool {
        guard row.fields.count != header.fields.count else { return true }
        error(line: row.line, "the row has \(row.fields.count) fields, but the header has \(header.fields.count)",
              hint: hint)
        return false
    }
}
