/// What kind of page a Markdown file is, decided by where it lives in `Content/`.
public enum PageKind: String, Sendable, Hashable, CaseIterable {
    case home            // index.md
    case chapterIndex    // kapitler/_index.md
    case chapter         // kapitler/<navn>.md
    case projectIndex    // projekter/_index.md
    case project         // projekter/<navn>.md
    case elementIndex    // elementer/_index.md
    case element         // elementer/<navn>.md
    case standalone      // <navn>.md

    /// The Mustache template that renders this kind.
    public var template: String {
        switch self {
        case .home: "forside"
        case .chapterIndex: "kapitler"
        case .chapter: "kapitel"
        case .projectIndex: "projektoversigt"
        case .project: "projekt"
        case .elementIndex: "elementer"
        case .element: "element"
        case .standalone: "side"
        }
    }
}

/// Front matter every page may have.
public struct PageMetadata: Sendable, Hashable {
    public var title: String
    public var summary: String?
    /// The page shows example numbers: a banner says so and every figure caption on it.
    public var exampleData: Bool
    /// Raw HTML in the Markdown is passed through instead of shown as text.
    public var allowRawHTML: Bool

    public init(title: String, summary: String? = nil, exampleData: Bool = false, allowRawHTML: Bool = false) {
        self.title = title
        self.summary = summary
        self.exampleData = exampleData
        self.allowRawHTML = allowRawHTML
    }
}

public struct ChapterInfo: Sendable, Hashable {
    public var number: Int
    /// Only named by the source: shown with a placeholder banner.
    public var isPlaceholder: Bool
}

public struct ProjectInfo: Sendable, Hashable {
    public var kommune: String
    public var focusArea: String           // indsatsområde
    public var targetGroup: String?        // målgruppe
    public var period: String              // periode
    public var status: String
    public var elements: [Int]             // numbers of the significant elements, 1–9
    public var partners: [String]          // samarbejdsparter
    public var daycare: String?            // dagtilbud
    /// Where `elementer:` is, for "no such element" errors.
    public var elementLocations: [SourceLocation]
}

public struct ElementInfo: Sendable, Hashable {
    public var number: Int
    public var group: String
}

/// The front matter that only some kinds of page carry.
public enum PageDetails: Sendable, Hashable {
    case none
    case chapter(ChapterInfo)
    case project(ProjectInfo)
    case element(ElementInfo)
}

/// One Markdown page, loaded and validated, not yet rendered.
public struct Page: Sendable, Hashable {
    public var kind: PageKind
    public var source: SourceFile
    /// Path below the site root, `""` for the front page, otherwise ending in `/`: `projekter/vejle/`.
    public var path: String
    public var metadata: PageMetadata
    public var details: PageDetails
    /// The Markdown after the front matter: a slice of `source.text`.
    public var body: Substring
    public var bodyLineOffset: Int

    public var chapter: ChapterInfo? { if case .chapter(let info) = details { info } else { nil } }
    public var project: ProjectInfo? { if case .project(let info) = details { info } else { nil } }
    public var element: ElementInfo? { if case .element(let info) = details { info } else { nil } }
}
