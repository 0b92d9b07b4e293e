import Foundation
import RapportCore
import Testing
@testable import RapportServe

/// The preview server end to end: a real server on an ephemeral port, real file edits picked up
/// by the real watcher, responses and events read off real sockets. Nothing waits a fixed time:
/// each step waits for the event it expects, with a deadline.
@Suite(.serialized) struct ServeTests {
    static let script = "/__rapport/live.js"

    @Test func servesPagesWithTheScriptAndAssetsWithout() async throws {
        try await withPreview { _, preview in
            let home = try await preview.get("/")
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.headers["x-content-type-options"] == "nosniff")
            #expect(home.headers["cache-control"] == "no-store")
            #expect(home.headers.keys.allSatisfy { !$0.hasPrefix("access-control-") }, "no CORS headers")
            #expect(home.text.contains("<script src=\"\(Self.script)\" data-rapport-page=\"/\"></script>\n</body>"))

            let chapter = try await preview.get("/kapitler/indledning/")
            #expect(chapter.status == 200)
            #expect(chapter.text.contains("Første version af kapitlet."))
            #expect(chapter.text.contains("data-rapport-page=\"/kapitler/indledning/\""))

            let css = try await preview.get("/assets/rapport.css")
            #expect(css.status == 200)
            #expect(css.headers["content-type"] == "text/css; charset=utf-8")
            #expect(!css.text.contains("__rapport"))
            #expect(css.body == Array(try Data(contentsOf: Fixture.repositoryRoot.appendingPathComponent("Templates/assets/rapport.css"))))

            let script = try await preview.get(Self.script)
            #expect(script.status == 200)
            #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")
            #expect(script.text.contains("new EventSource(\"/__rapport/events\")"))

            let status = try await preview.get("/__rapport/status")
            #expect(status.headers["content-type"] == "application/json")
            #expect(status.text.contains("\"ok\":true"))

            let head = try await preview.get("/", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.headers["content-length"] == String(home.body.count))
        }
    }

    @Test func folderWithoutSlashRedirectsAndMissesGetTheSites404Page() async throws {
        try await withPreview { _, preview in
            let redirect = try await preview.get("/kapitler/indledning?x=1")
            #expect(redirect.status == 301)
            #expect(redirect.headers["location"] == "/kapitler/indledning/?x=1")

            let missing = try await preview.get("/findes/ikke/")
            #expect(missing.status == 404)
            #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
            #expect(missing.text.contains("Siden findes ikke"))
            #expect(missing.text.contains("data-rapport-page=\"/404.html\""))
        }
    }

    @Test func editProducesOneReloadWithTheNewContent() async throws {
        try await withPreview { fixture, preview in
            let events = try await preview.events()
            defer { events.close() }
            try fixture.write("kapitler/indledning.md", Fixture.chapter.replacingOccurrences(of: "Første version", with: "Anden version"))

            let reload = try #require(await events.next())
            #expect(reload.name == "reload")
            // The whole-report page holds every chapter, so it changes with any of them.
            #expect(reload.json["changed"] as? [String] == ["/hele-rapporten/", "/kapitler/indledning/"])
            let page = try await preview.get("/kapitler/indledning/")
            #expect(page.text.contains("Anden version af kapitlet."))

            // The next event belongs to the next change: nothing else was sent for the edit.
            try fixture.write("assets/rapport.css", "body { color: #222; }\n", in: fixture.templates)
            let css = try #require(await events.next())
            #expect(css.name == "css")
            #expect(css.json["changed"] as? [String] == ["/assets/rapport.css"])
            #expect(try await preview.get("/assets/rapport.css").text == "body { color: #222; }\n")
        }
    }

    @Test func brokenFileSendsErrorsKeepsTheOldPageAndTheFixReloads() async throws {
        try await withPreview { fixture, preview in
            let before = try await preview.get("/kapitler/indledning/")
            let events = try await preview.events()
            defer { events.close() }

            try fixture.write("kapitler/indledning.md", Fixture.chapter.replacingOccurrences(of: "titel: Indledning", with: "titl: Indledning"))
            let error = try #require(await events.next())
            #expect(error.name == "error")
            let errors = try #require(error.json["errors"] as? [[String: Any]])
            let unknownKey = try #require(errors.first { ($0["message"] as? String)?.contains("titl") == true })
            #expect(unknownKey["file"] as? String == "Content/kapitler/indledning.md")
            #expect(unknownKey["line"] as? Int == 2)
            #expect(unknownKey["column"] as? Int == 1)
            #expect(unknownKey["source"] as? String == "titl: Indledning")
            #expect((unknownKey["hint"] as? String)?.isEmpty == false)

            let during = try await preview.get("/kapitler/indledning/")
            #expect(during.status == 200)
            #expect(during.body == before.body, "the last good page is still served")
            let status = try await preview.get("/__rapport/status")
            #expect(status.text.contains("\"ok\":false") && status.text.contains("titl: Indledning"))

            try fixture.write("kapitler/indledning.md", Fixture.chapter)
            let fixed = try #require(await events.next())
            #expect(fixed.name == "reload")
            #expect(try await preview.get("/__rapport/status").text.contains("\"ok\":true"))
        }
    }

    @Test func cssChangeSendsCssNotReload() async throws {
        try await withPreview { fixture, preview in
            let events = try await preview.events()
            defer { events.close() }
            let original = try fixture.read("assets/rapport.css", in: fixture.templates)
            try fixture.write("assets/rapport.css", original + "\nmain { max-width: 40rem; }\n", in: fixture.templates)
            let event = try #require(await events.next())
            #expect(event.name == "css")
        }
    }

    @Test func csvChangeReloadsThePageWithTheFigure() async throws {
        try await withPreview { fixture, preview in
            let before = try await preview.get("/figurer/samarbejde.csv")
            let events = try await preview.events()
            defer { events.close() }
            try fixture.write("data/samarbejde.csv", Fixture.csv.replacingOccurrences(of: "2,2,19,32,9,0", with: "1,3,19,32,9,0"))
            let event = try #require(await events.next())
            #expect(event.name == "reload")
            let changed = try #require(event.json["changed"] as? [String])
            #expect(changed.contains("/data/samarbejde.csv"))
            #expect(try await preview.get("/figurer/samarbejde.csv").body != before.body)
        }
    }

    @Test func filesInNewFoldersArePickedUp() async throws {
        try await withPreview { fixture, preview in
            let events = try await preview.events()
            defer { events.close() }
            try fixture.write("bilag/ny/tabel.csv", "a,b\n1,2\n")
            let first = try #require(await events.next())
            #expect(first.name == "reload")
            #expect(first.json["changed"] as? [String] == ["/bilag/ny/tabel.csv"])
            // Written after the folder appeared: only seen if a watch was added for it.
            try fixture.write("bilag/ny/tabel-2.csv", "a,b\n3,4\n")
            let second = try #require(await events.next())
            #expect(second.json["changed"] as? [String] == ["/bilag/ny/tabel-2.csv"])
            #expect(try await preview.get("/bilag/ny/tabel-2.csv").text == "a,b\n3,4\n")
        }
    }

    @Test func basePathServesTheSiteUnderItsPrefix() async throws {
        try await withPreview(basePath: "/evaluering/") { _, preview in
            let home = try await preview.get("/evaluering/")
            #expect(home.status == 200)
            #expect(home.text.contains("href=\"/evaluering/kapitler/indledning/\""))
            #expect(home.text.contains("data-rapport-page=\"/evaluering/\""))
            #expect(try await preview.get("/evaluering").headers["location"] == "/evaluering/")
            #expect(try await preview.get("/evaluering/kapitler/indledning").headers["location"] == "/evaluering/kapitler/indledning/")
            #expect(try await preview.get("/").status == 404)
            #expect(try await preview.get("/kapitler/indledning/").status == 404)
        }
    }

    @Test func builtSiteOnDiskHasNoTraceOfTheScript() async throws {
        let fixture = try Fixture.make()
        defer { fixture.remove() }
        let preview = try await Preview.start(fixture)
        let events = try await preview.events()
        try fixture.write("index.md", "---\ntitel: Forside\n---\n\nÆndret forside.\n")
        let event = await events.next()
        events.close()
        await preview.stop()
        #expect(event?.name == "reload")

        let written = try FileManager.default.subpathsOfDirectory(atPath: fixture.output.path)
        #expect(written.contains("index.html") && written.contains("kapitler/indledning/index.html"))
        #expect(try String(contentsOf: fixture.output.appendingPathComponent("index.html"), encoding: .utf8).contains("Ændret forside."))
        for path in written {
            let data = (try? Data(contentsOf: fixture.output.appendingPathComponent(path))) ?? Data()
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("__rapport") && !text.contains("EventSource") && !text.contains("data-rapport-page"), "\(path)")
        }
        let content = try FileManager.default.subpathsOfDirectory(atPath: fixture.content.path).sorted()
        #expect(content == ["data", "data/samarbejde.csv", "index.md", "kapitler", "kapitler/indledning.md", "site.yaml",
                            "tilgaengelighed.md"],
                "serve never creates files in Content/")
    }

    @Test func siteBrokenFromTheStartShowsTheOverlayPageUntilFixed() async throws {
        let fixture = try Fixture.make()
        defer { fixture.remove() }
        try fixture.write("site.yaml", "titel: Test\n")
        let preview = try await Preview.start(fixture)
        let page = try await preview.get("/")
        #expect(page.status == 503)
        #expect(page.text.contains(Self.script))
        #expect(try await preview.get("/__rapport/status").text.contains("\"ok\":false"))
        let events = try await preview.events()
        try fixture.write("site.yaml", """
            titel: Testrapport
            organisation: Testministeriet
            sprog: da
            base_url: https://test.example.dk/
            tilgaengelighedserklaering: tilgaengelighed.md

            """)
        let event = await events.next()
        events.close()
        #expect(event?.name == "reload")
        #expect(try await preview.get("/").status == 200)
        await preview.stop()
    }
}
