import Testing
@testable import RapportCore
@Test func version() { #expect(!RapportVersion.string.isEmpty) }
