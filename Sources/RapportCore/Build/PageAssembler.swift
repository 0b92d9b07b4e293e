/// Finishes one page: checks its links, fills in figures and cross-references, renders its template.
struct PageAssembler {
    let draft: PageDraft
    let position: Int
    let pages: [Page]
    let index: ReferenceIndex
    let site: SiteContext
    let templates: TemplateSet
    let assets: Set<String>
    let tablesVisible: Bool

    func assemble() -> (OutputFile?, [Diagnostic]) {
        var diagnostics = index.checkLinks(of: draft, at: position, pages: pages, assets: assets)
        let page = draft.page
        let resolver = site.resolver
        let html = Placeholder.fill(draft.markdown.html) { kind, number in
            switch kind {
            case .figure:
                guard number < draft.figures.count, let figure = draft.figures[number] else { return "" }
                let context = FigureRenderContext(
                    label: index.figureLabels[position][number],
                    exampleData: figure.spec.exampleData ?? page.metadata.exampleData,
                    csvHref: resolver.url("figurer/\(figure.spec.id).csv"),
                    tablesVisible: tablesVisible)
                return FigureRenderer.html(spec: figure.spec, data: figure.data, context: context)
            case .crossReference:
                guard number < draft.markdown.crossReferences.count else { return nil }
                switch index.crossReference(draft.markdown.crossReferences[number], fromPage: position,
                                            urlOfPage: { resolver.url(pages[$0].path) },
                                            titleOfPage: { pages[$0].metadata.title }) {
                case .success(let link): return link
                case .failure(let diagnostic):
                    diagnostics.append(diagnostic)
                    return ""
                }
            case .tableLabel:
                guard number < index.tableLabels[position].count else { return nil }
                return HTMLEscaping.escape(index.tableLabels[position][number])
            }
        }
        let context = PageContext.make(page: page, html: html,
                                       headings: draft.markdown.headings, site: site)
        switch templates.render(page.kind.template, context: context) {
        case .success(let output):
            return (OutputFile(path: page.path + "index.html", text: output), diagnostics)
        case .failure(let diagnostic):
            return (nil, diagnostics + [diagnostic])
        }
    }
}
