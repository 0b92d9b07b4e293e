import Foundation
import Testing
@testable import RapportCore

/// Foundation's Danish comparison: the reference `DanishCollator` is held to (here and in
/// `SiteOrderTests`).
func danishOrder(_ a: String, _ b: String) -> Bool {
    a.compare(b, locale: Locale(identifier: "da_DK")) == .orderedAscending
}

/// `DanishCollator` is a faster path to Foundation's Danish order, not an order of its own.
@Suite struct DanishCollationTests {
    static let texts = [
        "Aabenraa", "Aalborg", "Aarhus", "aarhus", "Ab", "Abe", "Åbenrå", "Århus", "Ærø", "Æble", "æble", "Øster", "Ølstykke",
        "Zebra", "zoo", "Vejle", "vejle", "Herning", "herning", "Hé", "He", "Hè", "Lyngby-Taarbæk", "Lyngby Taarbæk",
        "LyngbyTaarbæk", "10 projekter", "9 projekter", "1 projekt", "", " ", "Ä", "Ö", "Ü", "Straße", "Strasse",
        "Projekt 2", "Projekt 10", "projekt 2", "Børn og forældre", "Børnehave", "Borne", "Læring i fællesskab",
        "Laering", "“Citat”", "(parentes)", "–tankestreg", "😀 emoji", "Ελληνικά", "Русский", "a\u{301}", "á",
    ]

    @Test func comparesAsFoundationDoes() {
        let collator = DanishCollator()
        let prepared = Self.texts.map(collator.text)
        for a in prepared {
            for b in prepared {
                #expect(collator.ascending(a, b) == danishOrder(a.string, b.string), "\(a.string) < \(b.string)")
            }
        }
    }

    @Test func sortsTheDanishLettersAfterZ() {
        #expect(DanishCollator().sorted(["Ærø", "Aabenraa", "Odense", "Zealand", "Øster", "Aalborg"])
                == ["Odense", "Zealand", "Ærø", "Øster", "Aabenraa", "Aalborg"])
    }
}
