import Foundation
import PropertyBased
import Testing
@testable import RapportCore

extension Robustness {
    /// The whole pipeline on disk: the valid base site of the broken-input corpus plus one generated
    /// page, CSV and (sometimes) asset, through `SiteBuilder.render()`.
    @Suite struct Pipeline {
        struct SiteInput: CustomDebugStringConvertible {
            var pagePath: String
            var page: String
            var csv: String?
            var asset: (path: String, text: String)?

            /// Raw HTML pages may carry their own script: the safety checks skip them and the whole report.
            var allowsRawHTML: Bool { page.contains("raa_html") }

            var debugDescription: String {
                var parts = ["\(pagePath): \(String(reflecting: page))"]
                if let csv { parts.append("data/fuzz.csv: \(String(reflecting: csv))") }
                if let asset { parts.append("\(asset.path): \(String(reflecting: asset.text))") }
                return parts.joined(separator: "\n")
            }
        }

        static let pagePaths = ["kapitler/fuzz.md", "kapitler/fuzz.md", "kapitler/fuzz.md", "projekter/fuzz.md", "elementer/fuzz.md",
                                "fuzz.md", "soeg.md", "hele-rapporten.md", "figurer.md", "kapitler/_index.md", "index.md"]
        static let assetPaths = ["404.html", "robots.txt", "sitemap.xml", "assets/site.css", "billede.png", "figurer/fuzz.csv",
                                 "soeg/index.html", "kapitler/et/index.html", "kapitler/billede.png"]

        static let sites = Generator { rng -> SiteInput in
            let path = rng.pick(Self.pagePaths)
            let scale = Inputs.scale(&rng)
            var page: String
            if rng.chance(0.8) {
                page = (["---"] + Inputs.validFrontMatter(for: path, &rng) + ["---", ""]).joined(separator: "\n")
            } else {
                page = Inputs.frontMatterFile(for: path, &rng) + "\n"
            }
            if rng.chance(0.6) { page += "```figur\n" + Inputs.validFigureYAML(&rng, scale: scale) + "\n```\n\n" }
            if rng.chance(0.3) { page += rng.pick(["Se [@fig:fuzz].\n\n", "[Et](et.md#foerste-afsnit)\n\n", "[Et](../kapitler/et.md)\n\n"]) }
            switch rng.below(10) {
            case 0:
                // Many small blocks (20–60 KB: big enough that anything quadratic shows, small enough
                // that a debug build on a busy machine stays well inside the time limit).
                let block = rng.pick(["# a\n\n", "## Afsnit\n\n", "[x](#a)\n\n", "- a\n", "| a |\n|---|\n| b |\n\n", "Tekst[^1].\n\n[^1]: n\n\n",
                                      "```figur\nid: x\n```\n\n", "<b>x</b>\n\n", "[@fig:fuzz] "])
                page += String(repeating: block, count: rng.int((20_000 / block.utf8.count)...(60_000 / block.utf8.count)))
            default:
                page += Inputs.markdown(&rng)
            }
            if rng.chance(0.2) { page = Inputs.mutate(page, &rng) }
            let csv: String? = rng.chance(0.85) ? Inputs.csv(&rng, scale: scale) : nil
            let asset: (String, String)? = rng.chance(0.15) ? (rng.pick(Self.assetPaths), Inputs.text(&rng)) : nil
            return SiteInput(pagePath: path, page: page, csv: csv, asset: asset)
        }

        static let templates = Fixtures.url("templates")

        /// Writes the base site plus the input into a fresh folder; returns its content folder.
        static func compose(_ input: SiteInput?, in folder: URL) throws -> URL {
            let content = try BrokenInputTests.compose(nil, in: folder)
            if let input {
                try write(input.page, to: content.appendingPathComponent(input.pagePath))
                if let csv = input.csv { try write(csv, to: content.appendingPathComponent("data/fuzz.csv")) }
                if let asset = input.asset { try write(asset.text, to: content.appendingPathComponent(asset.path)) }
            }
            return content
        }

        static func render(_ input: SiteInput?, in folder: URL) throws -> BuildResult {
            let content = try compose(input, in: folder)
            let options = Fixtures.options(content: content, templates: templates, output: folder.appendingPathComponent("public"))
            return SiteBuilder(options: options).render()
        }

        static func write(_ text: String, to url: URL) throws {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        /// `<script` tags per output file of the base site: what the templates themselves put there.
        static func templateScripts() throws -> [String: Int] {
            let folder = Fixtures.temporaryFolder()
            defer { Fixtures.cleanUp(folder) }
            let result = try render(nil, in: folder)
            #expect(result.succeeded, "the base site must build: \(result.diagnostics)")
            return Dictionary(result.files.map { ($0.path, Invariants.scriptTags(in: Fixtures.text(of: $0))) }, uniquingKeysWith: max)
        }

        @Test func generatedSitesBuildOrExplainWhy() throws {
            let allowedScripts = try Self.templateScripts()
            let root = Fixtures.temporaryFolder()
            defer { Fixtures.cleanUp(root) }
            var caseNumber = 0
            try PropertyRunner.check("pipeline", seed: 0x5175_0001, count: 45, Self.sites) { input in
                caseNumber += 1
                let folder = root.appendingPathComponent("case-\(caseNumber)")
                defer { Fixtures.cleanUp(folder) }
                var broken: [String] = []
                let result = try PropertyRunner.timed(&broken) { try Self.render(input, in: folder) }
                broken += Invariants.actionable(result.diagnostics)
                if caseNumber % 5 == 0 {
                    // Parallel stages and dictionary order must not make the output depend on chance.
                    let again = try Self.render(input, in: folder.appendingPathComponent("again"))
                    if again.diagnostics.map(\.description) != result.diagnostics.map(\.description) { broken.append("two renders report differently") }
                    if Self.files(again) != Self.files(result) { broken.append("two renders of the same site differ") }
                }
                guard result.succeeded else { return broken }
                var seen: Set<String> = []
                for file in result.files where !seen.insert(file.path).inserted {
                    broken.append("two output files have the path '\(file.path)'")
                }
                let checked = input.allowsRawHTML ? Set(["hele-rapporten/index.html", PageAddress.sitePath(forContentPath: input.pagePath).map { $0 + "index.html" } ?? ""]) : []
                for file in result.files where file.path.hasSuffix(".html") && !checked.contains(file.path) {
                    let html = Fixtures.text(of: file)
                    if html.isEmpty { broken.append("\(file.path) is empty") }
                    if html.contains("\0") { broken.append("\(file.path) contains a NUL") }
                    let scripts = Invariants.scriptTags(in: html)
                    if scripts > allowedScripts[file.path, default: 0] { broken.append("\(file.path) has \(scripts) <script, the templates \(allowedScripts[file.path, default: 0])") }
                    broken += Invariants.dangerousURLs(in: html).map { "unsafe URL in \(file.path): \($0)" }
                }
                return broken
            }
        }

        /// An edit between two renders, as an author makes them while `rapport serve` runs.
        enum Edit: CustomDebugStringConvertible {
            case write(path: String, text: String)
            case delete(path: String)
            var debugDescription: String {
                switch self {
                case .write(let path, let text): "write \(path): \(String(reflecting: PropertyRunner.shorten(text, limit: 300)))"
                case .delete(let path): "delete \(path)"
                }
            }
        }

        static let editedSites = Generator { rng -> (SiteInput, [Edit]) in
            let site = Self.sites.run(using: &rng)
            let editable = [site.pagePath, "data/fuzz.csv", "kapitler/et.md", "index.md", "site.yaml", "data/ok.csv", "kapitler/ny.md"]
            let edits = (0..<rng.int(1...3)).map { _ -> Edit in
                let path = rng.pick(editable)
                switch rng.below(4) {
                case 0: return .delete(path: path)
                case 1: return .write(path: path, text: path.hasSuffix(".csv") ? Inputs.csv(&rng, scale: nil)
                                          : "---\ntitel: Ny\nnummer: \(rng.int(2...9))\n---\n" + Inputs.markdown(&rng, blocks: 1...3))
                default:
                    // Same size as before where possible: the cache must not trust size and time alone.
                    return .write(path: path, text: path == site.pagePath ? Inputs.mutate(site.page, &rng, times: 1...1) : "---\ntitel: Et\nnummer: 1\n---\n## Første afsnit\n\nTekst!\n")
                }
            }
            return (site, edits)
        }

        static func files(_ result: BuildResult) -> [String: String] {
            Dictionary(result.files.map { ($0.path, Fixtures.text(of: $0)) }, uniquingKeysWith: { a, _ in a })
        }

        /// The caches of `rapport serve` (`render(cache:)`) give what a fresh render gives, after any edits.
        @Test func incrementalRendersEqualFreshOnes() throws {
            let root = Fixtures.temporaryFolder()
            defer { Fixtures.cleanUp(root) }
            var caseNumber = 0
            try PropertyRunner.check("incremental render", seed: 0x5175_0002, count: 20, Self.editedSites,
                                     describe: { "\(String(reflecting: $0.0))\nthen: \($0.1.map(\.debugDescription))" }) { site, edits in
                caseNumber += 1
                let folder = root.appendingPathComponent("case-\(caseNumber)")
                defer { Fixtures.cleanUp(folder) }
                let content = try Self.compose(site, in: folder)
                let builder = SiteBuilder(options: Fixtures.options(content: content, templates: Self.templates,
                                                                    output: folder.appendingPathComponent("public")))
                var cache = DraftCache()
                var broken: [String] = []
                _ = PropertyRunner.timed(&broken) { builder.render(cache: &cache) }
                for edit in edits {
                    switch edit {
                    case .write(let path, let text): try Self.write(text, to: content.appendingPathComponent(path))
                    case .delete(let path): try? FileManager.default.removeItem(at: content.appendingPathComponent(path))
                    }
                }
                let incremental = PropertyRunner.timed(&broken) { builder.render(cache: &cache) }
                let fresh = builder.render()
                let (seen, expected) = (incremental.diagnostics.map(\.description), fresh.diagnostics.map(\.description))
                if seen != expected {
                    broken.append("diagnostics differ: only incremental \(seen.filter { !expected.contains($0) }), only fresh \(expected.filter { !seen.contains($0) })")
                }
                let (a, b) = (Self.files(incremental), Self.files(fresh))
                if a != b {
                    let differing = Set(a.keys).symmetricDifference(b.keys).union(a.keys.filter { b[$0] != nil && a[$0] != b[$0] })
                    broken.append("files differ: \(differing.sorted().prefix(5))")
                }
                return broken
            }
        }
    }
}
