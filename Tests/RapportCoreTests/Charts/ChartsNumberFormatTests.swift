import Testing
@testable import RapportCore

@Suite struct ChartsNumberFormatTests {
    let nbsp = "\u{00A0}"

    @Test(arguments: [(0, "0"), (71, "71"), (1234, "1234"), (12345, "12.345"), (1_234_567, "1.234.567"), (-12345, "−12.345")])
    func integers(value: Int, expected: String) {
        #expect(DanishNumberFormat.integer(value) == expected)
    }

    @Test func decimalsUseCommaAndKeepTrailingZeros() throws {
        #expect(DanishNumberFormat.decimal(try #require(Fraction(310, 98))) == "3,16")
        #expect(DanishNumberFormat.decimal(try #require(Fraction(5, 1))) == "5,00")
        #expect(DanishNumberFormat.decimal(try #require(Fraction(1, 100))) == "0,01")
        #expect(DanishNumberFormat.decimal(try #require(Fraction(1, 8)), decimals: 1) == "0,1")
        #expect(DanishNumberFormat.decimal(try #require(Fraction(5, 2)), decimals: 0) == "3")
    }

    @Test func labels() {
        #expect(DanishNumberFormat.percent(35) == "35\(nbsp)%")
        // The table of 0–100 and the formula beyond it agree at and around its ends.
        for value in [-1, 0, 1, 99, 100, 101, 12_345] {
            #expect(DanishNumberFormat.percent(value) == DanishNumberFormat.integer(value) + "\(nbsp)%")
        }
        #expect(DanishNumberFormat.n(71) == "n=71")
        #expect(DanishNumberFormat.total(n: 71) == "100\(nbsp)(n=71)")
        #expect(DanishNumberFormat.mean(nil) == "–")
    }

    @Test func csvDecimalsUsePointAndNoGrouping() throws {
        #expect(DanishNumberFormat.csvDecimal(try #require(Fraction(107, 40))) == "2.68")
        #expect(DanishNumberFormat.csvDecimal(try #require(Fraction(123_456, 1))) == "123456.00")
    }
}
