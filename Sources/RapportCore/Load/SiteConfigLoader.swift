/// Reads and validates `Content/site.yaml`.
public enum SiteConfigLoader {
    public static let knownKeys = ["titel", "undertitel", "organisation", "sprog", "base_url",
                                   "tilgaengelighedserklaering", "sidefod", "tabeller", "hele_rapporten"]

    public static func load(_ file: SourceFile?, displayPath: String) -> (SiteConfig?, [Diagnostic]) {
        guard let file else {
            return (nil, [.error(at: SourceLocation(file: displayPath), "site.yaml is missing",
                                 hint: "create it with at least titel, organisation, sprog, base_url and tilgaengelighedserklaering")])
        }
        var fields = YAMLFields(yaml: file.text, file: file, lineOffset: 0)
        let title = fields.string("titel", required: true)
        let subtitle = fields.string("undertitel")
        let organisation = fields.string("organisation", required: true)
        let language = fields.string("sprog", required: true)
        if let language, language != "da" {
            fields.report(.error(at: fields.location(of: "sprog"), "sprog must be 'da', found '\(language)'",
                                 hint: "Rapport writes Danish pages; set 'sprog: da'"))
        }
        var base = fields.string("base_url", required: true)
        if let url = base {
            if !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                fields.report(.error(at: fields.location(of: "base_url"), "base_url must be an absolute http(s) URL, found '\(url)'",
                                     hint: "write where the site is published, e.g. https://example.dk/evaluering/"))
            } else if !url.hasSuffix("/") {
                base = url + "/"
            }
        }
        let statement = fields.string("tilgaengelighedserklaering", required: true)
        let footer = fields.string("sidefod")
        var tablesVisible = false
        if let tables = fields.string("tabeller") {
            switch tables {
            case "skjult": tablesVisible = false
            case "synlige": tablesVisible = true
            default:
                fields.report(.error(at: fields.location(of: "tabeller"), "tabeller must be 'skjult' or 'synlige', found '\(tables)'",
                                     hint: "'skjult' folds figure tables in <details>, 'synlige' shows them"))
            }
        }
        let wholeReport = fields.bool("hele_rapporten") ?? true
        fields.rejectUnknownKeys(known: knownKeys)
        guard fields.diagnostics.isEmpty, let title, let organisation, let base, let statement else {
            return (nil, fields.diagnostics)
        }
        return (SiteConfig(title: title, subtitle: subtitle, organisation: organisation, language: "da", canonicalBase: base,
                           accessibilityStatement: statement, footer: footer, tablesVisible: tablesVisible,
                           wholeReport: wholeReport), [])
    }
}
