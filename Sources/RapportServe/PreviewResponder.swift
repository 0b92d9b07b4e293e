import Foundation
import Hummingbird
import ServiceLifecycle

/// Answers every request of the preview server: site files from the current snapshot, the
/// live-reload script, the status JSON and the event stream. No router: the gate decides.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let site: LiveSite
    let gate: RequestGate

    func respond(to request: Request, context: Context) async throws -> Response {
        let snapshot = await site.snapshot
        let route = gate.route(method: request.method, authority: request.head.authority, target: request.head.path ?? "",
                               exists: { snapshot.files[$0] != nil })
        var response: Response
        switch route {
        case .misdirected:
            response = Self.plain(.misdirectedRequest, "421 Misdirected Request: this preview only answers to localhost.\n")
        case .methodNotAllowed:
            response = Self.plain(.methodNotAllowed, "405 Method Not Allowed\n")
            response.headers[.allow] = "GET, HEAD"
        case .redirect(let location):
            response = Self.plain(.movedPermanently, "")
            response.headers[.location] = location
        case .file(let path):
            response = Self.serve(snapshot.files[path]!, status: .ok)
        case .notFound:
            response = notFound(snapshot)
        case .script:
            response = Self.serve(ServedFile(body: ByteBuffer(string: LiveReloadScript.source), contentType: ContentTypes.forPath("live.js")),
                                  status: .ok)
        case .status:
            let body = JSONText.encode(await site.status)
            response = Self.serve(ServedFile(body: ByteBuffer(string: body), contentType: ContentTypes.forPath("status.json")), status: .ok)
        case .events:
            response = request.method == .head ? Self.eventStreamHead() : await events()
        }
        return request.method == .head ? response.createHeadResponse() : response
    }

    /// The site's own 404 page; before the first good build, a stand-in that carries the
    /// live-reload script, so the browser shows the errors and reloads once the site builds.
    private func notFound(_ snapshot: SiteSnapshot) -> Response {
        if let page = snapshot.files["404.html"] { return Self.serve(page, status: .notFound) }
        if snapshot.files.isEmpty {
            let page = LiveReloadInjector(basePath: gate.basePath).inject(into: Self.notBuiltPage, path: "404.html")
            return Self.serve(ServedFile(body: ByteBuffer(string: page), contentType: ContentTypes.forPath("x.html")),
                              status: .serviceUnavailable)
        }
        return Self.plain(.notFound, "404 Not Found\n")
    }

    /// A Server-Sent Events stream of rebuild events. It is subscribed before the response is
    /// returned, so no event between now and the browser reading the stream is lost; a comment
    /// is written first so the response head goes out at once. It ends when the browser goes
    /// away, the task is cancelled, or the server shuts down gracefully (Ctrl-C), which would
    /// otherwise wait for the never-ending response.
    private func events() async -> Response {
        let stream = await site.subscribe()
        var headers = Self.commonHeaders(contentType: "text/event-stream; charset=utf-8")
        headers[.connection] = "keep-alive"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 500\n: rapport live reload\n\n"))
            for await event in stream.cancelOnGracefulShutdown() {
                try await writer.write(ByteBuffer(string: event.wireFormat))
            }
            try await writer.finish(nil)
        })
    }

    private static func eventStreamHead() -> Response {
        Response(status: .ok, headers: commonHeaders(contentType: "text/event-stream; charset=utf-8"))
    }

    private static func serve(_ file: ServedFile, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: commonHeaders(contentType: file.contentType), body: ResponseBody(byteBuffer: file.body))
    }

    private static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        serve(ServedFile(body: ByteBuffer(string: text), contentType: ContentTypes.forPath("x.txt")), status: status)
    }

    /// On every response: the type is never to be guessed, and nothing is cached, because the
    /// next save changes it. Deliberately no CORS headers: other origins get nothing readable.
    private static func commonHeaders(contentType: String) -> HTTPFields {
        [.contentType: contentType, .xContentTypeOptions: "nosniff", .cacheControl: "no-store"]
    }

    private static let notBuiltPage = """
    <!doctype html>
    <html lang="da">
    <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Byggefejl</title></head>
    <body>
    <main><h1>Webstedet kunne ikke bygges</h1>
    <p>Ret fejlene, der står i terminalen, og gem filen. Siden opdateres af sig selv.</p></main>
    </body>
    </html>
    """
}
