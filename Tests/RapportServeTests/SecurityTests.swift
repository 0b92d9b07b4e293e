import Foundation
import Testing
@testable import RapportServe

/// Every refusal sent as raw bytes to a running server, so no client library tidies the request
/// first, plus many readers racing repeated rebuilds.
@Suite(.serialized) struct SecurityTests {
    static let traversal = [
        "/../etc/passwd", "/kapitler/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/%2E%2E/etc/passwd",
        "/kapitler/%2e%2e/index.html", "/kapitler%2findledning/", "/..%2f..%2fetc/passwd", "/..%5c..%5cetc/passwd",
        "/kapitler\\indledning/", "//etc/passwd", "/etc/passwd", "/index.html%00.txt", "/.git/config", "/.env",
        "/kapitler/.skjult/", "/./index.html", "/%2e/index.html", "/kapitler//indledning/", "/%zz", "/__rapport/../index.html",
        "/link-ud/passwd", "/link-ud/",
    ]

    @Test func traversalHostsAndMethodsAreRefused() async throws {
        try await withPreview { fixture, preview in
            // A symlink in Content/ pointing out of it: whatever the builder does with it, the
            // server must not serve the target's bytes through it.
            try FileManager.default.createSymbolicLink(atPath: fixture.content.appendingPathComponent("link-ud").path,
                                                       withDestinationPath: "/etc")
            for target in Self.traversal {
                let response = try await preview.get(target)
                #expect(response.status == 404, "\(target)")
                #expect(!response.text.contains("root:"), "\(target)")
            }
            // Absolute-form targets: the path part is checked like any other, and the Host header still decides.
            #expect(try await preview.get("http://localhost/../../etc/passwd").status == 404)
            #expect(try await preview.get("http://localhost/index.html", host: "evil.example").status == 421)

            for host in ["evil.example", "evil.example:8000", "localhost.evil.example", "127.0.0.1.nip.io", "192.168.1.10",
                         "localhost:8000@evil.example"] {
                let response = try await preview.get("/", host: host)
                #expect(response.status == 421, "\(host)")
                #expect(!response.text.contains("<html"), "\(host)")
            }
            #expect(try await preview.get("/", host: nil).status != 200, "no Host header")
            for host in ["localhost", "localhost:\(preview.port)", "127.0.0.1:\(preview.port)", "[::1]:\(preview.port)"] {
                #expect(try await preview.get("/", host: host).status == 200, "\(host)")
            }

            for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"] {
                let response = try await preview.get("/", method: method)
                #expect(response.status == 405, "\(method)")
                #expect(response.headers["allow"] == "GET, HEAD", "\(method)")
                #expect(response.headers["access-control-allow-origin"] == nil)
            }
        }
    }

    @Test func concurrentReadersNeverSeeAHalfWrittenPage() async throws {
        try await withPreview { fixture, preview in
            let events = try await preview.events()
            defer { events.close() }
            let path = "/kapitler/indledning/"
            let versionA = Fixture.chapter
            let versionB = Fixture.chapter.replacingOccurrences(of: "Første version af kapitlet.",
                                                               with: String(repeating: "Anden version af kapitlet. ", count: 400))
            let pageA = try await preview.get(path).body
            try fixture.write("kapitler/indledning.md", versionB)
            #expect(await events.next()?.name == "reload")
            let pageB = try await preview.get(path).body
            #expect(pageA != pageB)

            // 200 readers in parallel while the page flips between A and B, rebuilt each time.
            let port = preview.port
            let bodies = try await withThrowingTaskGroup(of: [UInt8].self) { group in
                for _ in 0..<200 {
                    group.addTask { try await RawHTTP.request(port: port, target: path).body }
                }
                for round in 0..<6 {
                    try fixture.write("kapitler/indledning.md", round.isMultiple(of: 2) ? versionA : versionB)
                    #expect(await events.next()?.name == "reload")
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(bodies.count == 200)
            for body in bodies {
                #expect(body == pageA || body == pageB, "a response was neither the old nor the new full page")
            }
        }
    }
}
