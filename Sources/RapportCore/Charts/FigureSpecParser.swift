import Yams

extension FigureSpec {
    /// Parses a `figur` block. Every problem is reported, each at its line and column in the Markdown
    /// file (Yams marks are relative to the block; `FigureBlock.location` says where the block is).
    public static func parse(_ block: FigureBlock) -> Result<FigureSpec, DiagnosticList> {
        var parser = FigureSpecParser(block: block)
        if let spec = parser.parse(), parser.diagnostics.isEmpty {
            return .success(spec)
        }
        return .failure(DiagnosticList(parser.diagnostics))
    }
}

/// The keys an author may write, in the order the README lists them.
enum FigureKey: String, CaseIterable {
    case id, type, titel, data, kilde, sortering, skala
    case vedIkke = "ved_ikke"
    case etiketGraense = "etiket_graense"
    case eksempeldata, beskrivelse

    static let required: [FigureKey] = [.id, .type, .titel, .data]

    /// Names authors use by habit (English, or Danish letters where the key has none).
    static let aliases: [String: String] = [
        "title": "titel", "source": "kilde", "sort": "sortering", "sorting": "sortering", "scale": "skala",
        "dont_know": "ved_ikke", "label_threshold": "etiket_graense", "etiket_grænse": "etiket_graense",
        "example_data": "eksempeldata", "description": "beskrivelse", "kind": "type", "file": "data",
    ]
}

/// Walks the YAML node tree once, collecting diagnostics instead of stopping at the first problem.
struct FigureSpecParser {
    let block: FigureBlock
    private(set) var diagnostics: [Diagnostic] = []

    init(block: FigureBlock) {
        self.block = block
    }

    /// A position inside the block, moved to the Markdown file. When the engine knows the column
    /// where the block's text starts (an indented fence), columns are shifted by it as well.
    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return block.location }
        return location(line: mark.line, column: mark.column)
    }

    /// `line` and `column` counted from 1 inside the block.
    func location(line: Int, column: Int) -> SourceLocation {
        let columnShift = max(block.location.column - 1, 0)
        return SourceLocation(file: block.location.file, line: block.location.line + line - 1,
                              column: column + columnShift)
    }

    mutating func error(_ mark: Mark?, _ message: String, hint: String) {
        diagnostics.append(.error(at: location(mark), message, hint: hint))
    }

    mutating func parse() -> FigureSpec? {
        let root: Node?
        do {
            root = try YAMLFields.compose(block.yaml)
        } catch let error as YamlError {
            report(error)
            return nil
        } catch {
            diagnostics.append(.error(at: block.location, "the figure block is not valid YAML: \(error)",
                                      hint: "write one 'key: value' per line"))
            return nil
        }
        guard let root, root.null == nil else {
            diagnostics.append(.error(at: block.location, "the figure block is empty",
                                      hint: "write at least 'id:', 'type:', 'titel:' and 'data:', one per line"))
            return nil
        }
        guard let mapping = root.mapping else {
            error(root.mark, "a figure block must be a list of 'key: value' lines",
                  hint: "write e.g. 'id: forankring' on its own line")
            return nil
        }
        var values: [FigureKey: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string, let figureKey = FigureKey(rawValue: name) else {
                let name = key.scalar?.string ?? "?"
                error(key.mark, "unknown key '\(name)'",
                      hint: Suggestion.hint(for: name, among: FigureKey.allCases.map(\.rawValue),
                                            aliases: FigureKey.aliases, what: "figure keys are"))
                continue
            }
            values[figureKey] = value
        }
        for key in FigureKey.required where values[key] == nil {
            diagnostics.append(.error(at: location(mapping.mark), "missing required key '\(key.rawValue)'",
                                      hint: Self.exampleLine(for: key)))
        }
        return build(values)
    }

    /// Turns checked values into a spec. Optional keys fall back to their defaults when they are
    /// wrong, so that every key is still checked; any diagnostic means no spec.
    private mutating func build(_ values: [FigureKey: Node]) -> FigureSpec? {
        let id = values[.id].flatMap { identifier($0) }
        let kind = values[.type].flatMap {
            oneOf($0, key: .type, FigureSpec.Kind.allCases, name: \.yamlName,
                  aliases: ["soejler": "søjler", "sojler": "søjler", "columns": "søjler", "bars": "søjler"])
        }
        let title = values[.titel].flatMap { text($0, key: .titel) }
        let dataPath = values[.data].flatMap { path($0) }
        let source = values[.kilde].flatMap { text($0, key: .kilde) }
        let sorting = values[.sortering].flatMap { oneOf($0, key: .sortering, FigureSpec.Sorting.allCases, name: \.rawValue) }
        let exampleData = values[.eksempeldata].flatMap { bool($0, key: .eksempeldata) }
        let description = values[.beskrivelse].flatMap { text($0, key: .beskrivelse) }
        let threshold = values[.etiketGraense].flatMap { percent($0, key: .etiketGraense) }
        let scale = values[.skala].map { scaleList($0) ?? [] } ?? FigureSpec.defaultScale
        let dontKnow = dontKnowCategory(values[.vedIkke], scale: scale)
        if values[.skala] != nil || values[.vedIkke] != nil, !scale.isEmpty {
            checkPoints(scale: scale, dontKnow: dontKnow, at: (values[.skala] ?? values[.vedIkke])?.mark)
        }
        guard diagnostics.isEmpty, let id, let kind, let title, let dataPath, let dataNode = values[.data] else {
            return nil
        }
        return FigureSpec(
            id: id, kind: kind, title: title, dataPath: dataPath, source: source, exampleData: exampleData,
            location: block.location, dataLocation: location(dataNode.mark), sorting: sorting ?? .byMean,
            scale: scale, dontKnow: dontKnow, labelThreshold: threshold ?? FigureSpec.defaultLabelThreshold,
            description: description)
    }

    private static func exampleLine(for key: FigureKey) -> String {
        switch key {
        case .id: "add e.g. 'id: forankring' (lower-case letters, digits and '-')"
        case .type: "add 'type: likert' or 'type: søjler'"
        case .titel: "add e.g. 'titel: Forvaltningens udfordringer med at fastholde indsatsen'"
        case .data: "add e.g. 'data: data/forankring.csv' (relative to Content/)"
        default: "add '\(key.rawValue): …'"
        }
    }

    private mutating func report(_ yamlError: YamlError) {
        switch yamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // With a context ("while scanning a quoted scalar"), point where that construct began: an
            // unclosed quote is reported at the quote, not at the end of the block.
            let what = context.map { "\($0.text): \(problem)" } ?? problem
            error(context?.mark ?? mark, "the figure block is not valid YAML: \(what)",
                  hint: "check quotes and indentation; text containing ': ' or starting with a quote needs \"…\"")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let name = duplicates.first ?? "?"
            let place = Self.lastOccurrence(of: name, in: block.yaml).map { location(line: $0.line, column: $0.column) }
            diagnostics.append(.error(at: place ?? location(context.mark), "key '\(name)' is given more than once",
                                      hint: "keep one '\(name):' line"))
        default:
            error(nil, "the figure block is not valid YAML: \(yamlError)", hint: "write one 'key: value' per line")
        }
    }

    /// Yams points at a duplicated key's first occurrence; the second is the one to remove, and the
    /// one an author just typed, so point there.
    static func lastOccurrence(of key: String, in yaml: String) -> (line: Int, column: Int)? {
        var found: (line: Int, column: Int)?
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop(while: { $0 == " " })
            if trimmed.hasPrefix(key + ":") {
                found = (index + 1, line.count - trimmed.count + 1)
            }
        }
        return found
    }
}
