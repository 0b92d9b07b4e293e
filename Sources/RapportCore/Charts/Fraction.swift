/// An exact non-negative rational number: a mean such as 310/98, or a CSV value such as `3,165`
/// (3165/1000).
///
/// Means are printed with two decimals and rounded half away from zero. With `Double`, 3,165 is
/// stored as 3.16499999… and would print as "3,16"; keeping numerator and denominator as integers
/// makes the rounding exact and the figures reproducible. Inputs are bounded by the loaders (counts
/// ≤ `LikertTable.maximumCount`, decimals with ≤ 6 fraction digits), so products stay far inside
/// `Int`.
public struct Fraction: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let numerator: Int
    /// Always > 0.
    public let denominator: Int

    /// `nil` when the denominator is not positive or the numerator is negative.
    public init?(_ numerator: Int, _ denominator: Int) {
        guard denominator > 0, numerator >= 0 else { return nil }
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The value times 10^decimals, rounded half away from zero (values are never negative, so this is
    /// "half up"): floor((2·n·10^d + den) / (2·den)).
    public func rounded(decimals: Int) -> Int {
        var scale = 1
        for _ in 0..<max(decimals, 0) { scale *= 10 }
        return (2 * numerator * scale + denominator) / (2 * denominator)
    }

    /// For geometry only (bar heights); never for printed numbers.
    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    public static func < (lhs: Fraction, rhs: Fraction) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }

    /// Equal values compare equal even when written differently (2/4 == 1/2), so sorting and
    /// "highest mean" ties behave as a reader expects.
    public static func == (lhs: Fraction, rhs: Fraction) -> Bool {
        lhs.numerator * rhs.denominator == rhs.numerator * lhs.denominator
    }

    public func hash(into hasher: inout Hasher) {
        let divisor = Self.gcd(numerator, denominator)
        hasher.combine(numerator / divisor)
        hasher.combine(denominator / divisor)
    }

    public var description: String { "\(numerator)/\(denominator)" }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return max(x, 1)
    }

    /// Parses a decimal written with `.` or `,` (`3,16`, `3.165`, `4`). At most 3 integer digits and
    /// 6 fraction digits: survey means need no more, and the bound keeps arithmetic overflow-free.
    static func parseDecimal(_ text: String) -> Fraction? {
        let parts = text.split(separator: Character(text.contains(",") ? "," : "."), omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.count <= 3,
            whole.isASCIIDigits
        else { return nil }
        let fractionDigits = parts.count == 2 ? parts[1] : ""
        guard fractionDigits.count <= 6, fractionDigits.isASCIIDigits,
            parts.count == 1 || !fractionDigits.isEmpty
        else { return nil }
        var numerator = 0
        var denominator = 1
        for character in whole + fractionDigits {
            numerator = numerator * 10 + (character.wholeNumberValue ?? 0)
        }
        for _ in fractionDigits { denominator *= 10 }
        return Fraction(numerator, denominator)
    }
}

extension StringProtocol {
    /// Every character is `0`–`9` (true for ""); `Character.isNumber` would also accept other
    /// scripts' digits and fractions like "½". Checked by byte: an ASCII digit is a Character of its
    /// own only when no combining mark follows it, and a combining mark's bytes are not digits, so
    /// the answer is the same as asking each Character (a fifth of reading a Likert CSV).
    var isASCIIDigits: Bool {
        utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
