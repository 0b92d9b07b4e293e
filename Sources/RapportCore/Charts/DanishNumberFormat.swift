/// Every number a reader sees in a figure is formatted here, the Danish way: decimal comma, `.` as
/// thousands separator, a space before `%`.
///
/// Pure functions on integers and `Fraction`s, no `Foundation` locales: the output must not depend on
/// the machine that builds the site, and golden files must not change with the ICU version.
public enum DanishNumberFormat {
    /// A no-break space, so "35 %" and "n = 71" never break across lines.
    public static let noBreakSpace = "\u{00A0}"

    /// `1234` → "1234", `12345` → "12.345". Four-digit numbers are not grouped (Danish practice; and
    /// "1.234" is too easily read as a decimal in a figure).
    public static func integer(_ value: Int) -> String {
        // Counts, percentages and n are almost always below 10,000: no sign, no grouping.
        if value >= 0 && value < 10_000 { return String(value) }
        let digits = String(value.magnitude)
        let sign = value < 0 ? "−" : ""
        guard digits.utf8.count > 4 else { return sign + digits }
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return sign + groups.joined(separator: ".")
    }

    /// A value with a fixed number of decimals, rounded half away from zero: 310/98 → "3,16".
    public static func decimal(_ value: Fraction, decimals: Int = 2) -> String {
        fixed(value, decimals: decimals, separator: ",", grouped: true)
    }

    /// The mean as printed in figures and tables; "–" when there is none (only "Ved ikke" answers).
    public static func mean(_ value: Fraction?) -> String {
        value.map { decimal($0) } ?? "–"
    }

    /// `35` → "35 %".
    public static func percent(_ value: Int) -> String {
        percents.indices.contains(value) ? percents[value] : integer(value) + noBreakSpace + "%"
    }

    /// "0 %" … "100 %", made once: every bar segment's tooltip and every table cell prints one, and
    /// joining a string with a no-break space each time was a tenth of writing a Likert chart.
    private static let percents: [String] = (0...100).map { integer($0) + noBreakSpace + "%" }

    /// `71` → "n=71", the form the reference report uses beside its bars.
    public static func n(_ value: Int) -> String {
        "n=" + integer(value)
    }

    /// The Likert "Total" column: `100 (n=71)`.
    public static func total(n: Int) -> String {
        "100" + noBreakSpace + "(" + self.n(n) + ")"
    }

    /// A machine-readable decimal for the CSV download: `.` as decimal separator, no grouping, so the
    /// comma-separated file needs no quoting and opens in any tool. 310/98 → "3.16".
    public static func csvDecimal(_ value: Fraction, decimals: Int = 2) -> String {
        fixed(value, decimals: decimals, separator: ".", grouped: false)
    }

    private static func fixed(_ value: Fraction, decimals: Int, separator: String, grouped: Bool) -> String {
        let scaled = value.rounded(decimals: decimals)
        var scale = 1
        for _ in 0..<max(decimals, 0) { scale *= 10 }
        let whole = grouped ? integer(scaled / scale) : String(scaled / scale)
        guard decimals > 0 else { return whole }
        let fraction = String(scaled % scale)
        return whole + separator + String(repeating: "0", count: max(decimals - fraction.count, 0)) + fraction
    }
}
