/// Figures of one page: spec parsed, data loaded, ready to be numbered and drawn.
struct PreparedFigure: Sendable {
    var spec: FigureSpec
    var data: FigureData
}

/// Parses each page's `figur` blocks and loads their CSV data. Pure: the CSV texts were read once
/// by `ContentReader`, and a CSV used by several figures is simply looked up again.
enum FigureStage {
    static func prepare(_ blocks: [FigureBlock], dataFiles: [String: SourceFile]) -> (figures: [PreparedFigure?], diagnostics: [Diagnostic]) {
        var figures: [PreparedFigure?] = []
        var diagnostics: [Diagnostic] = []
        for block in blocks {
            switch FigureSpec.parse(block) {
            case .failure(let list):
                diagnostics += list.diagnostics
                figures.append(nil)
            case .success(let spec):
                switch FigureData.load(for: spec, csv: dataFiles[spec.dataPath]) {
                case .failure(let list):
                    diagnostics += list.diagnostics
                    figures.append(nil)
                case .success(let data):
                    figures.append(PreparedFigure(spec: spec, data: data))
                }
            }
        }
        return (figures, diagnostics)
    }
}
