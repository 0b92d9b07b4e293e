import Foundation

/// Danish-aware heading ids: `Læring og trivsel` → `laering-og-trivsel`.
///
/// Danish letters are transliterated the way Danes write them without æøå (æ→ae, ø→oe, å→aa)
/// rather than dropped, so ids stay readable and stable when a heading is re-worded elsewhere.
/// One `Slugger` per page: it numbers repeats (`-2`, `-3`, …) in document order.
public struct Slugger: Sendable {
    private var used: Set<String> = []
    /// Next suffix to try per base slug, so many repeats stay linear.
    private var nextSuffix: [String: Int] = [:]

    public init() {}

    /// The plain slug of a text, without de-duplication.
    public static func slug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isASCII {
                // Fast path: most headings are plain ASCII, which needs no Unicode normalisation.
                if let ascii = character.asciiValue, (0x61...0x7A).contains(ascii) || (0x30...0x39).contains(ascii) {
                    if pendingDash, !out.isEmpty { out.append("-") }
                    pendingDash = false
                    out.append(character)
                } else {
                    pendingDash = true
                }
                continue
            }
            let piece: String
            switch character {
            case "æ": piece = "ae"
            case "ø": piece = "oe"
            case "å": piece = "aa"
            case "ß": piece = "ss"
            default:
                // Strip accents: é → e, ü → u.
                let folded = String(character).decomposedStringWithCompatibilityMapping
                    .unicodeScalars.filter { !$0.properties.isGraphemeExtend && $0.isASCII }
                piece = String(String.UnicodeScalarView(folded))
            }
            for scalar in piece.unicodeScalars {
                if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                    if pendingDash, !out.isEmpty { out.append("-") }
                    pendingDash = false
                    out.unicodeScalars.append(scalar)
                } else {
                    pendingDash = true
                }
            }
            if piece.isEmpty { pendingDash = true }
        }
        return out.isEmpty ? "afsnit" : out
    }

    /// The slug for the next heading with this text, unique within the page.
    public mutating func next(_ text: String) -> String {
        let base = Self.slug(text)
        if used.insert(base).inserted { return base }
        var suffix = nextSuffix[base, default: 2]
        while used.contains("\(base)-\(suffix)") { suffix += 1 }
        nextSuffix[base] = suffix + 1
        let unique = "\(base)-\(suffix)"
        used.insert(unique)
        return unique
    }

    /// Marks an id as taken (e.g. ids the page template or figures use) so headings avoid it.
    public mutating func reserve(_ id: String) {
        used.insert(id)
    }
}
