/// The header and footer that every page shares (`sidehoved.mustache`, `sidefod.mustache`),
/// rendered once per build – the header once per main-menu state, i.e. per set of entries marked
/// current – and handed to the page templates as `sidehoved_html` and `sidefod_html`.
///
/// Rendered into every page, they were a fifth of all template work of a 10,000-page site (measured:
/// 7 % of a 1,000-page build's instructions), for markup that differs between pages only in which
/// menu entry is current. The idea is Hugo's `partialCached`. The fragments see the site keys and
/// `nav` (`SiteContext`), not the keys of a page. A template set without these files has no such keys.
struct SiteChrome: Sendable {
    static let headerTemplate = "sidehoved"
    static let footerTemplate = "sidefod"

    private let templates: TemplateSet?
    /// Header markup by main-menu state (one flag per `SiteContext.navigation` entry).
    private var headers: [[Bool]: String] = [:]
    private var footer: String?

    /// No fragments: until the chrome is rendered, and where no templates are loaded.
    static let none = SiteChrome(templates: nil)

    private init(templates: TemplateSet?) {
        self.templates = templates
    }

    /// Renders the fragments for every main-menu state that `pages` are in; problems name the file.
    static func render(templates: TemplateSet, site: SiteContext, pages: [Page]) -> (SiteChrome, [Diagnostic]) {
        var chrome = SiteChrome(templates: templates)
        var problems: [Diagnostic] = []
        if templates.contains(footerTemplate) {
            switch chrome.fragment(footerTemplate, state: site.navigation.map { _ in false }, site: site) {
            case .success(let html): chrome.footer = html
            case .failure(let problem): problems.append(problem); chrome.footer = ""
            }
        }
        if templates.contains(headerTemplate) {
            let states = Set(pages.map(site.navigationState))
            for state in states {
                switch chrome.fragment(headerTemplate, state: state, site: site) {
                case .success(let html): chrome.headers[state] = html
                case .failure(let problem):
                    // The same problem in every state: reported once; every page gets an empty
                    // header rather than rendering the failing fragment again.
                    for state in states { chrome.headers[state] = "" }
                    return (chrome, problems + [problem])
                }
            }
        }
        return (chrome, problems)
    }

    /// `sidehoved_html` and `sidefod_html` for `page`, for the fragments the templates have.
    func values(for page: Page, site: SiteContext) -> [String: String] {
        var values: [String: String] = [:]
        if let templates, templates.contains(Self.headerTemplate) {
            let state = site.navigationState(of: page)
            // A page made after the chrome (404, search) may be in a state no content page is in.
            values["sidehoved_html"] = headers[state] ?? (try? fragment(Self.headerTemplate, state: state, site: site).get()) ?? ""
        }
        if let footer { values["sidefod_html"] = footer }
        return values
    }

    private func fragment(_ name: String, state: [Bool], site: SiteContext) -> Result<String, Diagnostic> {
        guard let templates else { return .success("") }
        var context = site.values
        context["nav"] = site.navigationValues(state)
        // The file's last line break is not part of the fragment: `{{{sidehoved_html}}}` on a line
        // of its own then gives the lines the markup would give written in place.
        return templates.render(name, context: context).map { $0.hasSuffix("\n") ? String($0.dropLast()) : $0 }
    }
}
