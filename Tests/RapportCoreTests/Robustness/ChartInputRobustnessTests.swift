import Foundation
import PropertyBased
import Testing
@testable import RapportCore

extension Robustness {
    /// Figure specs and their CSV files: random YAML, random cells, quotes, ragged rows, byte-order
    /// marks, negative, huge and non-integer counts. Never a crash; every problem points into the
    /// file that has it; whatever loads renders to a figure and a CSV download.
    @Suite struct ChartInputs {
        struct SpecInput: CustomDebugStringConvertible {
            var yaml: String
            var line: Int
            var debugDescription: String { "line \(line): \(String(reflecting: yaml))" }
        }

        static let specs = Generator { rng -> SpecInput in
            let yaml: String = switch rng.below(3) {
            case 0: Inputs.validFigureYAML(&rng, scale: Inputs.scale(&rng))
            case 1: Inputs.mutate(Inputs.validFigureYAML(&rng, scale: Inputs.scale(&rng)), &rng)
            default: Inputs.figureYAML(&rng)
            }
            return SpecInput(yaml: yaml, line: rng.int(1...40))
        }

        static let markdownPath = "Content/kapitler/fuzz.md"

        @Test func figureSpecsParseOrExplainWhy() {
            PropertyRunner.check("figure spec", seed: 0xC0C0_0001, count: 400, Self.specs) { input in
                let block = FigureBlock(yaml: input.yaml, location: SourceLocation(file: Self.markdownPath, line: input.line, column: 1))
                var broken: [String] = []
                switch PropertyRunner.timed(&broken, { FigureSpec.parse(block) }) {
                case .failure(let list):
                    broken += Invariants.actionable(list.diagnostics, roots: [Self.markdownPath])
                    if list.diagnostics.isEmpty { broken.append("rejected without a diagnostic") }
                    let last = input.line + Invariants.lineCount(input.yaml)
                    for diagnostic in list.diagnostics where !(input.line...last).contains(diagnostic.location.line) {
                        broken.append("\(diagnostic) is outside the block (lines \(input.line)–\(last))")
                    }
                case .success(let spec):
                    if !FigureSpec.supportedPoints.contains(spec.points.count) { broken.append("accepted a scale with \(spec.points.count) valued points: \(spec.scale)") }
                    if let dontKnow = spec.dontKnow, spec.scale.last != dontKnow { broken.append("'\(dontKnow)' is not the last category") }
                    if spec.id.isEmpty || !spec.id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
                        broken.append("accepted id '\(spec.id)'")
                    }
                    if !spec.dataPath.lowercased().hasSuffix(".csv") || spec.dataPath.split(separator: "/").contains("..") || spec.dataPath.hasPrefix("/") {
                        broken.append("accepted data path '\(spec.dataPath)'")
                    }
                    if !(0...100).contains(spec.labelThreshold) { broken.append("accepted etiket_graense \(spec.labelThreshold)") }
                }
                return broken
            }
        }

        struct CSVInput: CustomDebugStringConvertible {
            var kind: FigureSpec.Kind
            var scale: [String]?
            var csv: String
            var debugDescription: String { "\(kind.yamlName), skala \(scale.map { "\($0)" } ?? "default"): \(String(reflecting: csv))" }
        }

        static let csvFiles = Generator { rng -> CSVInput in
            let scale = Inputs.scale(&rng)
            var csv = Inputs.csv(&rng, scale: scale)
            if rng.chance(0.2) { csv = Inputs.mutate(csv, &rng) }
            return CSVInput(kind: rng.pick(FigureSpec.Kind.allCases), scale: scale, csv: csv)
        }

        static func spec(for input: CSVInput) -> FigureSpec {
            let scale = input.scale ?? FigureSpec.defaultScale
            return FigureSpec(id: "fuzz", kind: input.kind, title: "Fuzz", dataPath: "data/fuzz.csv",
                              location: SourceLocation(file: markdownPath, line: 6, column: 1),
                              dataLocation: SourceLocation(file: markdownPath, line: 9, column: 7),
                              scale: scale, dontKnow: scale.last == "Ved ikke" ? "Ved ikke" : nil)
        }

        @Test func csvFilesLoadOrExplainWhy() {
            PropertyRunner.check("figure CSV", seed: 0xC0C0_0002, count: 350, Self.csvFiles) { input in
                let spec = Self.spec(for: input)
                let file = SourceFile(relativePath: "data/fuzz.csv", displayPath: "Content/data/fuzz.csv", text: input.csv)
                var broken: [String] = []
                switch PropertyRunner.timed(&broken, { FigureData.load(for: spec, csv: file) }) {
                case .failure(let list):
                    if list.diagnostics.isEmpty { broken.append("rejected without a diagnostic") }
                    broken += Invariants.actionable(list.diagnostics, roots: ["Content/data/fuzz.csv"],
                                                    lineCounts: ["Content/data/fuzz.csv": Invariants.lineCount(input.csv)])
                case .success(let data):
                    broken += PropertyRunner.timed(&broken) { Self.checkRendering(spec: spec, data: data) }
                }
                return broken
            }
        }

        /// What a loaded figure must satisfy: it renders, percentages add up, the download parses.
        static func checkRendering(spec: FigureSpec, data: FigureData) -> [String] {
            var broken: [String] = []
            let context = FigureRenderContext(label: "Figur 1.1", exampleData: false, csvHref: "/figurer/fuzz.csv", tablesVisible: false)
            let html = FigureRenderer.html(spec: spec, data: data, context: context)
            if Invariants.scriptTags(in: html) > 0 { broken.append("a <script in the figure") }
            if html.contains("NaN") || html.contains("inf") && html.contains("=\"inf") { broken.append("a non-finite number in the figure") }
            if case .likert(let table) = data {
                for row in table.rows {
                    let summary = LikertStatistics.summary(row, dontKnowIndex: table.dontKnowIndex)
                    if summary.percentages.reduce(0, +) != 100 { broken.append("percentages of '\(row.question)' sum to \(summary.percentages.reduce(0, +))") }
                    if row.counts.count != table.scale.count { broken.append("row '\(row.question)' has \(row.counts.count) counts for \(table.scale.count) categories") }
                }
            }
            let download = FigureRenderer.csv(spec: spec, data: data)
            switch ChartCSV.parse(download) {
            case .failure: broken.append("the CSV download does not parse")
            case .success(let parsed):
                let widths = Set(parsed.records.map(\.fields.count))
                if widths.count > 1 { broken.append("the CSV download has ragged rows: \(widths.sorted())") }
            }
            return broken
        }

        /// CSV quoting round-trips: any fields written the way the download writes them read back the same.
        static let records = Generator { rng -> [[String]] in
            (0..<rng.int(1...6)).map { _ in
                (0..<rng.int(1...5)).map { _ in
                    rng.chance(0.5) ? Inputs.text(&rng, words: 0...3) : rng.pick(["", "\"", "\"\"", ",", "a,b", "a\nb", "a\r\nb", "\r", " x ", "\u{FEFF}x"])
                }
            }
        }

        @Test func csvQuotingRoundTrips() {
            PropertyRunner.check("CSV round trip", seed: 0xC0C0_0003, count: 200, Self.records) { records in
                let text = FigureCSVExport.byteOrderMark + records.map { $0.map(FigureCSVExport.field).joined(separator: ",") }.joined(separator: "\n")
                guard case .success(let parsed) = ChartCSV.parse(text) else { return ["written fields do not parse"] }
                // The reader skips empty lines and trims spaces around unquoted values, as documented.
                let normalise: ([[String]]) -> [[String]] = { rows in
                    rows.map { $0.map { $0.trimmingBlanks.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") } }
                        .filter { $0 != [""] }
                }
                let read = normalise(parsed.records.map { $0.fields.map(\.text) })
                let written = normalise(records)
                return read == written ? [] : ["read back \(read), wrote \(written)"]
            }
        }
    }
}
