/// Everything loaded from `Content/`, validated, ordered, ready to render.
public struct Site: Sendable {
    public var config: SiteConfig
    /// Home, chapter index, chapters (by `nummer`), project index, projects (by kommune, titel),
    /// element index, elements (by `nummer`), then free-standing pages (by titel).
    public var pages: [Page]
    /// CSV files by path relative to `Content/` (`data/vejle.csv`), read once.
    public var dataFiles: [String: SourceFile]
    /// Other content files copied as they are (images, PDFs), relative to `Content/`.
    public var assets: [String]

    public init(config: SiteConfig, pages: [Page], dataFiles: [String: SourceFile], assets: [String]) {
        self.config = config
        self.pages = pages
        self.dataFiles = dataFiles
        self.assets = assets
    }

    public func pages(_ kind: PageKind) -> [Page] { pages.filter { $0.kind == kind } }
}
