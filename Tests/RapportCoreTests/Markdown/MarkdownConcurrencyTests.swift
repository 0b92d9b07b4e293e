import Dispatch
import Testing
@testable import RapportCore

/// Debian's cmark-gfm 0.29.0.gfm.6 corrupts output when parsers finish concurrently (its inline
/// special-character table is process-wide). `MarkdownRenderer` serialises parsing; this test
/// renders 1,000 different documents at once and demands the same bytes as one at a time.
@Suite struct MarkdownConcurrencyTests {
    static func document(_ seed: Int) -> String {
        let words = ["læring", "trivsel", "forældre", "dagtilbud", "sprog", "samarbejde", "møde", "barn"]
        func word(_ i: Int) -> String { words[(seed * 7 + i * 3) % words.count] }
        return """
        ## Afsnit \(seed) om \(word(1))

        Tekst med *\(word(2))*, **\(word(3))**, ~~\(word(4))~~ og `kode \(seed)`; se www.example\(seed).dk og [link](side\(seed % 13).md#a).

        | \(word(5)) | n |
        |---|---:|
        | \(word(6)) | \(seed) |

        - [x] \(word(7)) \(seed)
        - punkt med fodnote[^\(seed % 3)]

        > citat \(String(repeating: "_\(word(0))_ ", count: seed % 5))

        [^\(seed % 3)]: Fodnote \(seed).
        """
    }

    @Test func concurrentRenderingEqualsSerialRendering() {
        let renderer = MarkdownRenderer()
        let file = SourceFile(relativePath: "x.md", displayPath: "x.md", text: "")
        let documents = (0..<1_000).map(Self.document)
        let serial = documents.map { renderer.render($0, file: file, options: MarkdownOptions()).html }
        let concurrent = documents.parallelMap { renderer.render($0, file: file, options: MarkdownOptions()).html }
        #expect(Set(serial).count == 1_000, "documents should differ, or the test proves nothing")
        let mismatches = zip(serial, concurrent).filter { $0 != $1 }.count
        #expect(mismatches == 0, "\(mismatches) of 1,000 documents rendered differently in parallel")
    }
}
