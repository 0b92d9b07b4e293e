/// "Hele rapporten": every chapter and project on one page, for reading in full and printing to PDF.
///
/// Each page becomes a section whose headings move one level down. Heading and footnote ids are
/// prefixed with the page's slug so they stay unique (figure and table ids already are), links
/// between included pages become in-page links, and figures and tables are numbered once through
/// the whole report (Figur 1…N), so the numbers don't depend on how the web pages are split.
struct WholeReport {
    static let path = "hele-rapporten/"
    static let title = "Hele rapporten"
    static let template = "hele-rapporten"

    let drafts: [PageDraft]
    let site: SiteContext
    let tablesVisible: Bool

    struct Entry { var id: String; var label: String; var title: String }

    func render(templates: TemplateSet, pages: [Page]) -> Result<OutputFile, Diagnostic> {
        let included = drafts.indices.filter { [.chapter, .project].contains(drafts[$0].page.kind) }
        let resolver = site.resolver
        let sectionIDs = Dictionary(uniqueKeysWithValues: included.map { (drafts[$0].page.path, Self.sectionID(drafts[$0].page)) })

        // Whole-report numbers for every figure and table, in reading order.
        var figureLabels: [String: String] = [:], tableLabels: [String: String] = [:]
        var figures: [Entry] = [], tables: [Entry] = []
        for position in included {
            for figure in drafts[position].figures.compactMap({ $0 }) {
                let label = "Figur \(figures.count + 1)"
                figureLabels[figure.spec.id] = label
                figures.append(Entry(id: "fig-\(figure.spec.id)", label: label, title: figure.spec.title))
            }
            for table in drafts[position].markdown.tables {
                let label = "Tabel \(tables.count + 1)"
                tableLabels[table.id] = label
                tables.append(Entry(id: "tab-\(table.id)", label: label, title: table.title))
            }
        }

        var body = ""
        var sections: [[String: Any]] = []
        for position in included {
            let draft = drafts[position]
            let page = draft.page
            let prefix = Self.sectionID(page)
            let html = Placeholder.fill(draft.markdown.html) { kind, number in
                switch kind {
                case .figure:
                    guard number < draft.figures.count, let figure = draft.figures[number] else { return "" }
                    let context = FigureRenderContext(label: figureLabels[figure.spec.id] ?? "Figur",
                                                      exampleData: figure.spec.exampleData ?? page.metadata.exampleData,
                                                      csvHref: resolver.url("figurer/\(figure.spec.id).csv"), tablesVisible: tablesVisible)
                    return FigureRenderer.html(spec: figure.spec, data: figure.data, context: context)
                case .crossReference:
                    guard number < draft.markdown.crossReferences.count else { return nil }
                    let reference = draft.markdown.crossReferences[number]
                    let label = reference.kind == .figure ? figureLabels[reference.id] : tableLabels[reference.id]
                    // Unknown ids were reported for the page itself; here they are simply left out.
                    guard let label else { return "" }
                    return "<a class=\"krydshenvisning\" href=\"#\(reference.kind.rawValue)-\(HTMLEscaping.escape(reference.id))\">\(label)</a>"
                case .tableLabel:
                    guard number < draft.markdown.tables.count else { return nil }
                    return tableLabels[draft.markdown.tables[number].id].map(HTMLEscaping.escape)
                }
            }
            // Written out rather than `page.chapter.map { … page … }`: Swift 6.3's optimiser crashes
            // ("Found ownership error") on a closure that captures the value it is mapping from.
            var heading = page.metadata.title
            if let chapter = page.chapter { heading = "Kapitel \(chapter.number): \(heading)" }
            sections.append(["id": prefix, "title": heading, "is_project": page.kind == .project])
            body += "<section class=\"rapportafsnit\" id=\"\(prefix)\" aria-labelledby=\"\(prefix)-titel\">\n"
            body += "<h2 id=\"\(prefix)-titel\">\(HTMLEscaping.escape(heading))</h2>\n"
            if page.metadata.exampleData {
                body += "<p class=\"banner banner-eksempeldata\"><strong>Eksempeldata.</strong> Tallene i dette afsnit er eksempler.</p>\n"
            }
            body += Self.localise(html, prefix: prefix, headingIDs: draft.markdown.headings.map(\.id),
                                  sectionIDs: sectionIDs, basePath: resolver.basePath)
            body += "</section>\n"
        }

        let source = SourceFile(relativePath: "hele-rapporten.md", displayPath: "hele-rapporten", text: "")
        let page = Page(kind: .standalone, source: source, path: Self.path, metadata: PageMetadata(title: Self.title),
                        details: .none, body: "", bodyLineOffset: 0)
        var context = PageContext.make(page: page, index: -1, pages: pages, html: body, headings: [], site: site)
        context["searchable"] = false  // everything on it is indexed on its own page already
        context["report_sections"] = sections
        context["report_figures"] = figures.map { ["id": $0.id, "label": $0.label, "title": $0.title] }
        context["report_tables"] = tables.map { ["id": $0.id, "label": $0.label, "title": $0.title] }
        context["has_report_figures"] = !figures.isEmpty
        context["has_report_tables"] = !tables.isEmpty
        return templates.render(Self.template, context: context).map { OutputFile(path: Self.path + "index.html", text: $0) }
    }

    static func sectionID(_ page: Page) -> String {
        page.path.split(separator: "/").joined(separator: "-")
    }

    /// Moves headings one level down and makes a page's ids and links work inside the whole report.
    static func localise(_ html: String, prefix: String, headingIDs: [String], sectionIDs: [String: String], basePath: String) -> String {
        var out = html
        for level in stride(from: 5, through: 1, by: -1) {
            out = out.replacing("<h\(level) ", with: "<h\(level + 1) ").replacing("<h\(level)>", with: "<h\(level + 1)>")
                .replacing("</h\(level)>", with: "</h\(level + 1)>")
        }
        // One pass for all heading ids: a pass over the page per id was quadratic (10,000 headings, the
        // most a page within the size limit can hold many times over, meant 20,000 passes over
        // 300 KB), and prefixed an id twice when it equalled another heading's id with the prefix.
        return rewriteLinks(prefixIDs(out, prefix: prefix, ids: Set(headingIDs)), sectionIDs: sectionIDs, basePath: basePath)
    }

    /// One pass over `id="…"` and `href="#…"`: heading and footnote ids get the section prefix.
    /// (Swift's Regex-based `replacing` took most of a second on the demo site.)
    static func prefixIDs(_ html: String, prefix: String, ids: Set<String>) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count + 1024)
        var rest = html[...]
        while let equals = rest.range(of: "=\"") {
            let before = rest[..<equals.lowerBound]
            out += rest[..<equals.upperBound]
            let afterQuote = rest[equals.upperBound...]
            guard let close = afterQuote.firstIndex(of: "\"") else { rest = afterQuote; break }
            var value = afterQuote[..<close]
            let isID = before.hasSuffix(" id")
            let isHref = before.hasSuffix(" href") && value.hasPrefix("#")
            if isHref { value = value.dropFirst() }
            let local = ids.contains(String(value)) || value.hasPrefix("fn-") || value.hasPrefix("fnref-")
            if (isID || isHref) && local {
                out += (isHref ? "#" : "") + prefix + "-" + value
            } else {
                out += afterQuote[..<close]
            }
            rest = afterQuote[close...]
        }
        out += rest
        return out
    }

    /// One pass over the hrefs: links to other included pages become in-page links
    /// (`/kapitler/x/#a` → `#kapitler-x-a`, `/kapitler/x/` → `#kapitler-x`); figure and table
    /// anchors keep their site-unique ids (`/projekter/y/#fig-z` → `#fig-z`).
    static func rewriteLinks(_ html: String, sectionIDs: [String: String], basePath: String) -> String {
        let marker = "href=\"" + basePath
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var rest = html[...]
        while let start = rest.range(of: marker) {
            out += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "\"") else { break }
            let target = rest[start.upperBound..<end]
            let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            if let section = sectionIDs[String(parts[0])] {
                if parts.count == 2 {
                    let anchor = parts[1]
                    out += anchor.hasPrefix("fig-") || anchor.hasPrefix("tab-") ? "href=\"#\(anchor)\"" : "href=\"#\(section)-\(anchor)\""
                } else {
                    out += "href=\"#\(section)\""
                }
            } else {
                out += rest[start.lowerBound...end]
            }
            rest = rest[rest.index(after: end)...]
        }
        out += rest
        return out
    }
}
