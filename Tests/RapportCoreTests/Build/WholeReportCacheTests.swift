import Foundation
import Testing
@testable import RapportCore

/// `rapport serve` keeps the whole report's sections between renders; what it shows must still be
/// what a fresh render shows, also when an edit on one page renumbers the figures of another.
@Suite struct WholeReportCacheTests {
    static func wholeReport(_ result: BuildResult) -> String {
        result.files.first { $0.path == "hele-rapporten/index.html" }.map(Fixtures.text(of:)) ?? ""
    }

    @Test func cachedSectionsFollowEditsAndRenumbering() throws {
        let folder = Fixtures.temporaryFolder()
        defer { Fixtures.cleanUp(folder) }
        let content = folder.appendingPathComponent("Content")
        try Fixtures.overlay(Fixtures.url("golden/Content"), onto: content)
        let builder = SiteBuilder(options: Fixtures.options(content: content, templates: Fixtures.url("templates"),
                                                            output: folder.appendingPathComponent("public")))
        var cache = DraftCache()
        let first = Self.wholeReport(builder.render(cache: &cache))
        #expect(first.contains("Figur 1"))

        // A figure on the methods chapter (before Vejle in reading order) makes Vejle's figure number 2,
        // although Vejle's own page did not change.
        let chapter = content.appendingPathComponent("kapitler/metode.md")
        try Data("""
        ---
        titel: Metode
        nummer: 2
        ---
        Ny tekst om metoden.

        ```figur
        id: metode-svar
        type: likert
        titel: Svar om metoden
        data: data/svar.csv
        kilde: Testdata (eksempeldata)
        ```
        """.utf8).write(to: chapter)
        let edited = builder.render(cache: &cache)
        #expect(cache.reusedCount > 0, "the unchanged pages' drafts were reused")
        let cached = Self.wholeReport(edited)
        #expect(cached.contains("Ny tekst om metoden."))
        #expect(cached == Self.wholeReport(builder.render()), "cached whole report differs from a fresh one")
        let vejle = try #require(cached.range(of: "id=\"fig-vejle-svar\""))
        #expect(cached[vejle.lowerBound...].contains("Figur 2:"))
    }
}
