import Foundation
import Testing
@testable import RapportCore

/// Whole figures, rendered from `Tests/Fixtures/charts-<case>/{figur.yaml,data.csv}` and compared
/// with `expected.html` and `expected.csv` byte for byte.
///
/// After an intended change, re-record with `RECORD=1 swift test --filter ChartsGolden`, read the diff
/// in git, and commit it with the change.
@Suite struct ChartsGoldenTests {
    /// `Tests/Fixtures`, found from this file's path rather than bundle resources, so the fixtures are
    /// plain files next to the tests.
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Charts
        .deletingLastPathComponent()  // RapportCoreTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Fixtures")

    static let recording = ProcessInfo.processInfo.environment["RECORD"] == "1"

    @Test(arguments: ["charts-likert", "charts-soejler-serier", "charts-soejler-likert"])
    func golden(name: String) throws {
        let directory = Self.fixtures.appendingPathComponent(name)
        let yaml = try String(contentsOf: directory.appendingPathComponent("figur.yaml"), encoding: .utf8)
        let text = try String(contentsOf: directory.appendingPathComponent("data.csv"), encoding: .utf8)
        let block = FigureBlock(yaml: yaml, location: RapportCore.SourceLocation(file: "Content/kapitler/figurer.md", line: 2))
        let spec = try FigureSpec.parse(block).get()
        let csv = SourceFile(relativePath: spec.dataPath, displayPath: "Content/" + spec.dataPath, text: text)
        let data = try FigureData.load(for: spec, csv: csv).get()
        // One case shows its table unfolded (site setting `tabeller: synlige`).
        let context = FigureRenderContext(label: "Figur 4.2", exampleData: spec.exampleData ?? false,
                                          csvHref: "../../figurer/\(spec.id).csv", tablesVisible: name == "charts-soejler-likert")
        try Self.compare(FigureRenderer.html(spec: spec, data: data, context: context),
                         with: directory.appendingPathComponent("expected.html"))
        try Self.compare(FigureRenderer.csv(spec: spec, data: data), with: directory.appendingPathComponent("expected.csv"))
    }

    /// With `RECORD=1`, writes `actual` as the new expectation; otherwise compares and, on a mismatch,
    /// names the first differing line and leaves the actual output in the temporary directory.
    static func compare(_ actual: String, with expected: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        if recording {
            try actual.write(to: expected, atomically: true, encoding: .utf8)
            return
        }
        // Read as bytes: `String(contentsOf:)` would drop the CSV's byte-order mark.
        guard let bytes = try? Data(contentsOf: expected) else {
            Issue.record("missing \(expected.path): run RECORD=1 swift test --filter ChartsGolden", sourceLocation: sourceLocation)
            return
        }
        let wanted = String(decoding: bytes, as: UTF8.self)
        guard Data(actual.utf8) != bytes else { return }
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let wantedLines = wanted.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(actualLines, wantedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actualLines.count, wantedLines.count)
        let saved = FileManager.default.temporaryDirectory
            .appendingPathComponent(expected.deletingLastPathComponent().lastPathComponent + "-" + expected.lastPathComponent)
        try? actual.write(to: saved, atomically: true, encoding: .utf8)
        let line = { (lines: [Substring]) in first < lines.count ? String(lines[first]) : "<end of file>" }
        Issue.record("""
            \(expected.path) differs at line \(first + 1):
            - expected: \(line(wantedLines))
            + actual:   \(line(actualLines))
            Actual output: \(saved.path) (diff -u \(expected.path) \(saved.path)).
            If the change is intended: RECORD=1 swift test --filter ChartsGolden
            """, sourceLocation: sourceLocation)
    }
}
