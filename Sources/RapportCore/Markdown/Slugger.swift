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
    ///
    /// Written for headings as they are: a text of standalone scalars (`isStandaloneCharacter`:
    /// Latin, Danish, dashes) is walked by scalar (ASCII without leaving the byte); anything else
    /// (combining marks, emoji, other scripts) goes through `Character`s. Walking
    /// every heading by `Character` after lowercasing it whole was 4 % of a 1,000-page build.
    /// Both ways give the same slug (tested over generated texts).
    public static func slug(_ text: String) -> String {
        var slug = SlugWriter()
        if text.unicodeScalars.allSatisfy(\.isStandaloneCharacter) {
            for scalar in text.unicodeScalars {
                if scalar.isASCII {
                    slug.appendASCII(UInt8(scalar.value))
                } else {
                    // `lowercased()` maps scalar by scalar, so this is what lowercasing the text does.
                    for character in String(scalar).lowercased() { slug.append(character) }
                }
            }
        } else {
            for character in text.lowercased() { slug.append(character) }
        }
        return slug.isEmpty ? "afsnit" : slug.text
    }

    /// The ASCII a lowercase character stands for in a slug: Danish letters as Danes write them
    /// without æøå, accents stripped (é → e, ü → u), nothing for a character without such a form.
    static func transliteration(_ character: Character) -> String {
        switch character {
        case "æ": return "ae"
        case "ø": return "oe"
        case "å": return "aa"
        case "ß": return "ss"
        default:
            let folded = String(character).decomposedStringWithCompatibilityMapping
                .unicodeScalars.filter { !$0.properties.isGraphemeExtend && $0.isASCII }
            return String(String.UnicodeScalarView(folded))
        }
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

/// Builds a slug: letters and digits kept, every other run of characters one dash. Collected as
/// bytes (a slug is ASCII): appending scalar by scalar to a `String` was most of the slug's cost.
private struct SlugWriter {
    private var bytes: [UInt8] = []
    private var pendingDash = false

    var isEmpty: Bool { bytes.isEmpty }
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// An ASCII scalar, lowercased here.
    mutating func appendASCII(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): keep(Unicode.Scalar(byte))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): keep(Unicode.Scalar(byte | 0x20))
        default: pendingDash = true
        }
    }

    /// A character of already lowercased text.
    mutating func append(_ character: Character) {
        if character.isASCII {
            if let ascii = character.asciiValue, (0x61...0x7A).contains(ascii) || (0x30...0x39).contains(ascii) {
                keep(Unicode.Scalar(ascii))
            } else {
                pendingDash = true
            }
            return
        }
        let piece = Slugger.transliteration(character)
        for scalar in piece.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                keep(scalar)
            } else {
                pendingDash = true
            }
        }
        if piece.isEmpty { pendingDash = true }
    }

    /// `scalar` is ASCII: a–z or 0–9.
    private mutating func keep(_ scalar: Unicode.Scalar) {
        if pendingDash, !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
        pendingDash = false
        bytes.append(UInt8(scalar.value))
    }
}
