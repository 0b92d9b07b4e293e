import Testing
import Yams
@testable import RapportCore

@Suite struct YAMLWholeNumberTests {
    /// The fast path for plain decimal numbers gives exactly what Yams gives, for every other form too.
    @Test(arguments: ["0", "7", "42", "100", "010", "0x1F", "0o17", "0b101", "1_000", "-3", "+4", "1:30", "12a", "5.0",
                      "99999999999999999999", "9223372036854775807", "٣", "'5'", "\"5\"", "~", "null", "[1, 2]", "ja"])
    func wholeNumbersAreReadAsYamsReadsThem(_ text: String) throws {
        let node = try #require(try YAMLFields.compose("n: \(text)")?.mapping?["n"])
        #expect(node.wholeNumber == node.int, "\(text)")
    }

    @Test func elementListsAndNumbersUseTheFastPath() {
        let file = SourceFile(relativePath: "x.md", displayPath: "Content/x.md", text: "")
        var fields = YAMLFields(yaml: "nummer: 12\nelementer: [1, 4, 9]\nandet: 010", file: file, lineOffset: 0)
        #expect(fields.int("nummer") == 12)
        #expect(fields.ints("elementer")?.map(\.value) == [1, 4, 9])
        #expect(fields.int("andet") == 8, "YAML 1.1 reads a leading 0 as octal, as before")
    }
}
