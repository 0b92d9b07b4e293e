/// Means per category (and series), the data of a `søjler` figure, checked.
///
/// Comes either from a `kategori, [serie,] gennemsnit, n` CSV or from a Likert CSV. In the latter
/// case each question becomes a category with its mean, and `n` is the number of answers the mean
/// is computed from: "Ved ikke" excluded. That differs on purpose from the Likert figure's n (all
/// answers, the base of its percentages): each n is the base of the number printed beside it.
public struct ColumnTable: Sendable, Hashable {
    /// A mean and the number of answers behind it. `mean` is `nil` when a Likert question has only
    /// "Ved ikke" answers (then `n` is 0 and no column is drawn).
    public struct Value: Sendable, Hashable {
        public var mean: Fraction?
        public var n: Int

        public init(mean: Fraction?, n: Int) {
            self.mean = mean
            self.n = n
        }
    }

    public struct Category: Sendable, Hashable {
        public var name: String
        /// One entry per series, in `ColumnTable.series` order; `nil` where the CSV has no row.
        public var values: [Value?]

        public init(name: String, values: [Value?]) {
            self.name = name
            self.values = values
        }
    }

    /// Series names in order of first appearance; `[""]` when the CSV has no `serie` column.
    public var series: [String]
    public var categories: [Category]
    /// The valued scale points: the axis runs from 1 to `points.count`, its ends are named after the
    /// first and last point.
    public var points: [String]

    public init(series: [String], categories: [Category], points: [String]) {
        self.series = series
        self.categories = categories
        self.points = points
    }

    /// A legend is drawn only when series have names to show.
    public var hasNamedSeries: Bool { series.contains { !$0.isEmpty } }

    /// At most this many series: the series palette has this many colours that are told apart.
    public static let maximumSeries = 6

    /// Categories in display order: `.byMean` sorts by the first series' mean (the first series is
    /// the one the reader compares against), stable for ties; categories without it go last.
    public func sortedCategories(_ sorting: FigureSpec.Sorting) -> [Category] {
        LikertStatistics.sorted(categories, by: { $0.values.first??.mean }, sorting: sorting)
    }

    /// Each Likert question's mean as a column, one unnamed series.
    public init(likert: LikertTable) {
        let categories = likert.rows.map { row -> Category in
            let summary = LikertStatistics.summary(row, dontKnowIndex: likert.dontKnowIndex)
            return Category(name: row.question, values: [Value(mean: summary.mean, n: summary.valuedN)])
        }
        self.init(series: [""], categories: categories, points: likert.points)
    }
}
