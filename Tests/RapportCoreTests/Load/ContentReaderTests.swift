import Foundation
import Testing
@testable import RapportCore

@Suite struct ContentReaderTests {
    /// Files are read with `open`/`fstat`/`read`: whole, empty ones too, and a failure says what
    /// the system said, for the "cannot read file" error.
    @Test func readsWholeFilesAndSaysWhyNot() throws {
        let folder = Fixtures.temporaryFolder()
        defer { Fixtures.cleanUp(folder) }
        let large = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(large).write(to: folder.appendingPathComponent("stor.csv"))
        try Data().write(to: folder.appendingPathComponent("tom.md"))

        #expect(try ContentReader.readBytes(atPath: folder.path + "/stor.csv").get() == large)
        #expect(try ContentReader.readBytes(atPath: folder.path + "/tom.md").get() == [])
        guard case .failure(let missing) = ContentReader.readBytes(atPath: folder.path + "/mangler.md") else {
            Issue.record("a missing file was read")
            return
        }
        #expect(missing.reason == "No such file or directory")
        guard case .failure(let directory) = ContentReader.readBytes(atPath: folder.path) else {
            Issue.record("a folder was read as a file")
            return
        }
        #expect(directory.reason == "Is a directory")
    }

    @Test func textMustBeUTF8WithoutNUL() {
        #expect(ContentReader.decode(Array("Børn".utf8)) == "Børn")
        #expect(ContentReader.decode([0x42, 0x00, 0x43]) == nil)
        #expect(ContentReader.decode([0x42, 0xC3]) == nil)
        #expect(ContentReader.firstInvalidUTF8(in: Array("a\nbø".utf8) + [0xFF]) == (2, 4))
    }
}
