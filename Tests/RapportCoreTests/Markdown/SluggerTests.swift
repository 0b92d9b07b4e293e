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
}
