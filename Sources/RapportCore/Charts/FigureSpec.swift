/// A figure block, parsed and checked: what to draw, from which data, with which options.
///
/// Authors write the keys in Danish (see README, "Figures"); the Swift names are English like the
/// rest of the code. `parse` (in `FigureSpecParser.swift`) reports every problem with its position in
/// the Markdown file, so the spec itself only holds valid values.
public struct FigureSpec: Sendable, Hashable {
    /// The chart type. The raw values are the Swift names; `yamlName` is what authors write.
    public enum Kind: String, Sendable, CaseIterable {
        /// `likert`: one 100 % stacked bar per question.
        case likert
        /// `søjler`: vertical columns showing means.
        case columns

        /// The value of `type:` in the figure block.
        public var yamlName: String {
            switch self {
            case .likert: "likert"
            case .columns: "søjler"
            }
        }
    }

    /// Row/column order in the chart, the table and the CSV download.
    public enum Sorting: String, Sendable, CaseIterable {
        /// `gennemsnit`: highest mean first; ties keep the CSV order; rows without a mean go last.
        case byMean = "gennemsnit"
        /// `original`: the CSV order.
        case original
    }

    /// The answer scale used when `skala:` is not given (the reference report's five points plus
    /// "Ved ikke").
    public static let defaultScale = ["Slet ikke", "I mindre grad", "I nogen grad", "I høj grad", "I meget høj grad", "Ved ikke"]
    /// The category left out of means when `ved_ikke:` is not given (only if it is in the scale).
    public static let defaultDontKnow = "Ved ikke"
    /// Segments smaller than this many percent get no printed label (`etiket_graense:`).
    public static let defaultLabelThreshold = 5
    /// Scales may have this many points, not counting "Ved ikke": the palette is designed (and its
    /// contrast tested) for exactly these sizes.
    public static let supportedPoints = 2...7

    /// `[a-z0-9-]+`; the HTML id is `fig-<id>`.
    public var id: String
    public var kind: Kind
    public var title: String
    /// Relative to `Content/`, e.g. `data/forankring.csv`.
    public var dataPath: String
    public var source: String?
    /// `eksempeldata:` when given; `nil` means "use the page's flag".
    public var exampleData: Bool?
    /// The YAML's first line in the Markdown file.
    public var location: SourceLocation
    /// The `data:` value (for missing-CSV errors).
    public var dataLocation: SourceLocation
    public var sorting: Sorting
    /// Every answer category in order, "Ved ikke" included.
    public var scale: [String]
    /// The category left out of the mean, if any; always an element of `scale` (and its last one).
    public var dontKnow: String?
    /// Minimum segment percentage that gets a printed label.
    public var labelThreshold: Int
    /// Extra text for the SVG `<desc>`.
    public var description: String?

    public init(
        id: String, kind: Kind, title: String, dataPath: String, source: String? = nil, exampleData: Bool? = nil,
        location: SourceLocation, dataLocation: SourceLocation, sorting: Sorting = .byMean,
        scale: [String] = FigureSpec.defaultScale, dontKnow: String? = FigureSpec.defaultDontKnow,
        labelThreshold: Int = FigureSpec.defaultLabelThreshold, description: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.dataPath = dataPath
        self.source = source
        self.exampleData = exampleData
        self.location = location
        self.dataLocation = dataLocation
        self.sorting = sorting
        self.scale = scale
        self.dontKnow = dontKnow
        self.labelThreshold = labelThreshold
        self.description = description
    }

    /// The scale points that carry a value (1…k), i.e. the scale without "Ved ikke".
    public var points: [String] { scale.filter { $0 != dontKnow } }
}
