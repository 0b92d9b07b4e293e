import Foundation

/// Trimming with Foundation's own character sets, without bridging the string to `NSString`.
///
/// Every heading (for its id and the table of contents) and every front-matter value is trimmed;
/// `trimmingCharacters(in:)` converts each string to `NSString` and back, which was 2–3 % of a
/// 10,000-page build. The sets stay Foundation's, so the result is the same (on Linux they include
/// U+200B ZERO WIDTH SPACE, for one, which a hand-written Unicode category test would miss).
extension String {
    /// Without leading and trailing `CharacterSet.whitespaces`.
    func trimmingSpaces() -> String {
        trimming(.whitespaces)
    }

    /// Without leading and trailing `CharacterSet.whitespacesAndNewlines`.
    func trimmingWhitespaceAndNewlines() -> String {
        trimming(.whitespacesAndNewlines)
    }

    private func trimming(_ set: CharacterSet) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !set.contains($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !set.contains($0) }) ?? first
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return self }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
