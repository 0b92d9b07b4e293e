/// The figure's "Hent data (CSV)" file.
///
/// Comma-separated (RFC 4180), UTF-8, one header row with Danish column names, rows in the figure's
/// order. Decimals use `.`: with `,` as the field separator a decimal comma would force quoting and
/// break naive importers. The file starts with a byte-order mark because Excel, the tool most readers
/// of a Danish report open it with, otherwise reads UTF-8 as Latin-1 and garbles "æøå".
enum FigureCSVExport {
    static let byteOrderMark = "\u{FEFF}"

    static func csv(spec: FigureSpec, data: FigureData) -> String {
        let rows: [[String]]
        switch FigureContent(spec: spec, data: data) {
        case .likert(let table, let summaries, _):
            rows = likert(table, summaries: summaries)
        case .columns(let table, let categories, _):
            rows = columns(table, categories: categories)
        }
        // Written as bytes and turned into a string once: appending each field to a `String` cost
        // ~700 instructions a field (and joining rows, before that, more).
        var out = Array(byteOrderMark.utf8)
        out.reserveCapacity(1_024)
        for row in rows {
            for (position, text) in row.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                appendField(text, to: &out)
            }
            out.append(UInt8(ascii: "\n"))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Counts, then percentages (largest remainder, as in the figure), n, n without "Ved ikke" and
    /// the mean (empty when there is none).
    private static func likert(_ table: LikertTable, summaries: [LikertRowSummary]) -> [[String]] {
        let dontKnow = table.dontKnowIndex.map { table.scale[$0] }
        var header = ["spørgsmål"] + table.scale.map { "\($0) (antal)" } + table.scale.map { "\($0) (%)" } + ["n"]
        if let dontKnow { header.append("n uden \(dontKnow)") }
        header.append("gennemsnit")
        let body = summaries.map { row -> [String] in
            var fields = [row.question] + row.counts.map(String.init) + row.percentages.map(String.init) + [String(row.n)]
            if dontKnow != nil { fields.append(String(row.valuedN)) }
            fields.append(row.mean.map { DanishNumberFormat.csvDecimal($0) } ?? "")
            return fields
        }
        return [header] + body
    }

    /// The columns of the input format, `kategori,[serie,]gennemsnit,n`.
    private static func columns(_ table: ColumnTable, categories: [ColumnTable.Category]) -> [[String]] {
        let named = table.hasNamedSeries
        var rows = [named ? ["kategori", "serie", "gennemsnit", "n"] : ["kategori", "gennemsnit", "n"]]
        for category in categories {
            for (series, value) in zip(table.series, category.values) {
                guard let value else { continue }
                let mean = value.mean.map { DanishNumberFormat.csvDecimal($0) } ?? ""
                rows.append(named ? [category.name, series, mean, String(value.n)] : [category.name, mean, String(value.n)])
            }
        }
        return rows
    }

    /// Quotes a field when it holds a comma, a quote or a line break.
    static func field(_ text: String) -> String {
        var out: [UInt8] = []
        appendField(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `field(text)` appended to UTF-8 bytes; a quote inside a quoted field is doubled.
    private static func appendField(_ text: String, to out: inout [UInt8]) {
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
