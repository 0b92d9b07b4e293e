/// The values every page template can use, computed once per build: site settings, navigation
/// targets, and the generated lists (chapters, projects, elements, the project × element matrix).
///
/// Templates are strict (see `TemplateSet`): every key below exists on every page, with `false` or
/// an empty list when it does not apply, so `{{#project}}…{{/project}}` is always safe to write.
///
/// Site keys: `site_title`, `site_subtitle`, `organisation`, `footer_text`, `accessibility_url`,
/// `base_url`, `assets_url`, `home_url`, `search_url`, `chapters`, `projects`, `elements`, `element_groups`,
/// `matrix_header`, `matrix_rows`, `filter_kommuner`, `filter_focus_areas`, `project_count`,
/// `chapter_count`, `element_count`, `kommune_count` (distinct kommuner), and the section entrances `chapters_url`, `projects_url`,
/// `elements_url` (the index page's URL, or `false` when the site has no such section),
/// `whole_report_url` (or `false` when `site.yaml` has `hele_rapporten: false`).
/// Element entries carry `project_count_text` ("Indgår i 3 projekter", singular-aware).
/// Project rows and matrix rows carry `row_label`: the kommune, or the project title when one
/// kommune has several projects, so every row of the overview tables can be told apart.
/// Page keys are listed in `PageContext`.
struct SiteContext: @unchecked Sendable {
    // @unchecked: `values` is built once and only read afterwards; its contents are value types
    // (strings, numbers, arrays and dictionaries of them), which are safe to read from many threads.
    let values: [String: Any]
    let navigation: [NavigationTarget]
    let resolver: LinkResolver
    /// Per-page values, looked up by page path or kind rather than searched for on every page
    /// (a search through all pages per page made a 10,000-page build quadratic).
    let neighbours: [String: Neighbours]
    let breadcrumbs: [PageKind: [[String: Any]]]
    let projectElements: [String: [[String: Any]]]
    let elementProjects: [Int: [[String: Any]]]
    /// The shared header and footer, rendered once the templates are known (`SiteChrome`).
    var chrome = SiteChrome.none

    /// What the generated lists need of one project page.
    fileprivate struct ProjectSummary: Sendable {
        var title: String
        var url: String
        var path: String
        var summary: String?
        var exampleData: Bool
        var info: ProjectInfo
        var elementNumbers: [Int]
    }

    /// Links to the previous and next page of the same kind, `false` at either end.
    struct Neighbours {
        var previous: Any
        var next: Any
    }

    struct NavigationTarget: Sendable {
        var title: String
        var url: String
        /// The page kinds that count as "in this section" for `aria-current`.
        var kinds: Set<PageKind>
        var path: String
    }

    init(site: Site, resolver: LinkResolver) {
        self.resolver = resolver
        let config = site.config
        let pages = site.pages
        func url(_ page: Page) -> String { resolver.url(page.path) }
        // Pages are read in place by index: iterating `pages` copies each page (a dozen strings
        // and arrays to retain and release), ~10 ms per pass at 10,000 pages, on one thread.
        var positions: [PageKind: [Int]] = [:]
        for index in pages.indices { positions[pages[index].kind, default: []].append(index) }
        func all(_ kind: PageKind) -> [Int] { positions[kind] ?? [] }
        func first(_ kind: PageKind) -> Page? { positions[kind]?.first.map { pages[$0] } }
        let elementPages = all(.element).map { pages[$0] }
        let elementNumbers = elementPages.map { $0.element?.number ?? 0 }
        let elementByNumber = Dictionary(elementPages.compactMap { page in page.element.map { ($0.number, page) } },
                                         uniquingKeysWith: { first, _ in first })
        // The projects' own values, read out of each `Page` once: copying a page (a dozen strings
        // and arrays to retain) or its `ProjectInfo` on every use made this – run on one thread
        // while the other core waits – take ~0.15 s at 10,000 projects.
        let projectPages: [ProjectSummary] = all(.project).compactMap { index in
            guard case .project(let info) = pages[index].details else { return nil }
            return ProjectSummary(title: pages[index].metadata.title, url: resolver.url(pages[index].path), path: pages[index].path,
                                  summary: pages[index].metadata.summary, exampleData: pages[index].metadata.exampleData,
                                  info: info, elementNumbers: info.elements.sorted())
        }

        // Every project lists some of the same nine elements: one shared value per element, not a
        // new dictionary per mention (at 10,000 projects the copies were tens of megabytes).
        let mentioned = Set(elementNumbers).union(projectPages.flatMap(\.elementNumbers))
        let elementRefs: [Int: [String: Any]] = Dictionary(uniqueKeysWithValues: mentioned.map { number in
            let page = elementByNumber[number]
            return (number, ["number": number, "title": page?.metadata.title ?? "Element \(number)", "url": page.map(url) ?? ""])
        })
        func link(_ page: Page) -> [String: Any] {
            ["title": page.kind == .home ? "Forside" : page.metadata.title, "url": url(page)]
        }

        let chapters: [[String: Any]] = all(.chapter).map { pages[$0] }.map { page in
            ["number": page.chapter?.number ?? 0, "title": page.metadata.title, "url": url(page),
             "summary": orFalse(page.metadata.summary), "placeholder": page.chapter?.isPlaceholder ?? false]
        }
        // A matrix cell is one of two values per element (used or not), shared by all rows.
        let cellChoices: [(unused: [String: Any], used: [String: Any])] = zip(elementPages, elementNumbers).map { element, number in
            (["used": false, "number": number, "title": element.metadata.title],
             ["used": true, "number": number, "title": element.metadata.title])
        }
        let built = ProjectValues.make(projectPages, shared: .init(elementRefs: elementRefs, cellChoices: cellChoices,
                                                                   elementNumbers: elementNumbers))
        var projectElements: [String: [[String: Any]]] = [:]
        projectElements.reserveCapacity(projectPages.count)
        var elementProjects: [Int: [[String: Any]]] = Dictionary(uniqueKeysWithValues: Set(elementNumbers).map { ($0, []) })
        for position in projectPages.indices {
            projectElements[projectPages[position].path] = built[position].elements
            // Each element page lists the projects that use it, in project order, each once.
            for number in built[position].used where elementProjects[number] != nil {
                elementProjects[number]?.append(built[position].reference)
            }
        }
        let projects = built.map(\.row)
        let matrixRows = built.map(\.matrixRow)
        let elements: [[String: Any]] = zip(elementPages, elementNumbers).map { page, number in
            let users = elementProjects[number] ?? []
            return ["number": number, "title": page.metadata.title, "url": url(page), "group": page.element?.group ?? "",
                    "summary": orFalse(page.metadata.summary), "projects": users, "project_count": users.count,
                    "project_count_text": Self.projectCountText(users.count)]
        }
        let groups: [[String: Any]] = PageLoader.elementGroups.map { group in
            let members = elements.filter { ($0["group"] as? String) == group }
            return ["title": Self.groupTitle(group), "elements": members]
        }.filter { !(($0["elements"] as? [[String: Any]]) ?? []).isEmpty }
        let matrixHeader = elementNumbers.map { elementRefs[$0] ?? [:] }
        let collator = DanishCollator()
        let kommuner = collator.sorted(Set(projectPages.map(\.info.kommune)))
        let focusAreas = collator.sorted(Set(projectPages.map(\.info.focusArea)))

        /// The section's index page URL, or `false` when the site has none (strict templates need the key).
        func sectionURL(_ kind: PageKind) -> Any {
            first(kind).map { url($0) as Any } ?? false
        }

        let statement = SiteLoader.isAbsoluteURL(config.accessibilityStatement)
            ? config.accessibilityStatement
            : resolver.url(PageAddress.sitePath(forContentPath: config.accessibilityStatement) ?? "")

        values = [
            "site_title": config.title, "site_subtitle": orFalse(config.subtitle), "organisation": config.organisation,
            "footer_text": orFalse(config.footer), "accessibility_url": statement, "base_url": resolver.basePath,
            "canonical_base": config.canonicalBase,
            "assets_url": resolver.url("assets/"), "home_url": resolver.url(""), "search_url": resolver.url("soeg/"),
            "chapters": chapters, "projects": projects, "elements": elements, "element_groups": groups,
            "matrix_header": matrixHeader, "matrix_rows": matrixRows,
            "filter_kommuner": kommuner, "filter_focus_areas": focusAreas,
            "project_count": projects.count, "chapter_count": chapters.count, "element_count": elements.count,
            "kommune_count": kommuner.count,
            "chapters_url": sectionURL(.chapterIndex), "projects_url": sectionURL(.projectIndex),
            "elements_url": sectionURL(.elementIndex),
            "whole_report_url": config.wholeReport ? resolver.url(WholeReport.path) as Any : false,
        ]

        var navigation = [NavigationTarget(title: "Forside", url: resolver.url(""), kinds: [.home], path: "")]
        let sections: [(PageKind, PageKind)] = [(.chapterIndex, .chapter), (.projectIndex, .project), (.elementIndex, .element)]
        for (indexKind, memberKind) in sections {
            if let index = first(indexKind) {
                navigation.append(NavigationTarget(title: index.metadata.title, url: url(index), kinds: [indexKind, memberKind], path: index.path))
            }
        }
        for page in all(.standalone).map({ pages[$0] }) where page.source.relativePath != config.accessibilityStatement {
            navigation.append(NavigationTarget(title: page.metadata.title, url: url(page), kinds: [], path: page.path))
        }
        self.navigation = navigation
        self.projectElements = projectElements
        self.elementProjects = elementProjects

        var neighbours: [String: Neighbours] = [:]
        neighbours.reserveCapacity(pages.count)
        for kind in [PageKind.chapter, .project, .element] {
            let members = all(kind)
            // One link per page, shared by the pages before and after it.
            let links = members.map { link(pages[$0]) }
            for (position, index) in members.enumerated() {
                neighbours[pages[index].path] = Neighbours(previous: position > 0 ? links[position - 1] : false,
                                                           next: position + 1 < members.count ? links[position + 1] : false)
            }
        }
        self.neighbours = neighbours

        // Home › section index › page; the home page itself has none.
        let home = first(.home).map(link)
        var breadcrumbs: [PageKind: [[String: Any]]] = [:]
        for kind in PageKind.allCases where kind != .home {
            let parent: PageKind? = switch kind {
            case .chapter: .chapterIndex
            case .project: .projectIndex
            case .element: .elementIndex
            default: nil
            }
            breadcrumbs[kind] = [home, parent.flatMap { first($0).map(link) }].compactMap { $0 }
        }
        self.breadcrumbs = breadcrumbs
    }

    /// Which main-menu entries are current on `page` (`aria-current`): its section, or itself.
    func navigationState(of page: Page) -> [Bool] {
        navigation.map { $0.kinds.contains(page.kind) || $0.path == page.path }
    }

    /// The `nav` list for a main-menu state.
    func navigationValues(_ state: [Bool]) -> [[String: Any]] {
        zip(navigation, state).map { target, current in ["title": target.title, "url": target.url, "current": current] }
    }

    /// "Indgår i 1 projekt" / "Indgår i 3 projekter": Mustache cannot choose singular or plural.
    static func projectCountText(_ count: Int) -> String {
        switch count {
        case 0: "Indgår ikke i nogen projekter"
        case 1: "Indgår i 1 projekt"
        default: "Indgår i \(count) projekter"
        }
    }

    static func groupTitle(_ group: String) -> String {
        switch group {
        case "forældresamarbejde": "Samarbejde med forældre"
        case "tværfagligt samarbejde": "Tværfagligt samarbejde"
        default: group
        }
    }
}

/// Strict templates need a key to exist; `false` is Mustache's "nothing here".
func orFalse(_ value: String?) -> Any {
    guard let value, !value.isEmpty else { return false }
    return value
}

/// One project's values in the generated lists: its overview row, its matrix row, its element
/// links and the entry element pages list it by. Made for all projects on all cores (on one
/// thread this was most of the ~70 ms `SiteContext` took at 10,000 projects while the other
/// core waited).
private struct ProjectValues: @unchecked Sendable {
    // @unchecked: template values – strings, numbers, Booleans and arrays and dictionaries of
    // them – made once and only read afterwards, safe to hand from one thread to another.
    var row: [String: Any]
    var matrixRow: [String: Any]
    var elements: [[String: Any]]
    var reference: [String: Any]
    var used: Set<Int>

    /// The values every project shares (element links and matrix cells), made once.
    struct Shared: @unchecked Sendable {
        var elementRefs: [Int: [String: Any]]
        var cellChoices: [(unused: [String: Any], used: [String: Any])]
        var elementNumbers: [Int]
    }

    static func make(_ projects: [SiteContext.ProjectSummary], shared: Shared) -> [ProjectValues] {
        let kommuneCounts = Dictionary(projects.map { ($0.info.kommune, 1) }, uniquingKeysWith: +)
        return projects.parallelMap { project in
            let info = project.info
            let kommune = info.kommune
            // The kommune names a row, unless the kommune has several projects: then the title does.
            let label = kommune.isEmpty || (kommuneCounts[kommune] ?? 0) > 1 ? project.title : kommune
            let elements = project.elementNumbers.map { shared.elementRefs[$0] ?? [:] }
            let used = Set(info.elements)
            let cells: [[String: Any]] = zip(shared.elementNumbers, shared.cellChoices).map { number, choice in
                used.contains(number) ? choice.used : choice.unused
            }
            return ProjectValues(
                row: ["title": project.title, "url": project.url, "kommune": kommune, "row_label": label,
                      "focus_area": info.focusArea, "status": info.status, "period": info.period,
                      "target_group": orFalse(info.targetGroup), "summary": orFalse(project.summary),
                      "elements": elements,
                      "element_numbers": project.elementNumbers.map(String.init).joined(separator: " "),
                      "example_data": project.exampleData],
                matrixRow: ["title": project.title, "url": project.url, "kommune": kommune, "row_label": label, "cells": cells],
                elements: elements,
                reference: ["title": project.title, "url": project.url, "kommune": kommune],
                used: used)
        }
    }
}
