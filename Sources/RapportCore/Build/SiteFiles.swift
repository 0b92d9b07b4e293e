import Foundation

/// The files of a site that are not Markdown pages: assets, sitemap, robots.txt, the 404 page.
enum SiteFiles {
    /// `Templates/assets/**` → `assets/**` (stylesheets, scripts); content files other than pages → same path.
    static func assets(site: Site, options: BuildOptions) -> [OutputFile] {
        var files: [OutputFile] = []
        let templateAssets = options.templatesDirectory.appendingPathComponent("assets")
        if let enumerator = FileManager.default.enumerator(at: templateAssets, includingPropertiesForKeys: [.isRegularFileKey],
                                                           options: [.skipsHiddenFiles]) {
            let prefix = templateAssets.standardizedFileURL.path + "/"
            for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                let relative = String(url.standardizedFileURL.path.dropFirst(prefix.count))
                files.append(OutputFile(path: "assets/\(relative)", copying: url))
            }
        }
        for asset in site.assets {
            files.append(OutputFile(path: asset, copying: options.contentDirectory.appendingPathComponent(asset)))
        }
        for (path, file) in site.dataFiles {
            files.append(OutputFile(path: path, text: file.text))
        }
        return files
    }

    /// `sitemap.xml` with canonical URLs and `robots.txt` pointing at it.
    static func metadata(site: Site, resolver: LinkResolver) -> [OutputFile] {
        let base = site.config.canonicalBase
        var sitemap = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in site.pages.map(\.path) + (site.config.wholeReport ? [WholeReport.path] : []) + ["soeg/"] {
            sitemap += "  <url><loc>\(HTMLEscaping.escape(base + path))</loc></url>\n"
        }
        sitemap += "</urlset>\n"
        let robots = "User-agent: *\nAllow: /\nSitemap: \(base)sitemap.xml\n"
        return [OutputFile(path: "sitemap.xml", text: sitemap), OutputFile(path: "robots.txt", text: robots)]
    }

    /// A Danish "page not found" page in the site's own layout, with links that work from any URL.
    static func notFoundPage(site: Site, context: SiteContext, templates: TemplateSet) -> Result<OutputFile, Diagnostic> {
        let home = HTMLEscaping.escape(context.resolver.url(""))
        let body = """
        <p>Vi kan ikke finde den side, du leder efter. Måske er adressen skrevet forkert, eller siden er flyttet.</p>
        <ul>
        <li><a href="\(home)">Gå til forsiden</a></li>
        <li><a href="\(HTMLEscaping.escape(context.resolver.url("projekter/")))">Se alle puljeprojekter</a></li>
        <li><a href="\(HTMLEscaping.escape(context.resolver.url("soeg/")))">Søg på sitet</a></li>
        </ul>
        """
        // A 404 page is served at many URLs: it has no canonical URL and is not indexed for search.
        return generatedPage(title: "Siden findes ikke", path: "404.html", template: PageKind.standalone.template, body: body,
                             site: site, context: context, templates: templates, overrides: ["canonical_url": false, "searchable": false])
    }

    /// The search page: Pagefind's UI when JavaScript runs, a plain explanation when it doesn't.
    static func searchPage(site: Site, context: SiteContext, templates: TemplateSet) -> Result<OutputFile, Diagnostic> {
        generatedPage(title: "Søg", path: "soeg/index.html", template: "soeg", body: "", site: site, context: context,
                      templates: templates, overrides: ["searchable": false, "pagefind_url": context.resolver.url("pagefind/")])
    }

    private static func generatedPage(title: String, path: String, template: String, body: String, site: Site, context: SiteContext,
                                      templates: TemplateSet, overrides: [String: Any]) -> Result<OutputFile, Diagnostic> {
        let source = SourceFile(relativePath: path, displayPath: path, text: "")
        let sitePath = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
        let page = Page(kind: .standalone, source: source, path: sitePath, metadata: PageMetadata(title: title),
                        details: .none, body: "", bodyLineOffset: 0)
        var values = PageContext.make(page: page, html: body, headings: [], site: context)
        values.merge(overrides) { _, new in new }
        return templates.render(template, context: values).map { OutputFile(path: path, text: $0) }
    }
}
