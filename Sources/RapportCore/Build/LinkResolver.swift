import Foundation

/// What a link destination in Markdown points at, decided from the text alone.
public enum LinkTarget: Sendable, Hashable {
    /// `https://…`, `mailto:…`: left as written.
    case external
    /// Another page, by its Markdown file: `../projekter/vejle.md#hovedresultat`.
    case page(contentPath: String, anchor: String?)
    /// A heading or figure on the same page: `#hovedresultat`.
    case anchor(String)
    /// A file in Content/ that is copied to the site (image, PDF, CSV).
    case asset(contentPath: String)
    /// A site-absolute path such as `/projekter/`; breaks under a sub-path, so it is an error.
    case absolutePath
    /// `../../..` past the content folder.
    case outsideContent
}

/// Resolves and rewrites link destinations relative to the page that contains them.
public struct LinkResolver: Sendable {
    /// Path prefix of every site URL, starting and ending with `/` (`/` or `/evaluering/`).
    public let basePath: String

    public init(basePath: String) {
        self.basePath = basePath
    }

    public static func classify(_ destination: String, fromContentPath page: String) -> LinkTarget {
        if destination.hasPrefix("#") { return .anchor(String(destination.dropFirst()).removingPercentEncoding ?? "") }
        if destination.hasPrefix("//") || hasScheme(destination) { return .external }
        if destination.hasPrefix("/") { return .absolutePath }
        var pathPart = Substring(destination)
        var anchor: String?
        if let hash = pathPart.firstIndex(of: "#") {
            anchor = String(pathPart[pathPart.index(after: hash)...]).removingPercentEncoding
            pathPart = pathPart[..<hash]
        }
        if let query = pathPart.firstIndex(of: "?") { pathPart = pathPart[..<query] }
        let decoded = String(pathPart).removingPercentEncoding ?? String(pathPart)
        if decoded.isEmpty { return .anchor(anchor ?? "") }
        var components = page.split(separator: "/").dropLast().map(String.init)
        for component in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return .outsideContent }
                components.removeLast()
            default: components.append(String(component))
            }
        }
        let resolved = components.joined(separator: "/")
        if resolved.hasSuffix(".md") { return .page(contentPath: resolved, anchor: anchor) }
        return .asset(contentPath: resolved)
    }

    /// `scheme:` as RFC 3986 defines it: a letter, then letters, digits, `+`, `-` or `.`, then `:`.
    static func hasScheme(_ destination: String) -> Bool {
        for (offset, byte) in destination.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: ":"): return offset > 0
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if offset == 0 { return false }
            default: return false
            }
        }
        return false
    }

    /// The href to emit for a destination written on `page`.
    public func rewrite(_ destination: String, fromContentPath page: String) -> String {
        switch Self.classify(destination, fromContentPath: page) {
        case .page(let contentPath, let anchor):
            guard let sitePath = PageAddress.sitePath(forContentPath: contentPath) else { return destination }
            return url(sitePath) + (anchor.map { "#\(Self.encodeFragment($0))" } ?? "")
        case .asset(let contentPath):
            return url(contentPath.split(separator: "/").map { Self.encodePathComponent(String($0)) }.joined(separator: "/"))
        case .external, .anchor, .absolutePath, .outsideContent:
            return destination
        }
    }

    /// The URL of a site path (`projekter/vejle/`) under the base path.
    public func url(_ sitePath: String) -> String {
        basePath + sitePath
    }

    static func encodePathComponent(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? text
    }

    static func encodeFragment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? text
    }

    /// Normalises a `--base-url` value to start and end with `/`.
    public static func normaliseBasePath(_ raw: String) -> String {
        var path = raw
        if let url = URL(string: raw), url.scheme != nil { path = url.path }
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }
}
