import Foundation
import PropertyBased
import Testing
@testable import RapportCore

extension Robustness {
    /// Markdown bodies: random mixes of `*_[]()!<>|~\`#>-`, links to unsafe, escaping and
    /// percent-encoded destinations, raw HTML, figures, tables and every kind of Unicode.
    @Suite struct Markdown {
        static let path = "Content/kapitler/fuzz.md"

        static let bodies = Generator { rng -> String in
            switch rng.below(4) {
            case 0: Inputs.mutate(Inputs.markdown(&rng), &rng)
            default: Inputs.markdown(&rng)
            }
        }

        static func render(_ markdown: String, rawHTML: Bool = false) -> MarkdownResult {
            let file = SourceFile(relativePath: "kapitler/fuzz.md", displayPath: path, text: markdown)
            let resolver = LinkResolver(basePath: "/")
            let options = MarkdownOptions(allowRawHTML: rawHTML, lineOffset: 4,
                                          rewriteLink: { resolver.rewrite($0, fromContentPath: "kapitler/fuzz.md") })
            return MarkdownRenderer().render(markdown, file: file, options: options)
        }

        @Test func rendersSafelyOrExplainsWhy() {
            PropertyRunner.check("markdown", seed: 0x3D3D_0001, count: 250, Self.bodies) { markdown in
                var broken: [String] = []
                let result = PropertyRunner.timed(&broken) { Self.render(markdown) }
                broken += Invariants.actionable(result.diagnostics, roots: [Self.path],
                                                   lineCounts: [Self.path: Invariants.lineCount(markdown) + 4])
                if Invariants.scriptTags(in: result.html) > 0 { broken.append("raw <script survived: \(PropertyRunner.shorten(result.html, limit: 300))") }
                broken += Invariants.dangerousURLs(in: result.html).map { "unsafe URL in the HTML: \($0)" }
                let ids = result.headings.map(\.id)
                if Set(ids).count != ids.count { broken.append("repeated heading ids \(ids)") }
                if let bad = ids.first(where: { $0.isEmpty || !$0.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" } }) {
                    broken.append("heading id '\(bad)'")
                }
                for link in result.links where URLSafety.isDangerous(link.destination) {
                    if !result.diagnostics.contains(where: { $0.message.contains("unsafe link") }) { broken.append("unsafe link '\(link.destination)' not reported") }
                }
                return broken
            }
        }

        /// With `raa_html: true` authors' HTML passes, but Markdown links are still checked.
        @Test func rawHTMLPagesStillCheckMarkdownLinks() {
            PropertyRunner.check("markdown raa_html", seed: 0x3D3D_0002, count: 100, Self.bodies) { markdown in
                var broken: [String] = []
                let result = PropertyRunner.timed(&broken) { Self.render(markdown, rawHTML: true) }
                broken += Invariants.actionable(result.diagnostics, roots: [Self.path])
                for link in result.links where URLSafety.isDangerous(link.destination) {
                    if !result.diagnostics.contains(where: { $0.message.contains("unsafe link") }) { broken.append("unsafe link '\(link.destination)' not reported") }
                }
                return broken
            }
        }
    }
}
