import Foundation
import Testing
@testable import RapportCore

@Suite struct LinkResolverTests {
    @Test(arguments: [
        ("https://example.dk", "kapitler/a.md", LinkTarget.external),
        ("mailto:a@example.dk", "kapitler/a.md", .external),
        ("//cdn.example.dk/x.js", "kapitler/a.md", .external),
        ("#afsnit", "kapitler/a.md", .anchor("afsnit")),
        ("../projekter/vejle.md#hoved", "kapitler/a.md", .page(contentPath: "projekter/vejle.md", anchor: "hoved")),
        ("b.md", "kapitler/a.md", .page(contentPath: "kapitler/b.md", anchor: nil)),
        ("./b.md?x=1", "kapitler/a.md", .page(contentPath: "kapitler/b.md", anchor: nil)),
        ("../index.md", "kapitler/a.md", .page(contentPath: "index.md", anchor: nil)),
        ("../data/tal%20og%20fakta.csv", "kapitler/a.md", .asset(contentPath: "data/tal og fakta.csv")),
        ("/kapitler/", "kapitler/a.md", .absolutePath),
        ("../../x.md", "kapitler/a.md", .outsideContent),
        ("1:2.md", "index.md", .page(contentPath: "1:2.md", anchor: nil)),
    ])
    func classify(_ destination: String, _ page: String, _ expected: LinkTarget) {
        #expect(LinkResolver.classify(destination, fromContentPath: page) == expected)
    }

    /// `classify` as first written, through `Character`s and Foundation's percent decoding.
    static func plainClassify(_ destination: String, fromContentPath page: String) -> LinkTarget {
        if destination.hasPrefix("#") { return .anchor(String(destination.dropFirst()).removingPercentEncoding ?? "") }
        if destination.hasPrefix("//") || LinkResolver.hasScheme(destination) { return .external }
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
        return resolved.hasSuffix(".md") ? .page(contentPath: resolved, anchor: anchor) : .asset(contentPath: resolved)
    }

    /// Destinations built from the pieces that matter (separators, dots, escapes valid and not,
    /// Danish letters), from pages at several depths.
    @Test func classifiesLikeTheCharacterWalk() {
        let pieces = ["/", "..", ".", "#", "?", "%20", "%C3%A6", "%zz", "%", "side", "æø", ".md", "a", "x=1", "//", "https:"]
        let pages = ["index.md", "kapitler/a.md", "projekter/vejle/b.md"]
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<5000 {
            let destination = (0..<Int.random(in: 1...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let page = pages.randomElement(using: &generator)!
            #expect(LinkResolver.classify(destination, fromContentPath: page) == Self.plainClassify(destination, fromContentPath: page),
                    "\(destination) from \(page)")
        }
    }

    @Test func rewritesPagesAndAssetsUnderTheBasePath() {
        let resolver = LinkResolver(basePath: "/evaluering/")
        #expect(resolver.rewrite("../projekter/vejle.md#hovedresultat", fromContentPath: "kapitler/a.md") == "/evaluering/projekter/vejle/#hovedresultat")
        #expect(resolver.rewrite("../index.md", fromContentPath: "kapitler/a.md") == "/evaluering/")
        #expect(resolver.rewrite("_index.md", fromContentPath: "projekter/vejle.md") == "/evaluering/projekter/")
        #expect(resolver.rewrite("../data/tal og fakta.csv", fromContentPath: "kapitler/a.md") == "/evaluering/data/tal%20og%20fakta.csv")
        #expect(resolver.rewrite("https://example.dk/a.md", fromContentPath: "kapitler/a.md") == "https://example.dk/a.md")
        #expect(resolver.rewrite("#x", fromContentPath: "kapitler/a.md") == "#x")
    }

    @Test(arguments: [("/", "/"), ("", "/"), ("evaluering", "/evaluering/"), ("/evaluering", "/evaluering/"),
                      ("https://example.dk/a/b/", "/a/b/")])
    func basePathIsNormalised(_ raw: String, _ expected: String) {
        #expect(LinkResolver.normaliseBasePath(raw) == expected)
    }

    @Test(arguments: [("javascript:alert(1)", true), ("JAVASCRIPT:x", true), (" java\tscript:x", true), ("data:text/html,x", true),
                      ("vbscript:x", true), ("file:///etc/passwd", true), ("https://x.dk", false), ("side.md", false), ("#a:b", false)])
    func dangerousSchemes(_ destination: String, _ dangerous: Bool) {
        #expect(URLSafety.isDangerous(destination) == dangerous)
    }
}
