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
}
