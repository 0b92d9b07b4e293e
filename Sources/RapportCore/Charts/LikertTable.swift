/// Answers to a set of questions on one scale: the content of a Likert CSV, checked.
///
/// Holds counts, never percentages: percentages and means are derived (`LikertStatistics`), so the
/// figure, its table and its CSV download cannot disagree.
public struct LikertTable: Sendable, Hashable {
    /// One question and its answer counts, in scale order.
    public struct Row: Sendable, Hashable {
        public var question: String
        /// One count per scale category (same order as `LikertTable.scale`).
        public var counts: [Int]
        /// The CSV line the row starts on.
        public var line: Int

        public init(question: String, counts: [Int], line: Int) {
            self.question = question
            self.counts = counts
            self.line = line
        }
    }

    /// Larger counts are rejected: no survey has them, and the bound keeps `Fraction` arithmetic
    /// (products of sums of counts) far from overflowing `Int`.
    public static let maximumCount = 10_000_000

    /// Every category, "Ved ikke" included, in order.
    public var scale: [String]
    /// Index of the category left out of the mean (always the last one), if any.
    public var dontKnowIndex: Int?
    public var rows: [Row]

    public init(scale: [String], dontKnowIndex: Int?, rows: [Row]) {
        self.scale = scale
        self.dontKnowIndex = dontKnowIndex
        self.rows = rows
    }

    /// The number of valued scale points (1…k).
    public var pointCount: Int { scale.count - (dontKnowIndex == nil ? 0 : 1) }

    /// The scale without "Ved ikke".
    public var points: [String] { scale.enumerated().filter { $0.offset != dontKnowIndex }.map(\.element) }
}

/// The statistics a Likert figure shows, computed once per row.
public struct LikertRowSummary: Sendable, Hashable {
    public var question: String
    public var counts: [Int]
    /// Whole percentages (largest remainder), summing to exactly 100.
    public var percentages: [Int]
    /// All answers, "Ved ikke" included: the base of the percentages.
    public var n: Int
    /// Answers that count towards the mean ("Ved ikke" excluded).
    public var valuedN: Int
    /// `nil` when only "Ved ikke" was answered.
    public var mean: Fraction?
}

/// Percentages, n and means for Likert rows: pure functions, tested against the reference report.
public enum LikertStatistics {
    /// Σ k·count_k / Σ count_k over the valued points k = 1…k_max; "Ved ikke" is left out of both
    /// sums (it is not a point on the scale). `nil` when no valued answers exist.
    public static func mean(counts: [Int], dontKnowIndex: Int?) -> Fraction? {
        var weighted = 0
        var answers = 0
        var point = 0
        for (index, count) in counts.enumerated() where index != dontKnowIndex {
            point += 1
            weighted += point * count
            answers += count
        }
        return answers > 0 ? Fraction(weighted, answers) : nil
    }

    public static func summary(_ row: LikertTable.Row, dontKnowIndex: Int?) -> LikertRowSummary {
        let n = row.counts.reduce(0, +)
        let valued = n - (dontKnowIndex.flatMap { row.counts.indices.contains($0) ? row.counts[$0] : nil } ?? 0)
        return LikertRowSummary(
            question: row.question, counts: row.counts, percentages: LargestRemainder.apportion(row.counts),
            n: n, valuedN: valued, mean: mean(counts: row.counts, dontKnowIndex: dontKnowIndex))
    }

    /// Summaries in display order.
    public static func summaries(_ table: LikertTable, sorting: FigureSpec.Sorting) -> [LikertRowSummary] {
        let rows = table.rows.map { summary($0, dontKnowIndex: table.dontKnowIndex) }
        return sorted(rows, by: \.mean, sorting: sorting)
    }

    /// Highest mean first; equal means keep their input order (a stable sort, spelt out because
    /// `sorted(by:)` does not promise stability); items without a mean go last, in input order.
    public static func sorted<Item>(_ items: [Item], by mean: (Item) -> Fraction?, sorting: FigureSpec.Sorting) -> [Item] {
        guard sorting == .byMean else { return items }
        let order = items.indices.sorted { a, b in
            switch (mean(items[a]), mean(items[b])) {
            case (let x?, let y?): x != y ? x > y : a < b
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a < b
            }
        }
        return order.map { items[$0] }
    }
}
