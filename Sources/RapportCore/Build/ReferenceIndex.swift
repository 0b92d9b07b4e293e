/// A page after the Markdown and figure stages: everything known about it before site-wide resolution.
struct PageDraft: Sendable {
    var page: Page
    var markdown: MarkdownResult
    /// One entry per `figur` block, nil where the block had errors (already reported).
    var figures: [PreparedFigure?]
}

/// Site-wide numbers and anchors: "Figur 4.2", which ids each page has, where each figure lives.
///
/// Built once from all drafts; then each page resolves its links, cross-references and figure
/// placeholders against it independently (in parallel).
struct ReferenceIndex: Sendable {
    struct Target: Sendable {
        var page: Int
        var label: String
        var location: SourceLocation
    }

    let pageIndex: [String: Int]
    let anchors: [Set<String>]
    let figureLabels: [[String]]
    let tableLabels: [[String]]
    let figures: [String: Target]
    let tables: [String: Target]

    static func build(_ drafts: [PageDraft]) -> (ReferenceIndex, [Diagnostic]) {
        // Each page's own ids and labels on all cores (a set of ~15 heading ids per page was ~30 ms
        // at 10,000 pages on one thread); only the site-wide figure and table ids are collected in
        // page order afterwards, so the first use of an id keeps it, as before.
        let local = Array(drafts.indices).parallelMap { index in PageLabels(drafts[index]) }
        var diagnostics: [Diagnostic] = []
        var pageIndex: [String: Int] = [:]
        pageIndex.reserveCapacity(drafts.count)
        var figures: [String: Target] = [:]
        var tables: [String: Target] = [:]
        for index in drafts.indices {
            pageIndex[drafts[index].page.source.relativePath] = index
            for (figure, label) in zip(drafts[index].figures, local[index].figureLabels) {
                guard let spec = figure?.spec else { continue }
                if let first = figures[spec.id] {
                    diagnostics.append(.error(at: spec.location, "figure id '\(spec.id)' is already used at \(first.location)",
                                              hint: "figure ids must be unique across the site; rename one"))
                } else {
                    figures[spec.id] = Target(page: index, label: label, location: spec.location)
                }
            }
            for (table, label) in zip(drafts[index].markdown.tables, local[index].tableLabels) {
                if let first = tables[table.id] {
                    diagnostics.append(.error(at: table.location, "table id '\(table.id)' is already used at \(first.location)",
                                              hint: "table ids must be unique across the site; rename one"))
                } else {
                    tables[table.id] = Target(page: index, label: label, location: table.location)
                }
            }
        }
        return (ReferenceIndex(pageIndex: pageIndex, anchors: local.map(\.anchors), figureLabels: local.map(\.figureLabels),
                               tableLabels: local.map(\.tableLabels), figures: figures, tables: tables), diagnostics)
    }

    /// What one page contributes on its own: its anchors and the numbers of its figures and tables.
    private struct PageLabels: Sendable {
        var anchors: Set<String>
        var figureLabels: [String]
        var tableLabels: [String]

        init(_ draft: PageDraft) {
            let prefix = draft.page.chapter.map { "\($0.number)." } ?? ""
            var ids = Set(draft.markdown.headings.map(\.id))
            figureLabels = draft.figures.indices.map { "Figur \(prefix)\($0 + 1)" }
            for case let figure? in draft.figures { ids.insert("fig-\(figure.spec.id)") }
            tableLabels = draft.markdown.tables.indices.map { "Tabel \(prefix)\($0 + 1)" }
            for table in draft.markdown.tables { ids.insert("tab-\(table.id)") }
            anchors = ids.union(ReferenceIndex.templateAnchors)
        }
    }

    /// Ids every page template provides (skip-link target, footnotes section).
    static let templateAnchors: Set<String> = ["indhold", "top"]

    /// Every link on a page must reach an existing page, heading, figure or file.
    func checkLinks(of draft: PageDraft, at index: Int, pages: [Page], assets: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let here = draft.page.source.relativePath
        for link in draft.markdown.links {
            switch LinkResolver.classify(link.destination, fromContentPath: here) {
            case .external:
                continue
            case .anchor(let anchor):
                if !anchor.isEmpty, !hasAnchor(anchor, onPage: index) {
                    diagnostics.append(missingAnchor(anchor, onPage: index, pages: pages, at: link.location))
                }
            case .page(let path, let anchor):
                guard let target = pageIndex[path] else {
                    let suggestion = Spelling.closest(to: path, among: Array(pageIndex.keys)).map { "did you mean '\($0)'? " } ?? ""
                    diagnostics.append(.error(at: link.location, "link to missing page '\(link.destination)'",
                                              hint: "\(suggestion)link to an existing .md file, relative to this file"))
                    continue
                }
                if let anchor, !anchor.isEmpty, !hasAnchor(anchor, onPage: target) {
                    diagnostics.append(missingAnchor(anchor, onPage: target, pages: pages, at: link.location))
                }
            case .asset(let path):
                if !assets.contains(path) {
                    diagnostics.append(.error(at: link.location, "link to missing file '\(link.destination)'",
                                              hint: "put the file in Content/\(path) or fix the path (relative to this file)"))
                }
            case .absolutePath:
                diagnostics.append(.error(at: link.location, "site-absolute link '\(link.destination)' breaks when the site is published under a sub-path",
                                          hint: "link to the Markdown file with a relative path, e.g. ../projekter/vejle.md"))
            case .outsideContent:
                diagnostics.append(.error(at: link.location, "link '\(link.destination)' points outside the content folder",
                                          hint: "link only to files inside Content/"))
            }
        }
        return diagnostics
    }

    private func hasAnchor(_ anchor: String, onPage index: Int) -> Bool {
        anchors[index].contains(anchor) || anchor.hasPrefix("fn") // cmark-gfm footnote ids: checked by cmark itself
    }

    private func missingAnchor(_ anchor: String, onPage index: Int, pages: [Page], at location: SourceLocation) -> Diagnostic {
        let suggestion = Spelling.closest(to: anchor, among: Array(anchors[index])).map { "did you mean '#\($0)'? " } ?? ""
        return .error(at: location, "no heading or figure '#\(anchor)' on \(pages[index].source.displayPath)",
                      hint: "\(suggestion)anchors are the heading text in lower case with æ→ae, ø→oe, å→aa and '-' between words")
    }

    /// The link text and href for `[@fig:id]` / `[@tab:id]`, or a diagnostic for an unknown id.
    func crossReference(_ reference: CrossReference, fromPage index: Int, urlOfPage: (Int) -> String,
                        titleOfPage: (Int) -> String) -> Result<String, Diagnostic> {
        let table = reference.kind == .table ? tables : figures
        guard let target = table[reference.id] else {
            let noun = reference.kind == .table ? "table" : "figure"
            let suggestion = Spelling.closest(to: reference.id, among: Array(table.keys)).map { "did you mean '\($0)'? " } ?? ""
            return .failure(.error(at: reference.location, "unknown \(noun) id '\(reference.id)' in [@\(reference.kind.rawValue):\(reference.id)]",
                                   hint: "\(suggestion)use the id: of a \(noun) defined on some page"))
        }
        let fragment = "\(reference.kind.rawValue)-\(reference.id)"
        let samePage = target.page == index
        let href = samePage ? "#\(fragment)" : "\(urlOfPage(target.page))#\(fragment)"
        // "Figur 4.2" is unique site-wide; "Figur 1" on a project page is not, so name the page.
        let label = samePage || target.label.contains(".") ? target.label : "\(target.label) (\(titleOfPage(target.page)))"
        return .success("<a class=\"krydshenvisning\" href=\"\(HTMLEscaping.escape(href))\">\(HTMLEscaping.escape(label))</a>")
    }
}
