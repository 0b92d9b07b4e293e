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

    /// Every link is classified twice (rewritten in the Markdown stage, checked in the page
    /// stage), so this works on UTF-8: `/`, `#`, `?` and `%` are ASCII, and paths are split at the
    /// byte `/` as URLs are. Through `Character`s and Foundation's percent decoding it was 3 % of a
    /// 1,000-page build.
    public static func classify(_ destination: String, fromContentPath page: String) -> LinkTarget {
        if destination.hasPrefix("#") { return .anchor(percentDecoded(destination.dropFirst()) ?? "") }
        if destination.hasPrefix("//") || hasScheme(destination) { return .external }
        if destination.hasPrefix("/") { return .absolutePath }
        var pathPart = Substring(destination)
        var anchor: String?
        if let hash = pathPart.utf8.firstIndex(of: UInt8(ascii: "#")) {
            anchor = percentDecoded(pathPart[pathPart.utf8.index(after: hash)...])
            pathPart = pathPart[..<hash]
        }
        if let query = pathPart.utf8.firstIndex(of: UInt8(ascii: "?")) { pathPart = pathPart[..<query] }
        let decoded = percentDecoded(pathPart) ?? String(pathPart)
        if decoded.isEmpty { return .anchor(anchor ?? "") }
        var components = page.utf8.split(separator: UInt8(ascii: "/")).dropLast().map { String(Substring($0)) }
        for component in decoded.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            switch Substring(component) {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return .outsideContent }
                components.removeLast()
            default: components.append(String(Substring(component)))
            }
        }
        let resolved = components.joined(separator: "/")
        if resolved.hasSuffix(".md") { return .page(contentPath: resolved, anchor: anchor) }
        return .asset(contentPath: resolved)
    }

    /// `removingPercentEncoding`, which is the text itself when it holds no `%` (nil when a `%`
    /// does not start a valid escape).
    static func percentDecoded(_ text: Substring) -> String? {
        text.utf8.contains(UInt8(ascii: "%")) ? text.removingPercentEncoding : String(text)
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
