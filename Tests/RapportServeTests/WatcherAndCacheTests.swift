import Foundation
import RapportCore
import Testing
@testable import RapportServe

/// `work`'s result, or nil if it takes longer than `seconds` (a deadline; no fixed wait).
func within<T: Sendable>(seconds: Double = 20, _ work: @escaping @Sendable () async throws -> T) async throws -> T? {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await work() }
        group.addTask {
            try? await Task.sleep(for: .seconds(seconds))
            return nil
        }
        let first = try await group.next() ?? nil
        group.cancelAll()
        return first
    }
}

@Suite struct FileWatcherTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        return url.resolvingSymlinksInPath()
    }

    @Test(arguments: [FileWatcher.Mode.automatic, .polling])
    func reportsEditsInNestedAndNewFolders(mode: FileWatcher.Mode) async throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        var watcher = FileWatcher(roots: [root], mode: mode)
        watcher.pollInterval = .milliseconds(50)
        let stream = watcher.changes()
        let nested = root.appendingPathComponent("a/b/side.md")
        let fresh = root.appendingPathComponent("ny/mappe/side.md")
        let seen = try await within {
            var batches = stream.makeAsyncIterator()
            try Data("x".utf8).write(to: nested)
            while let batch = await batches.next(), !batch.paths.contains(nested.path) {}
            // A file in a folder made after watching started: inotify must add watches for it.
            try FileManager.default.createDirectory(at: fresh.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("y".utf8).write(to: fresh)
            while let batch = await batches.next() {
                if batch.paths.contains(fresh.path) { return true }
            }
            return false
        }
        #expect(seen == true)
    }

    @Test func burstsAreCoalescedAndScratchFilesIgnored() async throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let stream = FileWatcher(roots: [root]).changes()
        let paths = (0..<20).map { root.appendingPathComponent("a/side-\($0).md") }
        let batches = try await within { () -> [FileChanges] in
            var iterator = stream.makeAsyncIterator()
            try Data().write(to: root.appendingPathComponent("a/.side-0.md.swp"))
            for path in paths { try Data("tekst".utf8).write(to: path) }
            var batches: [FileChanges] = []
            var missing = Set(paths.map(\.path))
            while !missing.isEmpty, let batch = await iterator.next() {
                batches.append(batch)
                missing.subtract(batch.paths)
            }
            return batches
        }
        let all = try #require(batches)
        #expect(Set(all.flatMap(\.paths)).isSuperset(of: paths.map(\.path)))
        #expect(all.count < paths.count, "20 saves in a burst should not give 20 rebuilds")
        #expect(!all.flatMap(\.paths).contains { $0.hasSuffix(".swp") })
    }
}

@Suite struct DraftCacheTests {
    @Test func unchangedPagesReuseTheirDraftsAndCsvEditsInvalidateTheirPages() throws {
        let fixture = try Fixture.make()
        defer { fixture.remove() }
        let builder = SiteBuilder(options: fixture.buildOptions)
        var cache = DraftCache()

        let first = builder.render(cache: &cache)
        #expect(first.succeeded)
        #expect(cache.renderedCount == 3 && cache.reusedCount == 0, "\(cache.renderedCount) \(cache.reusedCount) \(first.diagnostics)")

        let second = builder.render(cache: &cache)
        #expect(cache.renderedCount == 0 && cache.reusedCount == 3 && cache.assembledCount == 0)
        #expect(second.files == first.files, "reused drafts give the same site")

        // Only the edited page goes through Markdown and the templates.
        try fixture.write("index.md", "---\ntitel: Forside\n---\n\nNy tekst.\n")
        _ = builder.render(cache: &cache)
        #expect(cache.renderedCount == 1 && cache.reusedCount == 2 && cache.assembledCount == 1)

        // A new heading changes the anchors other pages may link to: every page is assembled again.
        try fixture.write("index.md", "---\ntitel: Forside\n---\n\n## Nyt afsnit\n\nNy tekst.\n")
        let afterHeading = builder.render(cache: &cache)
        #expect(cache.renderedCount == 1 && cache.assembledCount == 3)
        #expect(afterHeading.files == SiteBuilder(options: fixture.buildOptions).render().files)

        // A new title shows up in other pages' navigation and lists: every page is assembled again.
        try fixture.write("tilgaengelighed.md", "---\ntitel: Tilgængelighed\n---\n\nWebstedet er delvist tilgængeligt.\n")
        let afterTitle = builder.render(cache: &cache)
        #expect(cache.renderedCount == 1 && cache.assembledCount == 3)
        #expect(afterTitle.files == SiteBuilder(options: fixture.buildOptions).render().files)

        // The chapter's figure reads the CSV: only that page is redone.
        try fixture.write("data/samarbejde.csv", Fixture.csv.replacingOccurrences(of: "2,2,19", with: "3,1,19"))
        let afterCSV = builder.render(cache: &cache)
        #expect(cache.renderedCount == 1 && cache.reusedCount == 2)
        #expect(afterCSV.files == SiteBuilder(options: fixture.buildOptions).render().files, "same as a build from scratch")

        // A template change re-renders every page but still reuses the Markdown.
        let template = try fixture.read("side.mustache", in: fixture.templates)
        try fixture.write("side.mustache", template + "\n", in: fixture.templates)
        let afterTemplate = builder.render(cache: &cache)
        #expect(cache.reusedCount == 3 && cache.assembledCount == 3)
        #expect(afterTemplate.files == SiteBuilder(options: fixture.buildOptions).render().files)
    }

    @Test func snapshotDiffNamesChangedURLs() {
        func file(_ text: String) -> ServedFile { ServedFile(body: .init(string: text), contentType: "text/html") }
        let old = SiteSnapshot(files: ["index.html": file("a"), "kapitler/x/index.html": file("b"), "assets/a.css": file("c"),
                                       "gammel.pdf": file("d")])
        let new = SiteSnapshot(files: ["index.html": file("a"), "kapitler/x/index.html": file("B"), "assets/a.css": file("C"),
                                       "ny/index.html": file("e")])
        let change = SnapshotChange(from: old, to: new)
        #expect(change.paths == ["assets/a.css", "gammel.pdf", "kapitler/x/index.html", "ny/index.html"])
        #expect(change.urls(basePath: "/e/") == ["/e/assets/a.css", "/e/gammel.pdf", "/e/kapitler/x/", "/e/ny/"])
        #expect(!change.isStylesheetsOnly)
        #expect(SnapshotChange(paths: ["assets/a.css", "assets/b/c.css"]).isStylesheetsOnly)
    }

    @Test func injectionGoesBeforeTheLastBodyEndTag() {
        let injector = LiveReloadInjector(basePath: "/")
        let html = injector.inject(into: "<html><body><p>&lt;/body&gt;</p></BODY></html>", path: "a/index.html")
        #expect(html == "<html><body><p>&lt;/body&gt;</p><script src=\"/__rapport/live.js\" data-rapport-page=\"/a/\"></script>\n</BODY></html>")
        #expect(injector.inject(into: "<p>x</p>", path: "index.html").hasSuffix("data-rapport-page=\"/\"></script>"))
    }
}
