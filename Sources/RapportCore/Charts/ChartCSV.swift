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

    private struct Scanner {
        private let scalars: [Unicode.Scalar]
        private var index = 0
        private var line = 1
        private var column = 1
        private var records: [Record] = []
        private var fields: [Field] = []
        private var lastFieldQuoted = false

        init(_ text: String) {
            var scalars = Array(text.unicodeScalars)
            if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
            self.scalars = scalars
        }

        mutating func run() -> Result<ChartCSV, UnclosedQuote> {
            while index < scalars.count {
                let startLine = line
                let startColumn = column
                let value: String
                lastFieldQuoted = scalars[index] == "\""
                if lastFieldQuoted {
                    guard let quoted = readQuoted() else {
                        return .failure(UnclosedQuote(line: startLine, column: startColumn))
                    }
                    value = quoted
                } else {
                    value = readPlain().trimmingSpaces
                }
                fields.append(Field(text: value, line: startLine, column: startColumn))
                // After a field: a comma (next field), a line break (next record) or the end.
                if index < scalars.count, scalars[index] == "," {
                    advance()
                    if index == scalars.count { fields.append(Field(text: "", line: line, column: column)) }
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
            var out = String.UnicodeScalarView()
            while index < scalars.count, scalars[index] != ",", scalars[index] != "\n", scalars[index] != "\r" {
                out.append(scalars[index])
                advance()
            }
            return String(out)
        }

        /// Reads `"…"`; `nil` when the closing quote is missing. Text between the closing quote and
        /// the next comma is kept (spreadsheets do not write it; being lenient loses nothing).
        private mutating func readQuoted() -> String? {
            advance()  // opening quote
            var out = String.UnicodeScalarView()
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                        out.append("\"")
                        advance()
                        advance()
                        continue
                    }
                    advance()
                    return String(out) + readPlain().trimmingSpaces
                }
                if scalar == "\r" || scalar == "\n" {
                    skipLineBreak()
                    out.append("\n")
                    continue
                }
                out.append(scalar)
                advance()
            }
            return nil
        }

        private mutating func skipLineBreak() {
            guard index < scalars.count else { return }
            if scalars[index] == "\r" {
                index += 1
                if index < scalars.count, scalars[index] == "\n" { index += 1 }
            } else if scalars[index] == "\n" {
                index += 1
            }
            line += 1
            column = 1
        }

        private mutating func advance() {
            index += 1
            column += 1
        }
    }
}
