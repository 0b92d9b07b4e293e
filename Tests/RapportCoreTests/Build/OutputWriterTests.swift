import Foundation
import Testing

@testable import RapportCore

@Suite struct OutputWriterTests {
    /// `parentPath` replaces `NSString.deletingLastPathComponent` for the paths `write` builds (an
    /// absolute staging folder plus a relative output path): it must agree with it on those.
    @Test(arguments: [
        "/tmp/.public.rapport-1-2/index.html",
        "/tmp/.public.rapport-1-2/projekter/rebild/index.html",
        "/tmp/.public.rapport-1-2/figurer/fig-1.csv",
        "/tmp/.public.rapport-1-2/søg/æøå/index.html",
        "/index.html",
        "/a",
    ])
    func parentPathAgreesWithFoundation(path: String) {
        #expect(OutputWriter.parentPath(of: path) == (path as NSString).deletingLastPathComponent)
    }

    @Test func parentPathOfTheRootAndOfABareName() {
        #expect(OutputWriter.parentPath(of: "/") == "/")
        #expect(OutputWriter.parentPath(of: "index.html") == ".")
    }

    /// Files are grouped by folder and written on several threads: every file must still land,
    /// and each outcome must come back at its own file's position (a failure in the middle names
    /// the file that failed, not a neighbour).
    @Test func placingManyFilesKeepsEveryOutcomeAtItsFilesPosition() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-place-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [OutputFile] = []
        for number in 0..<60 {
            // Interleaved folders, so that grouping reorders the work.
            let path = ["figurer/f\(number).csv", "data/d\(number).csv", "projekter/p\(number)/index.html"][number % 3]
            files.append(OutputFile(path: path, text: "fil \(number)"))
        }
        // A copy of a file that is not there fails.
        files.insert(OutputFile(path: "blokeret/under.html", copying: folder.appendingPathComponent("findes-ikke.png")), at: 31)

        let placed = OutputTarget.folder(folder).placeAll(files)

        #expect(placed.map(\.file.path) == files.map(\.path))
        #expect(placed.indices.filter { placed[$0].failure != nil } == [31])
        #expect(placed[31].failure?.hasPrefix("blokeret/under.html:") == true)
        for (position, file) in files.enumerated() where position != 31 {
            guard case .text(let text) = file.contents else { continue }
            let written = try String(contentsOf: folder.appendingPathComponent(file.path), encoding: .utf8)
            #expect(written == text, "\(file.path)")
        }
    }
}
