import Foundation
import Hummingbird

/// What the preview server does with one request. Decided from the request line and Host header
/// alone plus a look-up in the current snapshot, so every refusal can be tested without a socket.
enum Route: Equatable, Sendable {
    /// 421: the Host header names something other than this machine (DNS rebinding).
    case misdirected
    /// 405 with `Allow: GET, HEAD`.
    case methodNotAllowed
    /// 301 to this path (always starting with exactly one `/`, so never to another host).
    case redirect(String)
    /// 200 with this snapshot file.
    case file(String)
    /// 404 with the site's own 404 page.
    case notFound
    /// The server's own endpoints below `/__rapport/`.
    case events, status, script
}

/// Turns a request into a `Route`, refusing everything a static preview has no business answering.
///
/// The server only ever serves files out of an in-memory snapshot, so a path that escapes the
/// site cannot reach the disk anyway; the checks here still refuse suspicious paths outright
/// (instead of "not found after normalising"), so no later change can turn them into a lookup.
struct RequestGate: Sendable {
    static let reservedPrefix = "/__rapport/"
    static let eventsPath = "/__rapport/events"
    static let statusPath = "/__rapport/status"
    static let scriptPath = "/__rapport/live.js"

    /// `/` or `/evaluering/`: the site lives below this prefix.
    let basePath: String
    /// Whether Host may be any IP literal as well as a loopback name: true when the server was
    /// deliberately bound to a non-loopback address (see `HostPolicy`).
    let hosts: HostPolicy

    func route(method: HTTPRequest.Method, authority: String?, target: String, exists: (String) -> Bool) -> Route {
        guard let authority, hosts.allows(authority) else { return .misdirected }
        guard method == .get || method == .head else { return .methodNotAllowed }
        let (path, query) = Self.split(target)
        switch path {
        case Self.eventsPath: return .events
        case Self.statusPath: return .status
        case Self.scriptPath: return .script
        default: break
        }
        guard let decoded = Self.decodedPath(path), !path.hasPrefix(Self.reservedPrefix) else { return .notFound }
        if decoded + "/" == basePath {
            return .redirect(path + "/" + query)
        }
        guard decoded.hasPrefix(basePath) else { return .notFound }
        let relative = String(decoded.dropFirst(basePath.count))
        if relative.isEmpty || relative.hasSuffix("/") {
            return exists(relative + "index.html") ? .file(relative + "index.html") : .notFound
        }
        if exists(relative) { return .file(relative) }
        // `/projekter/vejle` → `/projekter/vejle/`, so relative links on the page resolve as on the real host.
        if exists(relative + "/index.html") { return .redirect(path + "/" + query) }
        return .notFound
    }

    /// The path and the query (with its `?`, or empty); a fragment never reaches a server but is dropped too.
    static func split(_ target: String) -> (path: String, query: String) {
        var rest = Substring(target)
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        guard let mark = rest.firstIndex(of: "?") else { return (String(rest), "") }
        return (String(rest[..<mark]), String(rest[mark...]))
    }

    /// The percent-decoded path, or nil when it must not be served at all: not starting with a
    /// single `/` (absolute-form or `//host`), empty segments, backslashes, NUL, malformed escapes,
    /// a segment that decodes to something containing `/` or `\` (`%2f`, `%5c`), and any segment
    /// starting with `.` after decoding: `.`, `..`, `%2e%2e`, dotfiles and dot-folders.
    static func decodedPath(_ path: String) -> String? {
        guard path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return nil }
        let segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        var decoded: [String] = []
        for (index, segment) in segments.enumerated() {
            if segment.isEmpty {
                // Only the last segment may be empty: the trailing slash of a folder.
                guard index == segments.count - 1 else { return nil }
                decoded.append("")
                continue
            }
            guard let text = String(segment).removingPercentEncoding, !text.isEmpty, !text.hasPrefix("."),
                  !text.contains("/"), !text.contains("\\"), !text.contains("\0") else { return nil }
            decoded.append(text)
        }
        return "/" + decoded.joined(separator: "/")
    }
}

/// Which Host headers the server answers.
///
/// A web page on any site can make the browser send requests to 127.0.0.1 under a host name of
/// the attacker's that resolves to it (DNS rebinding); such requests carry that name in Host, so
/// answering only loopback names (and, when the user chose to bind elsewhere, IP literals, which
/// rebinding cannot produce) closes that door.
struct HostPolicy: Sendable {
    static let loopbackNames: Set<String> = ["localhost", "127.0.0.1", "[::1]"]

    /// Also answer IP literals and `extraName` (when bound to a non-loopback address on purpose).
    var allowsIPLiterals = false
    var extraName: String?

    func allows(_ authority: String) -> Bool {
        guard let host = Self.hostPart(of: authority) else { return false }
        if Self.loopbackNames.contains(host) || host == extraName { return true }
        return allowsIPLiterals && Self.isIPLiteral(host)
    }

    /// The lowercased host of `host[:port]`, or nil when the port is not a number.
    static func hostPart(of authority: String) -> String? {
        let lowered = authority.lowercased()
        let host: Substring
        let rest: Substring
        if lowered.hasPrefix("[") {
            guard let close = lowered.firstIndex(of: "]") else { return nil }
            host = lowered[...close]
            rest = lowered[lowered.index(after: close)...]
        } else if let colon = lowered.firstIndex(of: ":") {
            host = lowered[..<colon]
            rest = lowered[colon...]
        } else {
            host = lowered[...]
            rest = ""
        }
        if !rest.isEmpty {
            let port = rest.dropFirst()
            guard rest.first == ":", !port.isEmpty, port.count <= 5, port.allSatisfy(\.isASCIIDigit) else { return nil }
        }
        return host.isEmpty ? nil : String(host)
    }

    static func isIPLiteral(_ host: String) -> Bool {
        if host.hasPrefix("[") && host.hasSuffix("]") {
            return host.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCIIDigit) }
    }

    /// Whether `host` (as given to `--host`) only listens on this machine.
    static func isLoopback(_ host: String) -> Bool {
        let lowered = host.lowercased()
        return lowered == "localhost" || lowered == "::1" || lowered == "[::1]" || lowered.hasPrefix("127.")
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
