import Foundation
import PropertyBased
import Testing
@testable import RapportCore

extension Robustness {
    /// Front matter and site.yaml: random YAML-ish text, wrong types, broken fences, control
    /// characters, odd numbers and very long lines never crash the loader, and every problem is
    /// reported at a line of the file with a hint.
    @Suite struct FrontMatter {
        struct PageInput: CustomDebugStringConvertible {
            var path: String
            var text: String
            var debugDescription: String { "\(path): \(String(reflecting: text))" }
        }

        static let pages = Generator { rng -> PageInput in
            let path = rng.pick(Inputs.pagePaths)
            return PageInput(path: path, text: Inputs.frontMatterFile(for: path, &rng))
        }

        static func load(_ input: PageInput) -> (Page?, [Diagnostic]) {
            PageLoader.load(SourceFile(relativePath: input.path, displayPath: "Content/" + input.path, text: input.text))
        }

        @Test func pagesLoadOrExplainWhy() {
            PropertyRunner.check("front matter", seed: 0xF0F0_0001, count: 300, Self.pages) { input in
                var broken: [String] = []
                let (page, diagnostics) = PropertyRunner.timed(&broken) { Self.load(input) }
                broken += Invariants.actionable(diagnostics, roots: ["Content/" + input.path],
                                                lineCounts: ["Content/" + input.path: Invariants.lineCount(input.text)])
                if (page == nil) == diagnostics.isEmpty { broken.append("a page needs no diagnostics, a rejected one at least one") }
                if let page {
                    if page.metadata.title.isEmpty { broken.append("loaded a page without a title") }
                    if let chapter = page.chapter, chapter.number < 1 { broken.append("chapter nummer \(chapter.number) accepted") }
                    if let element = page.element, !PageLoader.elementGroups.contains(element.group) { broken.append("gruppe '\(element.group)' accepted") }
                    if page.bodyLineOffset > Invariants.lineCount(input.text) { broken.append("body starts after the end of the file") }
                }
                return broken
            }
        }

        /// Windows line endings mean the same as Unix ones: same page, same problems, same positions.
        @Test func crlfMeansTheSame() {
            PropertyRunner.check("front matter CRLF", seed: 0xF0F0_0002, count: 150, Self.pages.filter { !$0.text.contains("\r") }) { input in
                let unix = Self.load(input)
                let windows = Self.load(PageInput(path: input.path, text: input.text.replacingOccurrences(of: "\n", with: "\r\n")))
                var broken: [String] = []
                if unix.1.map(\.description) != windows.1.map(\.description) {
                    broken.append("diagnostics differ: \(unix.1.map(\.description)) vs \(windows.1.map(\.description))")
                }
                if unix.0?.metadata != windows.0?.metadata || unix.0?.details != windows.0?.details {
                    broken.append("metadata differ: \(String(describing: unix.0?.metadata)) vs \(String(describing: windows.0?.metadata))")
                }
                return broken
            }
        }

        static let siteYAML = Generator { rng -> String in
            var lines = ["titel: Rapport", "organisation: Org", "sprog: da", "base_url: https://x.example/",
                         "tilgaengelighedserklaering: tilgaengelighed.md"]
            lines += Inputs.yaml(&rng, keys: SiteConfigLoader.knownKeys + ["titl", "base-url"], lines: 0...5)
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if rng.chance(0.5) { lines.remove(at: rng.below(lines.count)) }
            lines.shuffle(using: &rng)
            let text = lines.joined(separator: "\n")
            return rng.chance(0.3) ? Inputs.mutate(text, &rng) : text
        }

        @Test func siteSettingsLoadOrExplainWhy() {
            PropertyRunner.check("site.yaml", seed: 0xF0F0_0003, count: 200, Self.siteYAML) { text in
                let file = SourceFile(relativePath: "site.yaml", displayPath: "Content/site.yaml", text: text)
                var broken: [String] = []
                let (config, diagnostics) = PropertyRunner.timed(&broken) { SiteConfigLoader.load(file, displayPath: "Content/site.yaml") }
                broken += Invariants.actionable(diagnostics, roots: ["Content/site.yaml"],
                                                lineCounts: ["Content/site.yaml": Invariants.lineCount(text)])
                if (config == nil) == diagnostics.isEmpty { broken.append("a config needs no diagnostics, a rejected one at least one") }
                if let config {
                    if !config.canonicalBase.hasSuffix("/") { broken.append("base_url without a final /") }
                    if config.title.isEmpty || config.organisation.isEmpty { broken.append("empty required text accepted") }
                }
                return broken
            }
        }
    }
}
