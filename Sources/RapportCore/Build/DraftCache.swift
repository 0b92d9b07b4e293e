/// What one render can hand to the next, so that `rapport serve` redoes only the work an edit
/// affects: the files read, the loaded site and templates (`ContentCache`, `LoadCache`,
/// `TemplateCache`), each page's Markdown and figure results (the drafts, below), and the
/// finished pages (`AssemblyCache`).
///
/// A draft depends on exactly three things: the page as loaded (its source text, path and front
/// matter, all inside `Page`), the base path that links are rewritten against, and the text of
/// every CSV its figures read. The cache keeps those next to the draft and hands the draft back
/// only when all three are equal, so it never needs to be told what changed: a stale entry simply
/// doesn't match. The other parts work the same way.
///
/// A value type owned by whoever renders repeatedly; `SiteBuilder.render(cache:)` reads the old
/// entries and replaces them with this render's, which also drops pages that were deleted.
public struct DraftCache: Sendable {
    struct Entry: Sendable {
        var draft: PageDraft
        var basePath: String
        /// CSV path → the text the figures were prepared from.
        var data: [String: String]
    }

    private var entries: [String: Entry] = [:]
    /// The files, loaded site and templates of the last render (`ContentCache`, `LoadCache`,
    /// `TemplateCache`).
    var content = ContentCache()
    var load = LoadCache()
    var templates = TemplateCache()
    /// The finished pages of the last render (see `AssemblyKey` for when they are reused).
    var assembly = AssemblyCache()
    /// The whole report's sections of the last render.
    var wholeReport = WholeReportCache()
    /// Pages whose draft the last render took from the cache.
    public private(set) var reusedCount = 0
    /// Pages the last render sent through the Markdown and figure stages.
    public private(set) var renderedCount = 0
    /// Pages the last render ran through the templates (the rest were kept as they were).
    public internal(set) var assembledCount = 0

    public init() {}

    /// Pages currently held.
    public var count: Int { entries.count }

    /// The cached draft for `page`, if nothing it was made from has changed.
    func draft(for page: Page, basePath: String, dataFiles: [String: SourceFile]) -> PageDraft? {
        guard let entry = entries[page.source.relativePath], entry.basePath == basePath, entry.draft.page == page else {
            return nil
        }
        for (path, text) in entry.data where dataFiles[path]?.text != text {
            return nil
        }
        return entry.draft
    }

    /// Replaces the entries with the drafts of the render that just finished.
    mutating func replace(with drafts: [PageDraft], reused: Int, basePath: String, dataFiles: [String: SourceFile]) {
        var fresh: [String: Entry] = [:]
        fresh.reserveCapacity(drafts.count)
        for draft in drafts {
            if let data = Self.dataDependencies(of: draft, in: dataFiles) {
                fresh[draft.page.source.relativePath] = Entry(draft: draft, basePath: basePath, data: data)
            }
        }
        entries = fresh
        reusedCount = reused
        renderedCount = drafts.count - reused
    }

    /// CSV path → text for every figure of the page, or nil when the page must not be cached:
    /// a figure that failed may have failed on a CSV that is missing or broken, and without the
    /// parsed spec its dependency is unknown. Such pages are rare and are simply redone.
    static func dataDependencies(of draft: PageDraft, in dataFiles: [String: SourceFile]) -> [String: String]? {
        var data: [String: String] = [:]
        for figure in draft.figures {
            guard let figure, let file = dataFiles[figure.spec.dataPath] else { return nil }
            data[figure.spec.dataPath] = file.text
        }
        return data
    }
}
