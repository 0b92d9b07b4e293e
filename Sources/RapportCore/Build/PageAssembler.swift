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
        // Cross-references and table labels now; figure markers stay in the HTML and are replaced
        // in the rendered page (`placeFigures`).
        let html = Placeholder.fill(draft.markdown.html) { kind, number, out in
            switch kind {
            case .figure:
                return false
            case .crossReference:
                guard number < draft.markdown.crossReferences.count else { return false }
                switch index.crossReference(draft.markdown.crossReferences[number], fromPage: position,
                                            urlOfPage: { resolver.url(pages[$0].path) },
                                            titleOfPage: { pages[$0].metadata.title }) {
                case .success(let link): out.append(utf8: link)
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                }
            case .tableLabel:
                guard number < index.tableLabels[position].count else { return false }
                out.append(utf8: HTMLEscaping.escape(index.tableLabels[position][number]))
            }
            return true
        }
        let context = PageContext.make(page: page, html: html,
                                       headings: draft.markdown.headings, site: site)
        switch templates.render(page.kind.template, context: context) {
        case .success(let output):
            let path = page.path + "index.html"
            guard !draft.figures.isEmpty else { return (OutputFile(path: path, text: output), diagnostics) }
            return (OutputFile(path: path, bytes: placeFigures(in: output)), diagnostics)
        case .failure(let diagnostic):
            return (nil, diagnostics + [diagnostic])
        }
    }

    /// Writes each figure where its marker stands in the rendered page, as bytes: the page is
    /// written to disk as it is, so the figure markup (a third of such a page) is never turned into
    /// a `String`, which would check every byte of it, nor copied through the template engine.
    /// A figure that failed to load leaves nothing (its problem is reported).
    private func placeFigures(in output: String) -> [UInt8] {
        Placeholder.fillBytes(output) { kind, number, out in
            guard kind == .figure else { return false }
            guard number < draft.figures.count, let figure = draft.figures[number] else { return true }
            let context = FigureRenderContext(
                label: index.figureLabels[position][number],
                exampleData: figure.spec.exampleData ?? draft.page.metadata.exampleData,
                csvHref: site.resolver.url("figurer/\(figure.spec.id).csv"),
                tablesVisible: tablesVisible)
            MarkupWriter.append(to: &out) {
                FigureRenderer.write(spec: figure.spec, data: figure.data, context: context, to: $0)
            }
            return true
        }
    }
}
