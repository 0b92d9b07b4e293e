import Hummingbird
import Testing
@testable import RapportServe

/// The routing rules without a socket; `SecurityTests` sends the same cases over the wire.
@Suite struct RequestGateTests {
    let files: Set<String> = ["index.html", "404.html", "projekter/vejle/index.html", "assets/rapport.css", "data/a b.csv"]

    func route(_ target: String, method: HTTPRequest.Method = .get, host: String? = "localhost", base: String = "/") -> Route {
        RequestGate(basePath: base, hosts: HostPolicy())
            .route(method: method, authority: host, target: target, exists: { files.contains($0) })
    }

    @Test func foldersServeTheirIndexAndFilesThemselves() {
        #expect(route("/") == .file("index.html"))
        #expect(route("/projekter/vejle/") == .file("projekter/vejle/index.html"))
        #expect(route("/projekter/vejle/?utm=x") == .file("projekter/vejle/index.html"))
        #expect(route("/assets/rapport.css") == .file("assets/rapport.css"))
        #expect(route("/data/a%20b.csv") == .file("data/a b.csv"))
        #expect(route("/projekter/") == .notFound, "no directory listings")
    }

    @Test func folderWithoutSlashRedirects() {
        #expect(route("/projekter/vejle") == .redirect("/projekter/vejle/"))
        #expect(route("/projekter/vejle?a=1") == .redirect("/projekter/vejle/?a=1"))
        #expect(route("/evaluering", base: "/evaluering/") == .redirect("/evaluering/"))
    }

    @Test func basePathPrefixesTheSite() {
        #expect(route("/evaluering/", base: "/evaluering/") == .file("index.html"))
        #expect(route("/evaluering/projekter/vejle/", base: "/evaluering/") == .file("projekter/vejle/index.html"))
        #expect(route("/", base: "/evaluering/") == .notFound)
        #expect(route("/projekter/vejle/", base: "/evaluering/") == .notFound)
    }

    @Test(arguments: [
        "/../etc/passwd", "/projekter/../index.html", "/%2e%2e/etc/passwd", "/%2E%2E/x", "/projekter/%2e%2e/index.html",
        "/projekter%2fvejle/index.html", "/projekter%2Fvejle/", "/..%5cindex.html", "/projekter\\vejle/", "/%5c",
        "//etc/passwd", "http://localhost/index.html", "*", "", "/index.html%00", "/a%00b", "/.git/config", "/.env",
        "/assets/.hidden.css", "/.well-known/x", "/./index.html", "/%2e/index.html", "/projekter//vejle/", "/%zz",
        "/__rapport/other",
    ])
    func suspiciousPathsAreNotFound(_ target: String) {
        #expect(route(target) == .notFound)
    }

    @Test(arguments: ["localhost", "localhost:8000", "127.0.0.1", "127.0.0.1:8123", "[::1]", "[::1]:8000", "LOCALHOST:8000"])
    func loopbackHostsAreAnswered(_ host: String) {
        #expect(route("/", host: host) == .file("index.html"))
    }

    @Test(arguments: ["evil.example", "evil.example:8000", "localhost.evil.example", "127.0.0.1.nip.io", "localhost:80x",
                      "localhost:", "[::1", "192.168.1.10", "", "localhost:8000@evil.example"])
    func otherHostsAreMisdirected(_ host: String) {
        #expect(route("/", host: host) == .misdirected)
    }

    @Test func missingHostIsMisdirected() {
        #expect(route("/", host: nil) == .misdirected)
    }

    @Test func onlyGetAndHead() {
        #expect(route("/", method: .head) == .file("index.html"))
        for method in [HTTPRequest.Method.post, .put, .delete, .patch, .options, .trace, .connect] {
            #expect(route("/", method: method) == .methodNotAllowed)
        }
    }

    @Test func reservedEndpoints() {
        #expect(route("/__rapport/events") == .events)
        #expect(route("/__rapport/status") == .status)
        #expect(route("/__rapport/live.js") == .script)
        #expect(route("/__rapport/events", method: .post) == .methodNotAllowed)
        #expect(route("/__rapport/events", host: "evil.example") == .misdirected)
    }

    @Test func nonLoopbackBindAlsoAnswersIPLiterals() {
        let gate = RequestGate(basePath: "/", hosts: HostPolicy(allowsIPLiterals: true, extraName: "rapport.local"))
        func route(_ host: String) -> Route { gate.route(method: .get, authority: host, target: "/", exists: { $0 == "index.html" }) }
        #expect(route("192.168.1.10:8000") == .file("index.html"))
        #expect(route("[fe80::1]:8000") == .file("index.html"))
        #expect(route("rapport.local:8000") == .file("index.html"))
        #expect(route("evil.example") == .misdirected)
        #expect(HostPolicy.isLoopback("127.0.0.1") && HostPolicy.isLoopback("::1") && !HostPolicy.isLoopback("0.0.0.0"))
    }

    @Test func contentTypes() {
        let expected = ["a.html": "text/html; charset=utf-8", "a.css": "text/css; charset=utf-8", "a.js": "text/javascript; charset=utf-8",
                        "a.svg": "image/svg+xml", "a.csv": "text/csv; charset=utf-8", "a.json": "application/json",
                        "a.xml": "application/xml", "a.txt": "text/plain; charset=utf-8", "a.png": "image/png",
                        "a.JPG": "image/jpeg", "a.webp": "image/webp", "a.pdf": "application/pdf", "a.woff2": "font/woff2",
                        "a.wasm": "application/wasm", "a.exe": "application/octet-stream", "noext": "application/octet-stream",
                        "dir.d/noext": "application/octet-stream"]
        for (path, type) in expected {
            #expect(ContentTypes.forPath(path) == type, "\(path)")
        }
    }
}
