import Foundation
import Testing
@testable import RapportCore

/// Whole-site golden files: `Tests/Fixtures/golden/Content` built with the fixture templates must
/// equal `expected*/` file for file. Re-record deliberately with `RECORD=1 swift test`.
@Suite struct GoldenSiteTests {
    @Test(arguments: [("/", "expected"), ("/evaluering/", "expected-subpath")])
    func siteMatchesGoldenFiles(basePath: String, expectedFolder: String) throws {
        let fixture = Fixtures.url("golden")
        let options = Fixtures.options(content: fixture.appendingPathComponent("Content"), templates: Fixtures.url("templates"),
                                       output: Fixtures.temporaryFolder(), basePath: basePath)
        defer { Fixtures.cleanUp(options.outputDirectory) }
        let result = SiteBuilder(options: options).render()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let actual = Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, Fixtures.text(of: $0)) })
        let expectedURL = fixture.appendingPathComponent(expectedFolder)

        if Fixtures.recording {
            Fixtures.cleanUp(expectedURL)
            for (path, text) in actual {
                let url = expectedURL.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            return
        }
        let expected = Fixtures.readTree(expectedURL)
        #expect(!expected.isEmpty, "no golden files in \(expectedURL.path); record them with RECORD=1 swift test")
        #expect(Set(actual.keys) == Set(expected.keys), "files differ: missing \(Set(expected.keys).subtracting(actual.keys).sorted()), extra \(Set(actual.keys).subtracting(expected.keys).sorted())")
        for (path, text) in expected.sorted(by: { $0.key < $1.key }) {
            guard let produced = actual[path] else { continue }
            #expect(produced == text, "\(path) differs from \(expectedFolder)/\(path) (first difference at line \(Self.firstDifference(produced, text)))")
        }
    }

    /// `hele_rapporten: false` leaves the page out, and with it every link to it (the house
    /// templates' footer and search fallback) and its sitemap entry.
    @Test func wholeReportCanBeTurnedOff() throws {
        let folder = Fixtures.temporaryFolder()
        defer { Fixtures.cleanUp(folder) }
        let content = folder.appendingPathComponent("Content")
        try Fixtures.overlay(Fixtures.url("golden/Content"), onto: content)
        let siteFile = content.appendingPathComponent("site.yaml")
        try Data((try String(contentsOf: siteFile, encoding: .utf8) + "hele_rapporten: false\n").utf8).write(to: siteFile)
        let houseTemplates = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates")
        for (templates, name) in [(Fixtures.url("templates"), "fixture"), (houseTemplates, "house")] {
            let result = SiteBuilder(options: Fixtures.options(content: content, templates: templates,
                                                               output: folder.appendingPathComponent("public"))).render()
            #expect(result.diagnostics.isEmpty, "\(name): \(result.diagnostics)")
            #expect(!result.files.isEmpty)
            let mentions = result.files.filter { !$0.path.hasSuffix(".css") && Fixtures.text(of: $0).contains("hele-rapporten") }.map(\.path)
            #expect(mentions.isEmpty, "\(name) templates still point at the whole report from \(mentions)")
        }
    }

    @Test func buildWritesTheSameFilesToDisk() throws {
        let fixture = Fixtures.url("golden")
        let output = Fixtures.temporaryFolder().appendingPathComponent("public")
        defer { Fixtures.cleanUp(output.deletingLastPathComponent()) }
        let options = Fixtures.options(content: fixture.appendingPathComponent("Content"), templates: Fixtures.url("templates"), output: output)
        let result = SiteBuilder(options: options).build()
        #expect(result.succeeded)
        let onDisk = Fixtures.readTree(output)
        #expect(Set(onDisk.keys) == Set(result.files.map(\.path)))
        #expect(onDisk["projekter/vejle/index.html"]?.contains("<h1>Projektet i Vejle</h1>") == true)
        // Nothing but the output folder is left next to it: the staging folder was swapped in.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(siblings == ["public"])
    }

    static func firstDifference(_ a: String, _ b: String) -> Int {
        let left = a.split(separator: "\n", omittingEmptySubsequences: false)
        let right = b.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, pair) in zip(left, right).enumerated() where pair.0 != pair.1 { return index + 1 }
        return min(left.count, right.count) + 1
    }
}
