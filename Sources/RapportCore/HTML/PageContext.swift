/// The template context of one page: the site values plus what belongs to this page.
///
/// Page keys: `title`, `document_title`, `description`, `canonical_url`, `page_url`, `content_html`,
/// `toc` ([{id, text, children: [{id, text}]}]), `has_toc`, `breadcrumbs` ([{title, url}]),
/// `has_breadcrumbs`, `previous` / `next` ({title, url} or false), `nav` ([{title, url, current}]),
/// `example_data`, `placeholder`, `chapter_number` (number or false), `project` ({kommune,
/// focus_area, target_group, period, status, partners, has_partners, daycare, elements} or false),
/// `element` ({number, group_title, projects, has_projects} or false), `is_home`, and
/// `sidehoved_html` / `sidefod_html` when the templates have those fragments (`SiteChrome`).
enum PageContext {
    /// Constant time in the number of pages: whatever depends on other pages is looked up in `site`.
    static func make(page: Page, html: String, headings: [Heading], site: SiteContext) -> [String: Any] {
        let resolver = site.resolver
        let config = site.values

        var context = config
        let siteTitle = config["site_title"] as? String ?? ""
        context["title"] = page.metadata.title
        context["document_title"] = page.kind == .home ? siteTitle : "\(page.metadata.title) – \(siteTitle)"
        context["description"] = page.metadata.summary ?? (config["site_subtitle"] as? String) ?? siteTitle
        context["page_url"] = resolver.url(page.path)
        context["canonical_url"] = canonicalBase(config) + page.path
        context["content_html"] = html
        context["is_home"] = page.kind == .home
        context["searchable"] = true
        context["example_data"] = page.metadata.exampleData
        context["placeholder"] = page.chapter?.isPlaceholder ?? false
        context["chapter_number"] = page.chapter.map { $0.number as Any } ?? false

        let toc = tableOfContents(headings)
        context["toc"] = toc
        context["has_toc"] = toc.count >= 2

        let crumbs = site.breadcrumbs[page.kind] ?? []
        context["breadcrumbs"] = crumbs
        context["has_breadcrumbs"] = !crumbs.isEmpty

        let neighbours = site.neighbours[page.path]
        context["previous"] = neighbours?.previous ?? false
        context["next"] = neighbours?.next ?? false

        context["nav"] = site.navigationValues(site.navigationState(of: page))
        for (key, html) in site.chrome.values(for: page, site: site) { context[key] = html }
        context["project"] = projectValues(page, site: site) ?? false
        context["element"] = elementValues(page, site: site) ?? false
        return context
    }

    private static func canonicalBase(_ config: [String: Any]) -> String {
        (config["canonical_base"] as? String) ?? ""
    }

    /// Level-2 headings with their level-3 children; the page title (h1) is not listed.
    static func tableOfContents(_ headings: [Heading]) -> [[String: Any]] {
        var entries: [[String: Any]] = []
        var children: [[String: Any]] = []
        var current: [String: Any]?
        for heading in headings where heading.level == 2 || heading.level == 3 {
            if heading.level == 2 {
                if var entry = current { entry["children"] = children; entry["has_children"] = !children.isEmpty; entries.append(entry) }
                current = ["id": heading.id, "text": heading.text]
                children = []
            } else if current != nil {
                children.append(["id": heading.id, "text": heading.text])
            }
        }
        if var entry = current { entry["children"] = children; entry["has_children"] = !children.isEmpty; entries.append(entry) }
        return entries
    }

    private static func projectValues(_ page: Page, site: SiteContext) -> [String: Any]? {
        guard let info = page.project else { return nil }
        let elements = site.projectElements[page.path] ?? []
        return ["kommune": info.kommune, "focus_area": info.focusArea, "target_group": orFalse(info.targetGroup),
                "period": info.period, "status": info.status, "partners": info.partners, "has_partners": !info.partners.isEmpty,
                "daycare": orFalse(info.daycare), "elements": elements, "has_elements": !info.elements.isEmpty]
    }

    private static func elementValues(_ page: Page, site: SiteContext) -> [String: Any]? {
        guard let info = page.element else { return nil }
        let projects = site.elementProjects[info.number] ?? []
        return ["number": info.number, "group_title": SiteContext.groupTitle(info.group), "projects": projects,
                "has_projects": !projects.isEmpty]
    }
}
