/// The `Content-Type` of a site file, decided by its extension alone.
///
/// Browsers are told never to guess (`X-Content-Type-Options: nosniff` on every response), so a
/// wrong type here would break a file rather than be worked around: anything unknown is served as
/// `application/octet-stream`, which a browser downloads instead of running.
enum ContentTypes {
    static let fallback = "application/octet-stream"

    static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "svg": "image/svg+xml",
        "csv": "text/csv; charset=utf-8",
        "json": "application/json",
        "xml": "application/xml",
        "txt": "text/plain; charset=utf-8",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "webp": "image/webp",
        "gif": "image/gif",
        "pdf": "application/pdf",
        "woff2": "font/woff2",
        "wasm": "application/wasm",
    ]

    static func forPath(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return fallback }
        return byExtension[path[path.index(after: dot)...].lowercased()] ?? fallback
    }
}
