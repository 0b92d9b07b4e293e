import Testing
@testable import RapportCore

/// Means, percentages and order, checked against numbers computed by hand (and against the
/// reference report where it prints them).
@Suite struct ChartsStatisticsTests {
    /// Counts in the default scale order: Slet ikke … I meget høj grad, Ved ikke.
    static let dontKnow = 5

    @Test func meanLeavesOutDontKnow() throws {
        // The reference report's figure 9, first row: 7/18/35/28/10 % and 1 % "Ved ikke", mean 3,16.
        // As counts (n = 99): (1·7 + 2·18 + 3·35 + 4·28 + 5·10) / 98 = 310/98 = 3,163…
        let mean = try #require(LikertStatistics.mean(counts: [7, 18, 35, 28, 10, 1], dontKnowIndex: Self.dontKnow))
        #expect(mean == Fraction(310, 98))
        #expect(DanishNumberFormat.mean(mean) == "3,16")
    }

    @Test func meanWithoutDontKnowCategoryCountsEveryColumn() throws {
        let mean = try #require(LikertStatistics.mean(counts: [1, 1], dontKnowIndex: nil))
        #expect(mean == Fraction(3, 2))
    }

    @Test func summaryOfTheReferenceRow() {
        let row = LikertTable.Row(question: "Q", counts: [7, 18, 35, 28, 10, 1], line: 2)
        let summary = LikertStatistics.summary(row, dontKnowIndex: Self.dontKnow)
        #expect(summary.n == 99)
        #expect(summary.valuedN == 98)
        // Exact shares 7,07 18,18 35,35 28,28 10,10 1,01 – floors sum to 99; the largest remainder
        // (35,35) gets the missing point. The reference report printed 35 and summed to 99.
        #expect(summary.percentages == [7, 18, 36, 28, 10, 1])
        #expect(summary.percentages.reduce(0, +) == 100)
    }

    @Test(arguments: [
        // 17/8 = 2,125: exactly half a hundredth.
        ([1, 5, 2, 0, 0, 0], "2,13"),
        // 107/40 = 2,675; as a Double 2.67499999…, which naive rounding prints as 2,67.
        ([5, 11, 16, 8, 0, 3], "2,68"),
        // 201/200 = 1,005; as a Double 1.00499999….
        ([199, 1, 0, 0, 0, 0], "1,01"),
        // 5/1: trailing zeros are kept.
        ([0, 0, 0, 0, 4, 9], "5,00"),
    ])
    func meanRoundsHalfAwayFromZero(counts: [Int], expected: String) {
        let mean = LikertStatistics.mean(counts: counts, dontKnowIndex: Self.dontKnow)
        #expect(DanishNumberFormat.mean(mean) == expected)
    }

    @Test func onlyDontKnowHasNoMean() {
        let row = LikertTable.Row(question: "Q", counts: [0, 0, 0, 0, 0, 5], line: 2)
        let summary = LikertStatistics.summary(row, dontKnowIndex: Self.dontKnow)
        #expect(summary.mean == nil)
        #expect(summary.valuedN == 0)
        #expect(summary.percentages == [0, 0, 0, 0, 0, 100])
        #expect(DanishNumberFormat.mean(summary.mean) == "–")
    }

    @Test(arguments: [
        ([1, 1, 1], [34, 33, 33]),
        ([0, 0, 5], [0, 0, 100]),
        ([3], [100]),
        ([0, 0, 0], [0, 0, 0]),
        ([2, 2, 2, 0], [34, 33, 33, 0]),
        ([1, 0, 1, 0, 1], [34, 0, 33, 0, 33]),
        ([1, 2, 1], [25, 50, 25]),
        ([1, 299], [0, 100]),
        ([1, 1, 1, 1, 1, 1, 1], [15, 15, 14, 14, 14, 14, 14]),
    ])
    func largestRemainder(weights: [Int], expected: [Int]) {
        #expect(LargestRemainder.apportion(weights) == expected)
    }

    /// Every share sums to the total and is within one unit of its exact value; zeros stay zero.
    @Test func largestRemainderInvariants() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<500 {
            let weights = (0..<Int.random(in: 1...8, using: &generator)).map { _ in Int.random(in: 0...120, using: &generator) }
            let shares = LargestRemainder.apportion(weights)
            let sum = weights.reduce(0, +)
            guard sum > 0 else { continue }
            #expect(shares.reduce(0, +) == 100)
            for (weight, share) in zip(weights, shares) {
                // |share − 100·w/sum| < 1  ⇔  |share·sum − 100·w| < sum
                #expect(abs(share * sum - 100 * weight) < sum)
                if weight == 0 { #expect(share == 0) }
            }
        }
    }

    @Test func sortingByMeanIsStableAndPutsMissingMeansLast() {
        let items: [(String, Fraction?)] = [
            ("a", Fraction(2, 1)), ("none", nil), ("b", Fraction(3, 1)), ("c", Fraction(4, 2)), ("d", Fraction(3, 1)),
        ]
        let sorted = LikertStatistics.sorted(items, by: \.1, sorting: .byMean).map(\.0)
        // b and d tie at 3 (input order kept); a and c tie at 2 (4/2 equals 2/1).
        #expect(sorted == ["b", "d", "a", "c", "none"])
        let original = LikertStatistics.sorted(items, by: \.1, sorting: .original).map(\.0)
        #expect(original == ["a", "none", "b", "c", "d"])
    }

    @Test func fractionsCompareByValue() throws {
        let half = try #require(Fraction(1, 2))
        let twoQuarters = try #require(Fraction(2, 4))
        #expect(half == twoQuarters)
        #expect(Set([half, twoQuarters]).count == 1)
        #expect(Fraction(1, 0) == nil)
        #expect(Fraction(-1, 2) == nil)
    }

    @Test(arguments: [
        ("3,16", Fraction(316, 100)), ("3.165", Fraction(3165, 1000)), ("4", Fraction(4, 1)),
        ("1,000001", Fraction(1_000_001, 1_000_000)),
        ("", nil), ("3,", nil), (",5", nil), ("3.1.4", nil), ("-2", nil), ("1e3", nil), ("1,0000001", nil), ("2,5 ", nil),
    ])
    func decimalParsing(text: String, expected: Fraction?) {
        #expect(Fraction.parseDecimal(text) == expected)
    }
}

/// A small deterministic generator (SplitMix64), so random-input tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
