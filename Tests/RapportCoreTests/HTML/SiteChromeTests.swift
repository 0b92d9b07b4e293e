import Foundation
import Testing
@testable import RapportCore

/// The header and footer rendered once per build (`SiteChrome`) must give the pages that the same
/// markup written into every page gives.
@Suite struct SiteChromeTests {
    static let projectTemplates = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates")

    /// The project's templates, with `base.mustache` changed by `edit`.
    static func templates(in folder: URL, editingBase edit: (String) -> String = { $0 }) throws -> URL {
        let templates = folder.appendingPathComponent("Templates")
        try Fixtures.overlay(projectTemplates, onto: templates)
        let base = templates.appendingPathComponent("base.mustache")
        try Data(edit(String(decoding: try Data(contentsOf: base), as: UTF8.self)).utf8).write(to: base)
        return templates
    }

    static func render(templates: URL, in folder: URL) -> BuildResult {
        let options = Fixtures.options(content: Fixtures.url("golden/Content"), templates: templates,
                                       output: folder.appendingPathComponent("public"), basePath: "/evaluering/")
        return SiteBuilder(options: options).render()
    }

    @Test func pagesEqualTheMarkupWrittenInPlace() throws {
        let folder = Fixtures.temporaryFolder()
        defer { Fixtures.cleanUp(folder) }
        let cached = Self.render(templates: try Self.templates(in: folder.appendingPathComponent("a")), in: folder)
        let inPlace = Self.render(templates: try Self.templates(in: folder.appendingPathComponent("b")) { base in
            base.replacingOccurrences(of: "{{{sidehoved_html}}}", with: "{{>sidehoved}}")
                .replacingOccurrences(of: "{{{sidefod_html}}}", with: "{{>sidefod}}")
        }, in: folder)
        #expect(cached.errors.isEmpty && inPlace.errors.isEmpty, "\(cached.errors) \(inPlace.errors)")
        let pages = { (result: BuildResult) in
            Dictionary(result.files.filter { $0.path.hasSuffix(".html") }.map { ($0.path, Fixtures.text(of: $0)) }, uniquingKeysWith: { a, _ in a })
        }
        let expected = pages(inPlace), actual = pages(cached)
        #expect(expected.count > 10 && Set(actual.keys) == Set(expected.keys))
        for (path, html) in expected {
            #expect(actual[path] == html, "\(path)")
        }
        // The menu marks a different entry on the home page, the project overview and the 404 page (none).
        let current = ["index.html", "projekter/index.html", "404.html"].map { path in Self.currentMenuEntry(actual[path] ?? "") }
        #expect(Set(current).count == 3, "\(current)")
    }

    /// The text of the main-menu link marked `aria-current`, or "" when none is.
    static func currentMenuEntry(_ html: String) -> String {
        guard let menu = html.range(of: "class=\"hovedmenu\""), let end = html[menu.upperBound...].range(of: "</nav>"),
              let mark = html[menu.upperBound..<end.lowerBound].range(of: "aria-current=\"page\">") else { return "" }
        return String(html[mark.upperBound...].prefix { $0 != "<" })
    }

    @Test func aProblemInTheHeaderIsReportedOnceNamingItsFile() throws {
        let folder = Fixtures.temporaryFolder()
        defer { Fixtures.cleanUp(folder) }
        let templates = try Self.templates(in: folder)
        let header = templates.appendingPathComponent("sidehoved.mustache")
        try Data("<header>{{title}}</header>\n".utf8).write(to: header)
        let errors = Self.render(templates: templates, in: folder).errors.map(\.description)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix("Templates/sidehoved.mustache:1:9: error: key 'title' is not in the page context") == true, "\(errors)")
    }
}
