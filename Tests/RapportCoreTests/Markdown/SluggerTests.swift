import Foundation
import Testing
@testable import RapportCore

@Suite struct SluggerTests {
    @Test(arguments: [
        ("Læring og trivsel", "laering-og-trivsel"),
        ("Økonomi & omkostninger", "oekonomi-omkostninger"),
        ("Århus, Ærø og Østbanen", "aarhus-aeroe-og-oestbanen"),
        ("4.1 Ni betydningsfulde elementer", "4-1-ni-betydningsfulde-elementer"),
        ("Café über naïve", "cafe-uber-naive"),
        ("  --  ", "afsnit"),
        ("ÆØÅ", "aeoeaa"),
    ])
    func slug(_ input: String, _ expected: String) {
        #expect(Slugger.slug(input) == expected)
    }

    @Test func repeatsAreNumberedInOrder() {
        var slugger = Slugger()
        #expect(["Mål", "Mål", "Mål-2", "Mål"].map { slugger.next($0) } == ["maal", "maal-2", "maal-2-2", "maal-3"])
    }

    /// The slug as first written (lowercase the text, then one `Character` at a time, each
    /// transliterated): the scalar walk must give the same slug for every text.
    static func plainSlug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for character in text.lowercased() {
            let piece = Slugger.transliteration(character)
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

    /// Every scalar up to U+2FFF between letters, and at both ends.
    @Test func agreesWithTheCharacterWalkOnEveryScalar() {
        for value in UInt32(0)...0x2FFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["a\(scalar)b", "\(scalar)Æ\(scalar)", "1\(scalar)"] {
                #expect(Slugger.slug(text) == Self.plainSlug(text), "U+\(String(value, radix: 16))")
            }
        }
    }

    /// Texts mixing the cases that decide between the two walks: combining marks after ASCII and
    /// Danish letters, İ (lowercases to two scalars), CR LF, emoji with joiners, keycaps.
    @Test func agreesWithTheCharacterWalkOnMixedTexts() {
        let pieces = ["Læring", " og ", "TRIVSEL", "é", "e\u{301}", "Å\u{30A}", "İ", "\r\n", "–", "’", "½", "ﬁ", "👩‍👧",
                      "1\u{FE0F}\u{20E3}", "x", "Ø", "-", "ß", "§ 4.1", "\u{200D}", "ǅ", "Ⅻ", "\u{00AD}", "日本"]
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Slugger.slug(text) == Self.plainSlug(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}

