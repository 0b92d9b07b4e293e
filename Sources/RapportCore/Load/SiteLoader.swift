/// Assembles a `Site` from the content files and checks what spans several files:
/// unique numbers, element references, colliding URLs, the accessibility statement.
public enum SiteLoader {
    public static func assemble(_ files: ContentFiles, reader: ContentReader) -> (Site?, [Diagnostic]) {
        var diagnostics = files.diagnostics
        let configFile = files.texts["site.yaml"]
        let (config, configProblems) = SiteConfigLoader.load(configFile, displayPath: reader.display("site.yaml"))
        diagnostics += configProblems

        var pages: [Page] = []
        var dataFiles: [String: SourceFile] = [:]
        let loaded = files.texts.values.filter { $0.relativePath.hasSuffix(".md") }.sorted { $0.relativePath < $1.relativePath }
            .parallelMap { PageLoader.load($0) }
        for (page, problems) in loaded {
            diagnostics += problems
            if let page { pages.append(page) }
        }
        for (path, file) in files.texts where path.hasSuffix(".csv") { dataFiles[path] = file }
        for (path, file) in files.texts where (path.hasSuffix(".yaml") || path.hasSuffix(".yml")) && path != "site.yaml" {
            diagnostics.append(.error(at: file.location(line: 1), "unexpected YAML file",
                                      hint: "site settings belong in site.yaml; page data in the page's front matter"))
        }

        pages = order(pages)
        diagnostics += checkUniqueness(pages)
        diagnostics += checkElementReferences(pages)
        if !pages.contains(where: { $0.kind == .home }) {
            diagnostics.append(.error(at: SourceLocation(file: reader.display("index.md")), "the front page index.md is missing",
                                      hint: "create Content/index.md with front matter 'titel: …'"))
        }
        if let config, let configFile, !isAbsoluteURL(config.accessibilityStatement),
           !pages.contains(where: { $0.source.relativePath == config.accessibilityStatement }) {
            var fields = YAMLFields(yaml: configFile.text, file: configFile, lineOffset: 0)
            _ = fields.string("tilgaengelighedserklaering")
            diagnostics.append(.error(at: fields.location(of: "tilgaengelighedserklaering"),
                "accessibility statement '\(config.accessibilityStatement)' is not a page",
                hint: "name a Markdown file in Content/ (e.g. tilgaengelighed.md) or an absolute https:// URL"))
        }
        guard let config else { return (nil, diagnostics) }
        return (Site(config: config, pages: pages, dataFiles: dataFiles, assets: files.assets), diagnostics)
    }

    static func isAbsoluteURL(_ text: String) -> Bool {
        text.hasPrefix("https://") || text.hasPrefix("http://")
    }

    /// Front page, chapters by number, projects by kommune (Danish alphabetical order), elements by
    /// number, then the rest; ties by title, then file path.
    ///
    /// Locale-aware comparison costs microseconds, and a sort of 10,000 pages makes ~140,000
    /// comparisons on one thread: the kommuner (a few dozen names) are ranked once and compared as
    /// numbers, the pages are sorted as small keys rather than whole `Page` values, and titles
    /// through one `DanishCollator` (0.12–0.18 s → ~0.04 s at 10,000 pages).
    static func order(_ pages: [Page]) -> [Page] {
        let rank: [PageKind: Int] = [.home: 0, .chapterIndex: 1, .chapter: 2, .projectIndex: 3, .project: 4,
                                     .elementIndex: 5, .element: 6, .standalone: 7]
        let collator = DanishCollator()
        let kommuner = collator.sorted(Set(pages.compactMap { $0.project?.kommune }))
        let kommuneRank = Dictionary(uniqueKeysWithValues: kommuner.enumerated().map { ($1, $0) })
        struct Key {
            var kind: Int
            var number: Int
            var title: DanishCollator.Text
            var path: String
            var position: Int
        }
        let keys = pages.enumerated().map { position, page in
            let number = switch page.details {
            case .chapter(let info): info.number
            case .element(let info): info.number
            case .project(let info): kommuneRank[info.kommune] ?? 0
            default: 0
            }
            return Key(kind: rank[page.kind, default: 9], number: number, title: collator.text(page.metadata.title),
                       path: page.source.relativePath, position: position)
        }
        let sorted = keys.sorted { a, b in
            if a.kind != b.kind { return a.kind < b.kind }
            if a.number != b.number { return a.number < b.number }
            if a.title.string != b.title.string { return collator.ascending(a.title, b.title) }
            return a.path < b.path
        }
        return sorted.map { pages[$0.position] }
    }

    /// Two pages with one URL, chapter number or element number: the second is reported, naming
    /// the first. (The maps hold display paths, not pages: storing and copying 10,000 whole
    /// pages was ~15 ms of a build on one thread.)
    static func checkUniqueness(_ pages: [Page]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var byPath: [String: String] = [:]
        byPath.reserveCapacity(pages.count)
        var chapters: [Int: String] = [:]
        var elements: [Int: String] = [:]
        for index in pages.indices {
            let path = pages[index].path
            let shown = pages[index].source.displayPath
            if let other = byPath[path] {
                diagnostics.append(.error(at: pages[index].source.location(line: 1), "page URL '/\(path)' is also used by \(other)",
                                          hint: "rename one of the files"))
            } else {
                byPath[path] = shown
            }
            switch pages[index].details {
            case .chapter(let chapter):
                if let other = chapters[chapter.number] {
                    diagnostics.append(.error(at: numberLocation(pages[index]), "chapter number \(chapter.number) is also used by \(other)",
                                              hint: "give each chapter its own nummer"))
                } else { chapters[chapter.number] = shown }
            case .element(let element):
                if let other = elements[element.number] {
                    diagnostics.append(.error(at: numberLocation(pages[index]), "element number \(element.number) is also used by \(other)",
                                              hint: "give each element its own nummer"))
                } else { elements[element.number] = shown }
            default:
                break
            }
        }
        return diagnostics
    }

    static func checkElementReferences(_ pages: [Page]) -> [Diagnostic] {
        let known = Set(pages.compactMap { $0.element?.number })
        var diagnostics: [Diagnostic] = []
        for page in pages {
            guard let project = page.project else { continue }
            for (number, location) in zip(project.elements, project.elementLocations) where !known.contains(number) {
                let list = known.sorted().map(String.init).joined(separator: ", ")
                diagnostics.append(.error(at: location, "no element with nummer \(number)",
                                          hint: known.isEmpty ? "add element pages in Content/elementer/" : "use one of: \(list)"))
            }
        }
        return diagnostics
    }

    private static func numberLocation(_ page: Page) -> SourceLocation {
        guard case .success(let frontMatter) = FrontMatter.split(page.source) else { return page.source.location(line: 1) }
        var fields = YAMLFields(yaml: frontMatter.yaml, file: page.source, lineOffset: frontMatter.yamlLineOffset)
        _ = fields.int("nummer")
        return fields.location(of: "nummer")
    }
}
