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
    /// Each page without its text: kind, path, front matter, source path.
    var headers: [Page]
    var config: SiteConfig
    /// `*.mustache` contents by file name.
    var templates: [String: Data?]
    var files: Set<String>
    var basePath: String
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
        headers = site.pages.map { page in
            var header = page
            header.body = ""
            header.source.text = ""
            return header
        }
        config = site.config
        self.templates = templates
        self.files = files
        self.basePath = basePath
        pageIndex = index.pageIndex
        anchors = index.anchors
        figureLabels = index.figureLabels
        tableLabels = index.tableLabels
        figures = index.figures.mapValues { Target(page: $0.page, label: $0.label) }
        tables = index.tables.mapValues { Target(page: $0.page, label: $0.label) }
    }
}

/// The finished pages of the previous render, by source path, valid for one `AssemblyKey`.
struct AssemblyCache: Sendable {
    struct Entry: Sendable {
        var page: Page
        var data: [String: String]
        var output: (OutputFile?, [Diagnostic])
    }

    private var key: AssemblyKey?
    private var entries: [String: Entry] = [:]

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
