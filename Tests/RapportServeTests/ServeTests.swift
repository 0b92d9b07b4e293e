import Testing
@testable import RapportServe
@Test func placeholder() { #expect(true) }
