import Foundation

/// Everything outside a page's own draft that its finished HTML (and its link and template
/// diagnostics) can depend on. While this stays equal between two renders, a page whose draft is
/// unchanged renders to the same bytes, so `rapport serve` can keep it instead of running its
/// templates and drawing its figures again.
///
/// That holds because `PageAssembler` reads only: its draft; the other pages' front matter, paths
/// and order (navigation, previous/next, breadcrumbs, the site-wide lists in `SiteContext`); the
/// reference index (anchors for link checks, figure and table labels, cross-reference targets);
/// the site settings; the templates; the set of content files. Editing the text of one page
/// changes none of these unless it adds, removes or renames a heading, figure or table, which
/// changes the index and so re-renders every page, as it must (other pages may link to it).
struct AssemblyKey: Equatable, Sendable {
    /// The pages, of which only the headers count (see `SiteHeaders`).
    var headers: SiteHeaders
    /// `*.mustache` contents by file name.
    var templates: [String: Data?]
    var files: Set<String>
    var pageIndex: [String: Int]
    var anchors: [Set<String>]
    var figureLabels: [[String]]
    var tableLabels: [[String]]
    /// Figure and table ids → page number and label (their source positions only feed
    /// diagnostics made while building the index, which is redone every time).
    var figures: [String: Target]
    var tables: [String: Target]

    struct Target: Equatable, Sendable {
        var page: Int
        var label: String
    }

    init(site: Site, index: ReferenceIndex, templates: [String: Data?], files: Set<String>, basePath: String) {
        headers = SiteHeaders(site: site, basePath: basePath)
        self.templates = templates
        self.files = files
        pageIndex = index.pageIndex
        anchors = index.anchors
        figureLabels = index.figureLabels
        tableLabels = index.tableLabels
        figures = index.figures.mapValues { Target(page: $0.page, label: $0.label) }
        tables = index.tables.mapValues { Target(page: $0.page, label: $0.label) }
    }
}

/// What `SiteContext` and the page lists in every template are made of: the site settings, the
/// base path, and each page's kind, path, front matter and source path, in order; not the text.
/// Compared field by field on the pages as loaded, so making and comparing it copies nothing.
struct SiteHeaders: Equatable, Sendable {
    var pages: [Page]
    var config: SiteConfig
    var basePath: String

    init(site: Site, basePath: String) {
        pages = site.pages
        config = site.config
        self.basePath = basePath
    }

    static func == (lhs: SiteHeaders, rhs: SiteHeaders) -> Bool {
        guard lhs.config == rhs.config, lhs.basePath == rhs.basePath, lhs.pages.count == rhs.pages.count else { return false }
        return zip(lhs.pages, rhs.pages).allSatisfy { a, b in
            a.kind == b.kind && a.path == b.path && a.metadata == b.metadata && a.details == b.details
                && a.source.relativePath == b.source.relativePath && a.source.displayPath == b.source.displayPath
        }
    }
}

/// The finished pages of the previous render, by source path, valid for one `AssemblyKey`; and
/// the `SiteContext`, valid as long as the site's headers are the same.
struct AssemblyCache: Sendable {
    struct Entry: Sendable {
        var page: Page
        var data: [String: String]
        var output: (OutputFile?, [Diagnostic])
    }

    private var key: AssemblyKey?
    private var entries: [String: Entry] = [:]
    private var context: (headers: SiteHeaders, context: SiteContext)?

    /// The site-wide template values for `site`, made again only when its headers changed.
    mutating func context(for site: Site, resolver: LinkResolver) -> SiteContext {
        let headers = SiteHeaders(site: site, basePath: resolver.basePath)
        if let context, context.headers == headers { return context.context }
        let made = SiteContext(site: site, resolver: resolver)
        context = (headers, made)
        return made
    }

    /// Whether the pages held were finished under `key`: compared once per render (it holds
    /// every page's header), before asking for pages one by one.
    func holdsPages(for key: AssemblyKey?) -> Bool {
        guard let key, let own = self.key else { return false }
        return key == own
    }

    /// The finished page for `draft` if it did not change; only valid after `holdsPages(for:)`.
    func output(for draft: PageDraft, dataFiles: [String: SourceFile]) -> (OutputFile?, [Diagnostic])? {
        guard let entry = entries[draft.page.source.relativePath], entry.page == draft.page else {
            return nil
        }
        for (path, text) in entry.data where dataFiles[path]?.text != text {
            return nil
        }
        return entry.output
    }

    mutating func replace(key: AssemblyKey?, drafts: [PageDraft], outputs: [(OutputFile?, [Diagnostic])],
                          dataFiles: [String: SourceFile]) {
        self.key = key
        entries = [:]
        guard key != nil else { return }
        for (draft, output) in zip(drafts, outputs) {
            guard let data = DraftCache.dataDependencies(of: draft, in: dataFiles) else { continue }
            entries[draft.page.source.relativePath] = Entry(page: draft.page, data: data, output: output)
        }
    }
}
