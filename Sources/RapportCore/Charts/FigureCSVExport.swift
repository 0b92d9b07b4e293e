/// The figure's "Hent data (CSV)" file.
///
/// Comma-separated (RFC 4180), UTF-8, one header row with Danish column names, rows in the figure's
/// order. Decimals use `.`: with `,` as the field separator a decimal comma would force quoting and
/// break naive importers. The file starts with a byte-order mark because Excel, the tool most readers
/// of a Danish report open it with, otherwise reads UTF-8 as Latin-1 and garbles "æøå".
enum FigureCSVExport {
    static let byteOrderMark = "\u{FEFF}"

    static func csv(spec: FigureSpec, data: FigureData) -> String {
        String(decoding: bytes(spec: spec, data: data), as: UTF8.self)
    }

    /// The file's bytes. Written field by field into one buffer – numbers as digits, text through
    /// `appendField` – rather than as rows of strings joined afterwards: the rows of strings (a
    /// `String` per count and percentage) were two thirds of a download's ~160,000 instructions.
    static func bytes(spec: FigureSpec, data: FigureData) -> [UInt8] {
        var out = CSVRowWriter()
        out.bytes.append(contentsOf: byteOrderMark.utf8)
        switch FigureContent(spec: spec, data: data) {
        case .likert(let table, let summaries, _):
            likert(table, summaries: summaries, to: &out)
        case .columns(let table, let categories, _):
            columns(table, categories: categories, to: &out)
        }
        return out.bytes
    }

    /// Counts, then percentages (largest remainder, as in the figure), n, n without "Ved ikke" and
    /// the mean (empty when there is none).
    private static func likert(_ table: LikertTable, summaries: [LikertRowSummary], to out: inout CSVRowWriter) {
        let dontKnow = table.dontKnowIndex.map { table.scale[$0] }
        out.text("spørgsmål")
        for category in table.scale { out.text("\(category) (antal)") }
        for category in table.scale { out.text("\(category) (%)") }
        out.text("n")
        if let dontKnow { out.text("n uden \(dontKnow)") }
        out.text("gennemsnit")
        out.endRow()
        for row in summaries {
            out.text(row.question)
            for count in row.counts { out.number(count) }
            for percentage in row.percentages { out.number(percentage) }
            out.number(row.n)
            if dontKnow != nil { out.number(row.valuedN) }
            out.text(row.mean.map { DanishNumberFormat.csvDecimal($0) } ?? "")
            out.endRow()
        }
    }

    /// The columns of the input format, `kategori,[serie,]gennemsnit,n`.
    private static func columns(_ table: ColumnTable, categories: [ColumnTable.Category], to out: inout CSVRowWriter) {
        let named = table.hasNamedSeries
        for name in named ? ["kategori", "serie", "gennemsnit", "n"] : ["kategori", "gennemsnit", "n"] { out.text(name) }
        out.endRow()
        for category in categories {
            for (series, value) in zip(table.series, category.values) {
                guard let value else { continue }
                out.text(category.name)
                if named { out.text(series) }
                out.text(value.mean.map { DanishNumberFormat.csvDecimal($0) } ?? "")
                out.number(value.n)
                out.endRow()
            }
        }
    }

    /// Quotes a field when it holds a comma, a quote or a line break.
    static func field(_ text: String) -> String {
        var out: [UInt8] = []
        appendField(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `field(text)` appended to UTF-8 bytes; a quote inside a quoted field is doubled.
    static func appendField(_ text: String, to out: inout [UInt8]) {
        // By scalar: the same test as `Character.isNewline` (each of these scalars is a Character of
        // its own, or part of CR LF), without finding Character boundaries in every question.
        guard text.unicodeScalars.contains(where: { scalar in
            switch scalar.value {
            case 0x2C, 0x22, 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
            default: false
            }
        }) else { return out.append(contentsOf: text.utf8) }
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            out.append(byte)
            if byte == UInt8(ascii: "\"") { out.append(byte) }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// One CSV file being written: separators between the fields of a row, a line feed after it.
struct CSVRowWriter {
    var bytes: [UInt8] = []
    private var rowStarted = false

    init() {
        bytes.reserveCapacity(1_024)
    }

    mutating func text(_ value: String) {
        separate()
        FigureCSVExport.appendField(value, to: &bytes)
    }

    /// Decimal digits, as `String(value)` writes them (no field needs quoting).
    mutating func number(_ value: Int) {
        separate()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var divisor: UInt = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor % 10))
            divisor /= 10
        } while divisor > 0
    }

    mutating func endRow() {
        bytes.append(UInt8(ascii: "\n"))
        rowStarted = false
    }

    private mutating func separate() {
        if rowStarted { bytes.append(UInt8(ascii: ",")) }
        rowStarted = true
    }
}
