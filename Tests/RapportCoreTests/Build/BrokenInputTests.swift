import Foundation
import Testing
@testable import RapportCore

/// The broken-input corpus: each `Tests/Fixtures/broken/<case>/` overlays a valid base site with
/// broken files (and may list base files to delete in `remove.txt`). The build must report exactly
/// the lines in `expected.txt`, never crash, and leave an existing output folder untouched.
@Suite struct BrokenInputTests {
    static let corpus = Fixtures.url("broken")

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).filter { !$0.hasPrefix("_") && !$0.hasPrefix(".") }.sorted()
    }

    @Test(arguments: cases)
    func reportsEveryErrorWithPositionAndHint(_ name: String) throws {
        let folder = Fixtures.temporaryFolder()
        defer { Fixtures.cleanUp(folder) }
        let content = try Self.compose(name, in: folder)
        let output = folder.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("gammel side".utf8).write(to: output.appendingPathComponent("index.html"))

        let options = Fixtures.options(content: content, templates: Fixtures.url("templates"), output: output)
        let result = SiteBuilder(options: options).build()
        let lines = result.diagnostics.map(\.description)
        let expectedURL = Self.corpus.appendingPathComponent(name).appendingPathComponent("expected.txt")
        if Fixtures.recording {
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: expectedURL)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines == expected)
        #expect(!result.succeeded, "a broken site must fail the build")
        for line in lines {
            #expect(line.firstMatch(of: #/^[^:]+(:\d+(:\d+)?)?: (error|warning): .+ – .+$/#) != nil, "not actionable: \(line)")
        }
        // The site in the output folder is still there, and no staging folder was left behind
        // (the failed build's folder stays as the previous site, for the next build to write over).
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "gammel side")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".public.rapport-forrige", "Content", "public"])
    }

    @Test func hugePagesAreRejectedBeforeParsing() throws {
        let folder = Fixtures.temporaryFolder()
        defer { Fixtures.cleanUp(folder) }
        let content = try Self.compose(nil, in: folder)
        let huge = "---\ntitel: Stor\nnummer: 2\n---\n" + String(repeating: "Meget lang tekst. ", count: 20_000)
        try Data(huge.utf8).write(to: content.appendingPathComponent("kapitler/stor.md"))
        let options = Fixtures.options(content: content, templates: Fixtures.url("templates"), output: folder.appendingPathComponent("public"))
        let result = SiteBuilder(options: options).render()
        #expect(result.errors.map(\.description) == [
            "Content/kapitler/stor.md:5:1: error: page body is 360000 bytes, more than the limit of 262144 – split the page into several pages",
        ])
    }

    @Test func templateProblemsNameTheTemplateFile() throws {
        let folder = Fixtures.temporaryFolder()
        defer { Fixtures.cleanUp(folder) }
        let content = try Self.compose(nil, in: folder)
        let templates = folder.appendingPathComponent("Templates")
        try Fixtures.overlay(Fixtures.url("templates"), onto: templates)
        try Data("{{<base}}{{$main}}<p>{{forfatter}}</p>{{/main}}{{/base}}".utf8).write(to: templates.appendingPathComponent("kapitel.mustache"))
        let options = Fixtures.options(content: content, templates: templates, output: folder.appendingPathComponent("public"))
        let missingKey = SiteBuilder(options: options).render().errors.map(\.description)
        #expect(missingKey.count == 1, "\(missingKey)")
        #expect(missingKey.first?.hasPrefix("Templates/kapitel.mustache:1:22: error: key 'forfatter' is not in the page context – page templates can use the keys") == true, "\(missingKey)")

        try Data("{{<base}}{{$main}}{{>sidebar}}{{{title}}}{{/main}}{{/base}}".utf8).write(to: templates.appendingPathComponent("kapitel.mustache"))
        try FileManager.default.removeItem(at: templates.appendingPathComponent("side.mustache"))
        let structural = SiteBuilder(options: options).render().errors.map(\.description)
        #expect(structural == [
            "Templates/kapitel.mustache:1:19: error: partial 'sidebar' does not exist – create sidebar.mustache next to this template or fix the name",
            "Templates/kapitel.mustache:1:31: error: 'title' is output without HTML escaping – use {{title}}; only keys ending in _html (markup Rapport produced) may use {{{…}}}",
            "Templates/side.mustache: error: template 'side' is missing – create Templates/side.mustache",
        ])

        // Rapport puts a line of its own before every template (its escaping pragma, see
        // `EscapingContentType`); positions must still be those of the file.
        try Data("{{<base}}{{$main}}\n<p>{{title}}</p>\n{{#project}}{{/element}}{{/main}}{{/base}}".utf8)
            .write(to: templates.appendingPathComponent("kapitel.mustache"))
        let syntax = SiteBuilder(options: options).render().errors.map(\.description)
        #expect(syntax.contains { $0.hasPrefix("Templates/kapitel.mustache:3:") && $0.contains("template syntax error") }, "\(syntax)")
    }

    /// Base site plus the case's files, minus the files its `remove.txt` names.
    static func compose(_ name: String?, in folder: URL) throws -> URL {
        let content = folder.appendingPathComponent("Content")
        try Fixtures.overlay(corpus.appendingPathComponent("_base/Content"), onto: content)
        guard let name else { return content }
        let caseFolder = corpus.appendingPathComponent(name)
        try Fixtures.overlay(caseFolder.appendingPathComponent("Content"), onto: content)
        if let removals = try? String(contentsOf: caseFolder.appendingPathComponent("remove.txt"), encoding: .utf8) {
            for path in removals.split(separator: "\n") { try FileManager.default.removeItem(at: content.appendingPathComponent(String(path))) }
        }
        return content
    }
}
