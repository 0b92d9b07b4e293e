import Foundation
import Testing
@testable import RapportCore

@Suite struct WhitespaceTests {
    static let samples = [
        "", " ", "\t\n", "Læring", "  Læring og trivsel  ", "\u{00A0}Tekst\u{2003}", "\nlinje\r\n", "a\u{2028}",
        "\u{0085}x\u{0085}", " é\u{0301} ", "👩‍👩‍👧 ", "\u{200B}nul-bredde\u{200B}", "\u{3000}全角\u{3000}", " \u{000B}v\u{000C} ",
    ]

    @Test(arguments: samples)
    func trimsSpacesLikeFoundation(_ text: String) {
        #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces))
    }

    @Test(arguments: samples)
    func trimsWhitespaceAndNewlinesLikeFoundation(_ text: String) {
        #expect(text.trimmingWhitespaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Every scalar of the Basic Multilingual Plane, alone and around a word.
    @Test func agreesWithFoundationOnEveryBMPScalar() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "\(scalar)x\(scalar)"
            #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces), "U+\(String(value, radix: 16))")
            #expect(text.trimmingWhitespaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines), "U+\(String(value, radix: 16))")
        }
    }

    @Test func keepsInnerWhitespace() {
        #expect(" a \t b ".trimmingSpaces() == "a \t b")
        #expect("\n a \n b \n".trimmingWhitespaceAndNewlines() == "a \n b")
    }
}
