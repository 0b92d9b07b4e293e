import Foundation
import RapportCore
@testable import RapportServe

/// A small site in its own temporary folder: site.yaml, a front page, the accessibility
/// statement, one chapter with a figure and its CSV, and the repository's templates.
struct Fixture: Sendable {
    let root: URL

    var content: URL { root.appendingPathComponent("Content") }
    var templates: URL { root.appendingPathComponent("Templates") }
    var output: URL { root.appendingPathComponent("public") }

    static let chapter = """
        ---
        titel: Indledning
        nummer: 1
        ---

        ## Baggrund

        Første version af kapitlet.

        ```figur
        id: samarbejde
        type: likert
        titel: Personalets vurdering af samarbejdet
        data: data/samarbejde.csv
        kilde: Testdata
        ```

        """

    static let csv = """
        spørgsmål,Slet ikke,I mindre grad,I nogen grad,I høj grad,I meget høj grad,Ved ikke
        Indsatsen har styrket samarbejdet,2,2,19,32,9,0

        """

    static func make() throws -> Fixture {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-serve-\(UUID().uuidString)")
        let fixture = Fixture(root: root)
        try FileManager.default.createDirectory(at: fixture.content, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Templates"), to: fixture.templates)
        try fixture.write("site.yaml", """
            titel: Testrapport
            organisation: Testministeriet
            sprog: da
            base_url: https://test.example.dk/
            tilgaengelighedserklaering: tilgaengelighed.md

            """)
        try fixture.write("index.md", """
            ---
            titel: Forside
            ---

            Velkommen. Læs [indledningen](kapitler/indledning.md).

            """)
        try fixture.write("tilgaengelighed.md", """
            ---
            titel: Tilgængelighedserklæring
            ---

            Webstedet er delvist tilgængeligt.

            """)
        try fixture.write("kapitler/indledning.md", chapter)
        try fixture.write("data/samarbejde.csv", csv)
        return fixture
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    var buildOptions: BuildOptions {
        BuildOptions(contentDirectory: content, contentDisplay: "Content", templatesDirectory: templates,
                     templatesDisplay: "Templates", outputDirectory: output)
    }

    /// Writes in place (truncate, write, close), as most editors save.
    func write(_ relative: String, _ text: String, in folder: URL? = nil) throws {
        let url = (folder ?? content).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ relative: String, in folder: URL? = nil) throws -> String {
        try String(contentsOf: (folder ?? content).appendingPathComponent(relative), encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// A running preview server on an ephemeral port, for one test.
struct Preview: Sendable {
    let port: Int
    let server: PreviewServer
    private let task: Task<Void, any Error>

    /// Starts the server and returns once it accepts connections.
    static func start(_ fixture: Fixture, basePath: String = "/", watchMode: FileWatcher.Mode = .automatic) async throws -> Preview {
        var build = fixture.buildOptions
        build.basePath = LinkResolver.normaliseBasePath(basePath)
        var options = ServeOptions(build: build)
        options.port = 0
        options.handlesSignals = false
        options.watchMode = watchMode
        let server = PreviewServer(options: options, terminal: Terminal(quiet: true))
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let task = Task {
            defer { continuation.finish() }
            try await server.run { url in continuation.yield(url.port ?? 0) }
        }
        for await port in ports { return Preview(port: port, server: server, task: task) }
        try await task.value
        throw RawHTTP.Failure(description: "server stopped before it was ready")
    }

    func get(_ target: String, method: String = "GET", host: String? = "localhost") async throws -> RawResponse {
        try await RawHTTP.request(port: port, method: method, target: target, host: host)
    }

    func events() async throws -> EventStreamClient {
        try await EventStreamClient.connect(port: port)
    }

    /// Stops the server as Ctrl-C does and waits until it has, watcher and writes included.
    func stop() async {
        await server.shutdown()
        _ = try? await task.value
    }
}

/// Runs `body` against a fresh fixture and server, always stopping and cleaning up.
func withPreview<T: Sendable>(basePath: String = "/", watchMode: FileWatcher.Mode = .automatic,
                              _ body: (Fixture, Preview) async throws -> T) async throws -> T {
    let fixture = try Fixture.make()
    defer { fixture.remove() }
    let preview = try await Preview.start(fixture, basePath: basePath, watchMode: watchMode)
    do {
        let value = try await body(fixture, preview)
        await preview.stop()
        return value
    } catch {
        await preview.stop()
        throw error
    }
}
