/// Whole-number shares that add up exactly to a total (Hamilton's method).
///
/// Rounding each percentage on its own lets a row read 33 + 33 + 33 = 99 %, which readers take for
/// an error. Largest remainder gives every category the floor of its exact share and hands the
/// missing units to the largest remainders, so each row's printed percentages sum to exactly 100 and
/// no share is more than one unit away from its exact value. Integer arithmetic only: remainders
/// are compared exactly, and ties go to the earlier category, so the result is deterministic.
public enum LargestRemainder {
    /// Splits `total` in proportion to `weights` (all ≥ 0). When every weight is 0 there is nothing to
    /// split and every share is 0.
    ///
    /// A weight of 0 never receives a unit: the remainders sum to (missing units) × Σweights and each
    /// is below Σweights, so more categories have a positive remainder than there are units to hand out.
    public static func apportion(_ weights: [Int], total: Int = 100) -> [Int] {
        let sum = weights.reduce(0) { $0 + max($1, 0) }
        guard sum > 0, total > 0 else { return weights.map { _ in 0 } }
        var shares = weights.map { max($0, 0) * total / sum }
        let remainders = weights.map { max($0, 0) * total % sum }
        let missing = total - shares.reduce(0, +)
        // Largest remainder first; the earlier category wins a tie (stable, documented above).
        let order = remainders.indices.sorted { a, b in
            remainders[a] != remainders[b] ? remainders[a] > remainders[b] : a < b
        }
        for index in order.prefix(missing) {
            shares[index] += 1
        }
        return shares
    }
}
