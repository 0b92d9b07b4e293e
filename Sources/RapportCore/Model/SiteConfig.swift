/// Site-wide settings from `Content/site.yaml`.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var subtitle: String?
    public var organisation: String
    public var language: String
    /// Absolute URL where the site is published, ending in `/`; for canonical URLs, Open Graph, sitemap.
    public var canonicalBase: String
    /// The accessibility statement: a content path (`tilgaengelighed.md`) or an absolute URL.
    public var accessibilityStatement: String
    public var footer: String?
    /// Figure data tables shown open instead of folded in `<details>`.
    public var tablesVisible: Bool
    /// Whether the site gets `hele-rapporten/`, every chapter and project on one page (for print
    /// and PDF). Off for very large sites: at 10,000 pages that one page is 80 MB of HTML.
    public var wholeReport: Bool

    public init(title: String, subtitle: String? = nil, organisation: String, language: String = "da",
                canonicalBase: String, accessibilityStatement: String, footer: String? = nil, tablesVisible: Bool = false,
                wholeReport: Bool = true) {
        self.title = title
        self.subtitle = subtitle
        self.organisation = organisation
        self.language = language
        self.canonicalBase = canonicalBase
        self.accessibilityStatement = accessibilityStatement
        self.footer = footer
        self.tablesVisible = tablesVisible
        self.wholeReport = wholeReport
    }
}
