import Foundation
import Testing
@testable import RapportCore

/// A rebuild writes over the previous site (`PreviousSite`, `.public.rapport-forrige`): the output
/// must come out exactly as from an empty folder, and nothing outside the previous site may change.
@Suite struct PreviousSiteTests {
    struct Project {
        let root = Fixtures.temporaryFolder()
        var output: URL { root.appendingPathComponent("public") }
        var previous: URL { root.appendingPathComponent(".public.rapport-forrige") }
        var outside: URL { root.appendingPathComponent("udenfor") }
        var writer: OutputWriter { OutputWriter(output: output) }

        func write(_ site: [String: String], finish: (URL) throws -> Void = { _ in }) throws {
            try writer.write(site.map { OutputFile(path: $0.key, text: $0.value) }, finish: finish)
        }

        func cleanUp() { Fixtures.cleanUp(root) }
    }

    /// Every entry below `folder`, not following links: a file as its path and text, a folder as
    /// "path/", anything else as "path@".
    static func entries(_ folder: URL) -> [String: String] {
        var found: [String: String] = [:]
        func walk(_ path: String, _ relative: String) {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                let child = path + "/" + name, key = relative + name
                var status = stat()
                guard lstat(child, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFDIR:
                    found[key + "/"] = ""
                    walk(child, key + "/")
                case S_IFREG:
                    found[key] = (try? String(contentsOfFile: child, encoding: .utf8)) ?? "<binary>"
                default:
                    found[key + "@"] = ""
                }
            }
        }
        walk(folder.path, "")
        return found
    }

    /// `site` as `entries` lists it: its files and every folder they are in.
    static func tree(_ site: [String: String]) -> [String: String] {
        var tree = site
        for path in site.keys {
            var folder = path[...]
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                tree[folder + "/"] = ""
            }
        }
        return tree
    }

    static func inode(_ url: URL) -> UInt? {
        var status = stat()
        return lstat(url.path, &status) == 0 ? UInt(status.st_ino) : nil
    }

    @Test func aRebuildWritesOverThePreviousSiteAndLeavesExactlyTheNewOne() throws {
        let project = Project()
        defer { project.cleanUp() }
        let first = ["index.html": "første", "projekter/a/index.html": "A", "gammel/mappe/side.html": "væk",
                     "figurer/x.csv": "1,2,3,4,5,6"]
        try project.write(first)
        let firstInode = Self.inode(project.output.appendingPathComponent("index.html"))
        try project.write(["index.html": "anden"])
        #expect(Self.entries(project.previous) == Self.tree(first))

        let third = ["index.html": "tredje", "projekter/a/index.html": "A2", "figurer/x.csv": "1"]
        try project.write(third)
        // Shorter files are cut to length; the file and folders the third site lacks are gone.
        #expect(Self.entries(project.output) == Self.tree(third))
        // Written over, not created anew.
        #expect(firstInode != nil && Self.inode(project.output.appendingPathComponent("index.html")) == firstInode)
        #expect(Self.entries(project.previous) == ["index.html": "anden"])
        let siblings = try FileManager.default.contentsOfDirectory(atPath: project.root.path).sorted()
        #expect(siblings == [".public.rapport-forrige", "public"])
    }

    /// A file where the new site has a folder, a folder where it has a file, links to files and
    /// folders outside, a file with a second hard link outside: the new site comes out whole and
    /// nothing outside changes.
    @Test func whatStandsInTheWayIsReplacedAndNothingOutsideChanges() throws {
        let project = Project()
        defer { project.cleanUp() }
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: project.outside, withIntermediateDirectories: true)
        let secret = project.outside.appendingPathComponent("hemmelig.txt")
        try Data("uændret".utf8).write(to: secret)
        try project.write(["index.html": "første"])
        try project.write(["index.html": "anden"])  // the first site is now the previous one
        let previous = project.previous
        try Data("fil".utf8).write(to: previous.appendingPathComponent("a"))
        try fileManager.createDirectory(at: previous.appendingPathComponent("b"), withIntermediateDirectories: true)
        try Data("gammel".utf8).write(to: previous.appendingPathComponent("b/x.html"))
        try fileManager.createSymbolicLink(at: previous.appendingPathComponent("c"), withDestinationURL: secret)
        try fileManager.createSymbolicLink(at: previous.appendingPathComponent("d"), withDestinationURL: project.outside)
        try fileManager.linkItem(at: secret, to: previous.appendingPathComponent("e.html"))

        let site = ["a/index.html": "A", "b": "B", "c": "C", "d/index.html": "D", "e.html": "E", "index.html": "tredje"]
        try project.write(site)
        #expect(Self.entries(project.output) == Self.tree(site))
        #expect(Self.entries(project.outside) == ["hemmelig.txt": "uændret"])
    }

    /// The writer itself never writes through a link either (one made after the previous site was
    /// surveyed): the link is replaced by the file.
    @Test func theWriterReplacesALinkInsteadOfWritingThroughIt() throws {
        let project = Project()
        defer { project.cleanUp() }
        let staging = project.root.appendingPathComponent("staging")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: project.outside, withIntermediateDirectories: true)
        let secret = project.outside.appendingPathComponent("hemmelig.txt")
        try Data("uændret".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(at: staging.appendingPathComponent("side.html"), withDestinationURL: secret)
        #expect(OutputWriter.write(OutputFile(path: "side.html", text: "ny"), into: staging) == nil)
        #expect(Self.entries(staging) == ["side.html": "ny"])
        #expect(Self.entries(project.outside) == ["hemmelig.txt": "uændret"])
    }

    /// The search index is built over the staging folder: the previous site's other pages must be
    /// gone by then, or they would be found in the search.
    @Test func theFinishStepSeesOnlyTheNewSite() throws {
        let project = Project()
        defer { project.cleanUp() }
        try project.write(["index.html": "1", "projekter/gammel/index.html": "gammel", "pagefind/gammel.pf_fragment": "x"])
        try project.write(["index.html": "2"])
        var seen: [String: String] = [:]
        try project.write(["index.html": "3", "projekter/ny/index.html": "ny"]) { staging in seen = Self.entries(staging) }
        #expect(seen == Self.tree(["index.html": "3", "projekter/ny/index.html": "ny"]))
    }

    /// Claiming renames the previous site, so a second build running at the same time gets an
    /// empty folder instead of sharing it; both give their folders back.
    @Test func twoBuildsNeverShareThePreviousSite() throws {
        let project = Project()
        defer { project.cleanUp() }
        try project.write(["index.html": "1"])
        try project.write(["index.html": "2"])
        let first = try project.writer.prepareStaging()
        let second = try project.writer.prepareStaging()
        #expect(first.url != second.url)
        #expect(first.previous.files == ["index.html"])
        #expect(second.previous.files.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: project.previous.path))
        project.writer.abandon(first)
        project.writer.abandon(second)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: project.root.path).sorted()
        #expect(siblings == [".public.rapport-forrige", "public"])
    }

    /// A name that is not UTF-8 can be neither written by the site nor removed by path: such a
    /// previous site is not reused, and nothing of it reaches the output.
    @Test func aPreviousSiteWithANameThatIsNotUTF8IsNotReused() throws {
        let project = Project()
        defer { project.cleanUp() }
        try project.write(["index.html": "1"])
        try project.write(["index.html": "2"])
        let path = Array(project.previous.path.utf8) + [UInt8(ascii: "/"), 0xFF, UInt8(ascii: "x"), 0]
        let descriptor = path.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        #expect(descriptor >= 0)
        close(descriptor)
        try project.write(["index.html": "3"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.output.path) == ["index.html"])
    }

    /// A previous site that is a link to a folder elsewhere is not written through.
    @Test func aLinkInPlaceOfThePreviousSiteIsNotFollowed() throws {
        let project = Project()
        defer { project.cleanUp() }
        try FileManager.default.createDirectory(at: project.outside, withIntermediateDirectories: true)
        try Data("uændret".utf8).write(to: project.outside.appendingPathComponent("index.html"))
        try FileManager.default.createSymbolicLink(at: project.previous, withDestinationURL: project.outside)
        try project.write(["index.html": "ny"])
        #expect(Self.entries(project.output) == ["index.html": "ny"])
        #expect(Self.entries(project.outside) == ["index.html": "uændret"])
    }
}
