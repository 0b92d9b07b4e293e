// Temporary stand-in for the charts module (branch `charts`), so the pipeline compiles meanwhile.
// Deleted when that branch is merged; keeps exactly its public API.
public struct FigureSpec: Sendable, Hashable {
    public enum Kind: String, Sendable { case likert, columns }
    public var id: String
    public var kind: Kind
    public var title: String
    public var dataPath: String
    public var source: String?
    public var exampleData: Bool?
    public var location: SourceLocation
    public var dataLocation: SourceLocation

    public static func parse(_ block: FigureBlock) -> Result<FigureSpec, DiagnosticList> {
        var fields = YAMLFields(yaml: block.yaml, file: SourceFile(relativePath: "", displayPath: block.location.file, text: ""),
                                lineOffset: block.location.line - 1)
        let id = fields.string("id", required: true) ?? ""
        let title = fields.string("titel", required: true) ?? ""
        let data = fields.string("data", required: true) ?? ""
        let type = fields.string("type", required: true) ?? "likert"
        let source = fields.string("kilde")
        let example = fields.bool("eksempeldata")
        _ = fields.string("sortering")
        fields.rejectUnknownKeys(known: ["id", "type", "titel", "data", "kilde", "sortering", "eksempeldata", "skala", "ved_ikke"])
        if !fields.diagnostics.isEmpty { return .failure(DiagnosticList(fields.diagnostics)) }
        return .success(FigureSpec(id: id, kind: type == "søjler" ? .columns : .likert, title: title, dataPath: data,
                                   source: source, exampleData: example, location: block.location,
                                   dataLocation: fields.location(of: "data")))
    }
}

public enum FigureData: Sendable {
    case likert(String), columns(String)

    public static func load(for spec: FigureSpec, csv: SourceFile?) -> Result<FigureData, DiagnosticList> {
        guard let csv else {
            return .failure(DiagnosticList([.error(at: spec.dataLocation, "data file '\(spec.dataPath)' not found",
                                                   hint: "put the CSV in Content/\(spec.dataPath)")]))
        }
        return .success(.likert(csv.text))
    }
}

public struct FigureRenderContext: Sendable {
    public var label: String
    public var exampleData: Bool
    public var csvHref: String
    public var tablesVisible: Bool
    public init(label: String, exampleData: Bool, csvHref: String, tablesVisible: Bool) {
        self.label = label
        self.exampleData = exampleData
        self.csvHref = csvHref
        self.tablesVisible = tablesVisible
    }
}

public enum FigureRenderer {
    public static func html(spec: FigureSpec, data: FigureData, context: FigureRenderContext) -> String {
        "<figure class=\"figur\" id=\"fig-\(spec.id)\"><figcaption>\(HTMLEscaping.escape(context.label)): \(HTMLEscaping.escape(spec.title))</figcaption><p><a href=\"\(HTMLEscaping.escape(context.csvHref))\" download>Hent data (CSV)</a></p></figure>"
    }

    public static func csv(spec: FigureSpec, data: FigureData) -> String {
        if case .likert(let text) = data { return text }
        return ""
    }
}
