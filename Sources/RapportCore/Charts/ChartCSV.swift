/// A comma-separated file as records of fields, each field knowing its line and column.
///
/// SwiftCSV and CSV.swift parse well but report no positions, and a data error must
/// point at `data/x.csv:7:12`, also when a quoted field before it spans several lines. This reader
/// follows RFC 4180: `,` between fields; `"…"` quotes with `""` for a quote; quoted fields may hold
/// commas and line breaks; CRLF, LF and CR all end a line. Lines that are completely empty are
/// skipped (a trailing newline, blank lines between blocks of rows).
struct ChartCSV: Sendable, Hashable {
    struct Field: Sendable, Hashable {
        /// The value, unquoted, with spaces around an unquoted value removed.
        var text: String
        /// Where the field starts (1-based; the column counts Unicode scalars, as Yams does for YAML,
        /// so "å" is one column when written precomposed, as editors do).
        var line: Int
        var column: Int
    }

    struct Record: Sendable, Hashable {
        var fields: [Field]
        /// The line the record starts on.
        var line: Int { fields.first?.line ?? 0 }
    }

    /// A quote that is never closed swallows the rest of the file; reported at the opening quote.
    struct UnclosedQuote: Error, Sendable, Hashable {
        var line: Int
        var column: Int
    }

    var records: [Record]

    /// Parses `text` (a leading byte-order mark is ignored, as spreadsheet programs write one).
    static func parse(_ text: String) -> Result<ChartCSV, UnclosedQuote> {
        var scanner = Scanner(text)
        return scanner.run()
    }

    /// Works on UTF-8 bytes: the syntax is ASCII, and building fields one `Unicode.Scalar` at a
    /// time made this reader 8 % of a build with one small figure per page.
    private struct Scanner {
        private let bytes: [UInt8]
        private var index = 0
        private var line = 1
        private var column = 1
        private var records: [Record] = []
        private var fields: [Field] = []
        private var lastFieldQuoted = false

        private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","),
                           lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

        init(_ text: String) {
            var bytes = Array(text.utf8)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }  // byte-order mark
            self.bytes = bytes
        }

        mutating func run() -> Result<ChartCSV, UnclosedQuote> {
            while index < bytes.count {
                let startLine = line
                let startColumn = column
                let value: String
                lastFieldQuoted = bytes[index] == Self.quote
                if lastFieldQuoted {
                    guard let quoted = readQuoted() else {
                        return .failure(UnclosedQuote(line: startLine, column: startColumn))
                    }
                    value = quoted
                } else {
                    value = readPlain().trimmingBlanks
                }
                fields.append(Field(text: value, line: startLine, column: startColumn))
                // After a field: a comma (next field), a line break (next record) or the end.
                if index < bytes.count, bytes[index] == Self.comma {
                    advance()
                    if index == bytes.count { fields.append(Field(text: "", line: line, column: column)) }
                } else {
                    skipLineBreak()
                    endRecord()
                }
            }
            endRecord()
            return .success(ChartCSV(records: records))
        }

        private mutating func endRecord() {
            defer {
                fields = []
                lastFieldQuoted = false
            }
            // A completely empty line yields one empty, unquoted field: skip it (`""` is a real row).
            if fields.isEmpty || (fields.count == 1 && fields[0].text.isEmpty && !lastFieldQuoted) { return }
            records.append(Record(fields: fields))
        }

        private mutating func readPlain() -> String {
            let start = index
            while index < bytes.count, bytes[index] != Self.comma, bytes[index] != Self.lineFeed, bytes[index] != Self.carriageReturn {
                advance()
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        /// Reads `"…"`; `nil` when the closing quote is missing. Text between the closing quote and
        /// the next comma is kept (spreadsheets do not write it; being lenient loses nothing).
        private mutating func readQuoted() -> String? {
            advance()  // opening quote
            var out: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                if byte == Self.quote {
                    if index + 1 < bytes.count, bytes[index + 1] == Self.quote {
                        out.append(Self.quote)
                        advance()
                        advance()
                        continue
                    }
                    advance()
                    return String(decoding: out, as: UTF8.self) + readPlain().trimmingBlanks
                }
                if byte == Self.carriageReturn || byte == Self.lineFeed {
                    skipLineBreak()
                    out.append(Self.lineFeed)
                    continue
                }
                out.append(byte)
                advance()
            }
            return nil
        }

        private mutating func skipLineBreak() {
            guard index < bytes.count else { return }
            if bytes[index] == Self.carriageReturn {
                index += 1
                if index < bytes.count, bytes[index] == Self.lineFeed { index += 1 }
            } else if bytes[index] == Self.lineFeed {
                index += 1
            }
            line += 1
            column = 1
        }

        /// Columns count Unicode scalars: UTF-8 continuation bytes (`10xxxxxx`) do not start one.
        private mutating func advance() {
            index += 1
            if index >= bytes.count || bytes[index] & 0xC0 != 0x80 { column += 1 }
        }
    }
}
