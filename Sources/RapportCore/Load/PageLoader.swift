/// Turns a Markdown file into a validated `Page`: location → kind, front matter → metadata.
public enum PageLoader {
    static let commonKeys = ["titel", "resume", "eksempeldata", "raa_html"]
    static let chapterKeys = ["nummer", "pladsholder"]
    static let projectKeys = ["kommune", "indsatsområde", "målgruppe", "periode", "status", "elementer",
                              "samarbejdsparter", "dagtilbud"]
    static let elementKeys = ["nummer", "gruppe"]
    public static let elementGroups = ["forældresamarbejde", "tværfagligt samarbejde"]

    public static func load(_ file: SourceFile) -> (Page?, [Diagnostic]) {
        let located: (PageKind, String)
        switch PageAddress.locate(file.relativePath, display: file.displayPath) {
        case .success(let value): located = value
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let frontMatter: FrontMatter
        switch FrontMatter.split(file) {
        case .success(let value): frontMatter = value
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        guard frontMatter.isPresent else {
            return (nil, [.error(at: file.location(line: 1, column: 1), "page has no front matter",
                                 hint: "start the file with '---', a line 'titel: …', and '---'")])
        }
        let (kind, path) = located
        var fields = YAMLFields(yaml: frontMatter.yaml, file: file, lineOffset: frontMatter.yamlLineOffset)
        let title = fields.string("titel", required: true)
        let metadata = PageMetadata(title: title ?? "", summary: fields.string("resume"),
                                    exampleData: fields.bool("eksempeldata") ?? false,
                                    allowRawHTML: fields.bool("raa_html") ?? false)
        let details: PageDetails
        var known = commonKeys
        switch kind {
        case .chapter:
            known += chapterKeys
            let number = fields.int("nummer", required: true)
            if let number, number < 1 {
                fields.report(.error(at: fields.location(of: "nummer"), "nummer must be 1 or more", hint: "number chapters 1, 2, 3, …"))
            }
            details = .chapter(ChapterInfo(number: number ?? 0, isPlaceholder: fields.bool("pladsholder") ?? false))
        case .project:
            known += projectKeys
            let elements = fields.ints("elementer") ?? []
            details = .project(ProjectInfo(
                kommune: fields.string("kommune", required: true) ?? "",
                focusArea: fields.string("indsatsområde", required: true) ?? "",
                targetGroup: fields.string("målgruppe"),
                period: fields.string("periode", required: true) ?? "",
                status: fields.string("status", required: true) ?? "",
                elements: elements.map(\.value),
                partners: fields.strings("samarbejdsparter") ?? [],
                daycare: fields.string("dagtilbud"),
                elementLocations: elements.map(\.location)))
        case .element:
            known += elementKeys
            let number = fields.int("nummer", required: true)
            let group = fields.string("gruppe", required: true)
            if let group, !elementGroups.contains(group) {
                fields.report(.error(at: fields.location(of: "gruppe"), "unknown gruppe '\(group)'",
                                     hint: "use one of: \(elementGroups.joined(separator: ", "))"))
            }
            details = .element(ElementInfo(number: number ?? 0, group: group ?? ""))
        default:
            details = .none
        }
        fields.rejectUnknownKeys(known: known)
        guard fields.diagnostics.isEmpty else { return (nil, fields.diagnostics) }
        return (Page(kind: kind, source: file, path: path, metadata: metadata, details: details,
                     body: frontMatter.body, bodyLineOffset: frontMatter.bodyLineOffset), [])
    }
}
