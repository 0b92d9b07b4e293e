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
    /// Per draft: taken unchanged from the previous render (`rapport serve`), so its section may be reused.
    var reused: [Bool] = []

    struct Entry { var id: String; var label: String; var title: String }

    func render(templates: TemplateSet) -> Result<OutputFile, Diagnostic> {
        var cache = WholeReportCache()
        return render(templates: templates, cache: &cache)
    }

    /// Renders the page, reusing from `cache` the sections whose page and numbers did not change,
    /// and leaving this render's sections in it.
    func render(templates: TemplateSet, cache: inout WholeReportCache) -> Result<OutputFile, Diagnostic> {
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

        let settings = WholeReportCache.Settings(sectionIDs: sectionIDs, basePath: resolver.basePath, tablesVisible: tablesVisible)
        let previous = cache.settings == settings ? cache.sections : [:]
        let (figureNumbers, tableNumbers) = (figureLabels, tableLabels)  // immutable copies for the workers
        let made = included.parallelMap { position -> (path: String, section: WholeReportCache.Section) in
            let draft = drafts[position]
            // Every number the section shows: its own figures and tables, and those it refers to.
            let labels = draft.figures.map { $0.flatMap { figureNumbers[$0.spec.id] } ?? "" }
                + draft.markdown.tables.map { tableNumbers[$0.id] ?? "" }
                + draft.markdown.crossReferences.map { ($0.kind == .figure ? figureNumbers[$0.id] : tableNumbers[$0.id]) ?? "" }
            let path = draft.page.source.relativePath
            if position < reused.count, reused[position], let old = previous[path], old.labels == labels {
                return (path, old)
            }
            let html = section(draft, figureLabels: figureNumbers, tableLabels: tableNumbers, sectionIDs: sectionIDs)
            return (path, WholeReportCache.Section(labels: labels, html: html))
        }
        cache.settings = settings
        cache.sections = Dictionary(made.map { ($0.path, $0.section) }, uniquingKeysWith: { first, _ in first })

        var body = ""
        body.reserveCapacity(made.reduce(0) { $0 + $1.section.html.utf8.count })
        for entry in made { body += entry.section.html }
        let sections: [[String: Any]] = included.map { position in
            let page = drafts[position].page
            return ["id": Self.sectionID(page), "title": Self.heading(page), "is_project": page.kind == .project]
        }

        let source = SourceFile(relativePath: "hele-rapporten.md", displayPath: "hele-rapporten", text: "")
        let page = Page(kind: .standalone, source: source, path: Self.path, metadata: PageMetadata(title: Self.title),
                        details: .none, body: "", bodyLineOffset: 0)
        // The template gets a marker, and the body goes in afterwards in one copy: passed through
        // Mustache, the megabytes of body were copied once per template level.
        let marker = "<!--rapport:hele-rapporten-->"
        var context = PageContext.make(page: page, html: marker, headings: [], site: site)
        context["searchable"] = false  // everything on it is indexed on its own page already
        context["report_sections"] = sections
        context["report_figures"] = figures.map { ["id": $0.id, "label": $0.label, "title": $0.title] }
        context["report_tables"] = tables.map { ["id": $0.id, "label": $0.label, "title": $0.title] }
        context["has_report_figures"] = !figures.isEmpty
        context["has_report_tables"] = !tables.isEmpty
        return templates.render(Self.template, context: context).map { rendered in
            var text = ""
            if let offset = UTF8Text(rendered).find(Array(marker.utf8), from: 0) {
                // The marker is ASCII, so both offsets are character boundaries.
                let start = rendered.utf8.index(rendered.utf8.startIndex, offsetBy: offset)
                let end = rendered.utf8.index(start, offsetBy: marker.utf8.count)
                text.reserveCapacity(rendered.utf8.count + body.utf8.count)
                text += rendered[..<start]
                text += body
                text += rendered[end...]
            } else {
                text = rendered  // a template without {{{content_html}}}
            }
            return OutputFile(path: Self.path + "index.html", text: text)
        }
    }

    /// One page as a `<section>`: its heading, the example-data banner, its HTML with figures and
    /// cross-references numbered for the whole report and ids and links made local.
    private func section(_ draft: PageDraft, figureLabels: [String: String], tableLabels: [String: String],
                         sectionIDs: [String: String]) -> String {
        let page = draft.page
        let resolver = site.resolver
        let prefix = Self.sectionID(page)
        let html = Placeholder.fill(draft.markdown.html) { kind, number, out in
            switch kind {
            case .figure:
                guard number < draft.figures.count, let figure = draft.figures[number] else { return true }
                let context = FigureRenderContext(label: figureLabels[figure.spec.id] ?? "Figur",
                                                  exampleData: figure.spec.exampleData ?? page.metadata.exampleData,
                                                  csvHref: resolver.url("figurer/\(figure.spec.id).csv"), tablesVisible: tablesVisible)
                MarkupWriter.append(to: &out) {
                    FigureRenderer.write(spec: figure.spec, data: figure.data, context: context, to: $0)
                }
                return true
            case .crossReference:
                guard number < draft.markdown.crossReferences.count else { return false }
                let reference = draft.markdown.crossReferences[number]
                let label = reference.kind == .figure ? figureLabels[reference.id] : tableLabels[reference.id]
                // Unknown ids were reported for the page itself; here they are simply left out.
                guard let label else { return true }
                out.append(utf8: "<a class=\"krydshenvisning\" href=\"#\(reference.kind.rawValue)-\(HTMLEscaping.escape(reference.id))\">\(label)</a>")
                return true
            case .tableLabel:
                guard number < draft.markdown.tables.count,
                      let label = tableLabels[draft.markdown.tables[number].id] else { return false }
                out.append(utf8: HTMLEscaping.escape(label))
                return true
            }
        }
        var out = "<section class=\"rapportafsnit\" id=\"\(prefix)\" aria-labelledby=\"\(prefix)-titel\">\n"
        out += "<h2 id=\"\(prefix)-titel\">\(HTMLEscaping.escape(Self.heading(page)))</h2>\n"
        if page.metadata.exampleData {
            out += "<p class=\"banner banner-eksempeldata\"><strong>Eksempeldata.</strong> Tallene i dette afsnit er eksempler.</p>\n"
        }
        out += Self.localise(html, prefix: prefix, headingIDs: draft.markdown.headings.map(\.id),
                             sectionIDs: sectionIDs, basePath: resolver.basePath)
        out += "</section>\n"
        return out
    }

    /// "Kapitel 3: Titel" for chapters, the title for projects.
    static func heading(_ page: Page) -> String {
        // Written out rather than `page.chapter.map { … page … }`: Swift 6.3's optimiser crashes
        // ("Found ownership error") on a closure that captures the value it is mapping from.
        var heading = page.metadata.title
        if let chapter = page.chapter { heading = "Kapitel \(chapter.number): \(heading)" }
        return heading
    }

    static func sectionID(_ page: Page) -> String {
        page.path.split(separator: "/").joined(separator: "-")
    }

    /// Moves headings one level down and makes a page's ids and links work inside the whole report,
    /// in one pass over the bytes (see `UTF8Text` for why not on `String`):
    /// - `<h1`…`<h5` and their end tags become one level deeper;
    /// - heading and footnote ids, and in-page links to them, get the section prefix;
    /// - links to other included pages become in-page links (`/kapitler/x/#a` → `#kapitler-x-a`,
    ///   `/kapitler/x/` → `#kapitler-x`); figure and table anchors keep their site-unique ids
    ///   (`/projekter/y/#fig-z` → `#fig-z`).
    /// A pass per heading id was quadratic (10,000 headings fit in a page within the size limit), and
    /// prefixed an id twice when it equalled another heading's id with the prefix.
    static func localise(_ html: String, prefix: String, headingIDs: [String], sectionIDs: [String: String], basePath: String) -> String {
        let text = UTF8Text(html)
        let ids = Set(headingIDs)
        let isLocal = { (value: String) in ids.contains(value) || value.hasPrefix("fn-") || value.hasPrefix("fnref-") }
        let idAttribute = Array(" id".utf8), hrefAttribute = Array(" href".utf8), base = Array(basePath.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.count + 1024)
        var position = 0
        while position < text.count {
            let byte = text.bytes[position]
            if byte == UInt8(ascii: "<"), let length = headingTagLength(text, at: position) {
                out += text.bytes[position..<position + length - 2]
                out.append(text.bytes[position + length - 2] + 1)  // the level digit
                out.append(text.bytes[position + length - 1])
                position += length
                continue
            }
            guard byte == UInt8(ascii: "\""), position > 0, text.bytes[position - 1] == UInt8(ascii: "="),
                  let close = text.find(UInt8(ascii: "\""), from: position + 1) else {
                out.append(byte)
                position += 1
                continue
            }
            let value = text.string(position + 1..<close)
            let isID = text.matches(idAttribute, endingAt: position - 1)
            let isHref = !isID && text.matches(hrefAttribute, endingAt: position - 1)
            out.append(byte)
            if isID && isLocal(value) {
                out.append(utf8: prefix + "-" + value)
            } else if isHref && value.hasPrefix("#") && isLocal(String(value.dropFirst())) {
                out.append(utf8: "#" + prefix + "-" + value.dropFirst())
            } else if isHref && text.matches(base, at: position + 1),
                      let local = inPageLink(text.string(position + 1 + base.count..<close), sectionIDs: sectionIDs) {
                out.append(utf8: local)
            } else {
                out += text.bytes[position + 1..<close]
            }
            out.append(UInt8(ascii: "\""))
            position = close + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The length of `<hN ` / `<hN>` / `</hN>` (N from 1 to 5) at `position`, or nil.
    private static func headingTagLength(_ text: UTF8Text, at position: Int) -> Int? {
        var cursor = position + 1
        if cursor < text.count, text.bytes[cursor] == UInt8(ascii: "/") { cursor += 1 }
        guard cursor + 2 < text.count, text.bytes[cursor] == UInt8(ascii: "h"),
              (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(text.bytes[cursor + 1]) else { return nil }
        let after = text.bytes[cursor + 2]
        let isEndTag = cursor == position + 2
        guard after == UInt8(ascii: ">") || (!isEndTag && after == UInt8(ascii: " ")) else { return nil }
        return cursor + 3 - position
    }

    /// `kapitler/x/#a` → `#kapitler-x-a` when `kapitler/x/` is part of the whole report.
    private static func inPageLink(_ target: String, sectionIDs: [String: String]) -> String? {
        let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard let section = sectionIDs[String(parts[0])] else { return nil }
        guard parts.count == 2 else { return "#" + section }
        let anchor = parts[1]
        return anchor.hasPrefix("fig-") || anchor.hasPrefix("tab-") ? "#" + anchor : "#\(section)-\(anchor)"
    }
}

/// The whole report's sections from the last render, for `rapport serve`: a section is made again
/// only when its page's draft was, when a number it shows changed, or when the set of included
/// pages or a setting changed. Otherwise one edit re-rendered every page's section (and figures).
public struct WholeReportCache: Sendable {
    struct Settings: Sendable, Hashable {
        var sectionIDs: [String: String]
        var basePath: String
        var tablesVisible: Bool
    }

    struct Section: Sendable {
        var labels: [String]
        var html: String
    }

    var settings: Settings?
    var sections: [String: Section] = [:]

    public init() {}
}
