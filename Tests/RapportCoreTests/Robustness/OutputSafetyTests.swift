import Foundation
import Testing
@testable import RapportCore

extension Robustness {
    /// The output side: a build that cannot write fails with a clear error, never leaves a staging
    /// folder behind (only the previous site, `.public.rapport-forrige`, stays beside the output) and
    /// never damages the site in the output folder.
    @Suite struct OutputSafety {
        /// A project folder with the valid base site of the broken-input corpus and an old site in `public/`.
        struct Project {
            let folder = Fixtures.temporaryFolder()
            var content: URL { folder.appendingPathComponent("Content") }
            var output: URL { folder.appendingPathComponent("public") }

            init() throws {
                _ = try BrokenInputTests.compose(nil, in: folder)
                try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
                try Data("gammel side".utf8).write(to: output.appendingPathComponent("index.html"))
            }

            func options(output: URL? = nil) -> BuildOptions {
                Fixtures.options(content: content, templates: Fixtures.url("templates"), output: output ?? self.output)
            }

            var oldSiteIsIntact: Bool {
                (try? String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)) == "gammel side"
                    && (try? FileManager.default.contentsOfDirectory(atPath: output.path)) == ["index.html"]
            }

            /// Hidden `.public.rapport-<pid>-…` staging folders next to `folder` (none may survive a
            /// build); the previous site `.public.rapport-forrige` is not one.
            func stagingFolders(in parent: URL? = nil) -> [String] {
                ((try? FileManager.default.contentsOfDirectory(atPath: (parent ?? folder).path)) ?? [])
                    .filter { $0.contains(".rapport-") && !$0.hasSuffix(".rapport-forrige") }
            }

            var previousSite: URL { folder.appendingPathComponent(".public.rapport-forrige") }

            func cleanUp() { Fixtures.cleanUp(folder) }
        }

        /// `path: error: could not write the site: … – how to fix`, naming the output folder.
        static func isClearWriteError(_ diagnostic: Diagnostic, output: URL) -> Bool {
            diagnostic.severity == .error && diagnostic.location.file == output.standardizedFileURL.path
                && diagnostic.message.hasPrefix("could not write the site") && !diagnostic.hint.isEmpty
                && diagnostic.description.firstMatch(of: #/^[^:]+: error: .+ – .+$/#) != nil
        }

        /// False when this process can create files in a folder it made read-only: root can (as in
        /// CI here), so the test below is skipped and `parentIsARegularFile` and `parentUnderProc`
        /// cover the same failure with means that stop root too.
        static let readOnlyIsEnforced: Bool = {
            let folder = Fixtures.temporaryFolder()
            defer { Fixtures.cleanUp(folder) }
            try? FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
            return !FileManager.default.createFile(atPath: folder.appendingPathComponent("probe").path, contents: Data())
        }()

        @Test(.enabled(if: readOnlyIsEnforced, "permissions do not stop this user (root) from writing"))
        func readOnlyParentFailsClearlyAndKeepsTheOldSite() throws {
            let project = try Project()
            defer { project.cleanUp() }
            // The output's parent is the project folder; make it read-only.
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: project.folder.path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: project.folder.path) }
            let result = SiteBuilder(options: project.options()).build()
            #expect(!result.succeeded)
            #expect(result.errors.count == 1 && Self.isClearWriteError(result.errors[0], output: project.output), "\(result.diagnostics)")
            #expect(project.oldSiteIsIntact)
            #expect(project.stagingFolders().isEmpty)
        }

        @Test func parentIsARegularFile() throws {
            let project = try Project()
            defer { project.cleanUp() }
            let blocker = project.folder.appendingPathComponent("fil.txt")
            try Data("ikke en mappe".utf8).write(to: blocker)
            let output = blocker.appendingPathComponent("public")
            let result = SiteBuilder(options: project.options(output: output)).build()
            #expect(!result.succeeded)
            #expect(result.errors.count == 1 && Self.isClearWriteError(result.errors[0], output: output), "\(result.diagnostics)")
            #expect(try String(contentsOf: blocker, encoding: .utf8) == "ikke en mappe")
            #expect(project.oldSiteIsIntact)
            #expect(project.stagingFolders().isEmpty)
        }

        @Test func parentUnderProc() throws {
            let project = try Project()
            defer { project.cleanUp() }
            // procfs refuses new entries even to root.
            let output = URL(fileURLWithPath: "/proc/self/rapport-test/public")
            let result = SiteBuilder(options: project.options(output: output)).build()
            #expect(!result.succeeded)
            #expect(result.errors.count == 1 && Self.isClearWriteError(result.errors[0], output: output), "\(result.diagnostics)")
        }

        /// The search index is built in the staging folder before the swap: when it fails, the staging
        /// folder goes and the old site stays.
        @Test func failingFinishStepKeepsTheOldSite() throws {
            let project = try Project()
            defer { project.cleanUp() }
            let result = SiteBuilder(options: project.options()).build(searchIndexer: SearchIndexer(command: ["/bin/false"]))
            #expect(!result.succeeded)
            #expect(result.errors.count == 1 && Self.isClearWriteError(result.errors[0], output: project.output), "\(result.diagnostics)")
            #expect(project.oldSiteIsIntact)
            #expect(project.stagingFolders().isEmpty)
        }

        /// Pages, settings and CSV are read once: deleting a file after `ContentReader.read()` changes nothing.
        @Test func deletingContentAfterReadingChangesNothing() throws {
            let project = try Project()
            defer { project.cleanUp() }
            let reader = ContentReader(root: project.content, displayRoot: "Content")
            let before = reader.read()
            let (expected, expectedProblems) = SiteLoader.assemble(before, reader: reader)
            for path in ["kapitler/et.md", "data/ok.csv", "site.yaml", "index.md"] {
                try FileManager.default.removeItem(at: project.content.appendingPathComponent(path))
            }
            let (site, problems) = SiteLoader.assemble(before, reader: reader)
            #expect(problems.isEmpty && expectedProblems.isEmpty, "\(problems)")
            #expect(site?.pages == expected?.pages)
            #expect(site?.dataFiles == expected?.dataFiles)
            #expect(site?.pages.contains { $0.source.relativePath == "kapitler/et.md" } == true)
        }

        /// Files copied as they are (images) are read by the writer. One that disappears between
        /// rendering and writing fails the write; the old site and no staging folder remain.
        @Test func assetDeletedBeforeWritingFailsCleanly() throws {
            let project = try Project()
            defer { project.cleanUp() }
            let image = project.content.appendingPathComponent("kapitler/billede.png")
            try Data([0x89, 0x50, 0x4E, 0x47]).write(to: image)
            let result = SiteBuilder(options: project.options()).render()
            #expect(result.succeeded, "\(result.diagnostics)")
            try FileManager.default.removeItem(at: image)
            #expect(throws: (any Error).self) { try OutputWriter(output: project.output).write(result.files) }
            #expect(project.oldSiteIsIntact)
            #expect(project.stagingFolders().isEmpty)
        }

        /// `--output Content` or `--output .` would swap the site in for the author's own files and
        /// delete them with the old output: refused before anything is written.
        @Test(arguments: ["Content", ".", "Content/kapitler"])
        func outputThatHoldsTheInputIsRefused(_ relative: String) throws {
            let project = try Project()
            defer { project.cleanUp() }
            let output = project.folder.appendingPathComponent(relative)
            let before = Fixtures.readTree(project.content)
            let result = SiteBuilder(options: project.options(output: output)).build()
            #expect(!result.succeeded)
            #expect(result.errors.count == 1 && result.errors.first?.message.contains("would replace") == true, "\(result.diagnostics)")
            #expect(Fixtures.readTree(project.content) == before)
            #expect(project.oldSiteIsIntact)
            #expect(project.stagingFolders().isEmpty)
        }

        /// An output path naming an existing file would swap the file out and delete it.
        @Test func outputThatIsAFileIsRefused() throws {
            let project = try Project()
            defer { project.cleanUp() }
            let file = project.folder.appendingPathComponent("noter.txt")
            try Data("vigtige noter".utf8).write(to: file)
            let result = SiteBuilder(options: project.options(output: file)).build()
            #expect(!result.succeeded)
            #expect(result.errors.count == 1 && Self.isClearWriteError(result.errors[0], output: file), "\(result.diagnostics)")
            #expect(try String(contentsOf: file, encoding: .utf8) == "vigtige noter")
            #expect(project.stagingFolders().isEmpty)
        }

        /// A successful build replaces the old site completely and leaves nothing beside it.
        @Test func successfulBuildReplacesTheOldSite() throws {
            let project = try Project()
            defer { project.cleanUp() }
            let result = SiteBuilder(options: project.options()).build()
            #expect(result.succeeded, "\(result.diagnostics)")
            let onDisk = Fixtures.readTree(project.output)
            #expect(Set(onDisk.keys) == Set(result.files.map(\.path)))
            #expect(onDisk["index.html"] != "gammel side")
            #expect(project.stagingFolders().isEmpty)
            // The replaced site is kept to be written over by the next build.
            #expect(Fixtures.readTree(project.previousSite) == ["index.html": "gammel side"])
        }

        /// Ctrl-C or `kill` mid-build leaves the old site (only the final rename touches it) and a
        /// staging folder, which the next build takes over as the previous site (and writes over).
        /// A live process's folder is left alone.
        @Test func abandonedStagingFromADeadBuildIsRemovedByTheNextOne() throws {
            let project = try Project()
            defer { project.cleanUp() }
            let dead = project.folder.appendingPathComponent(".public.rapport-2147483647-1")  // above any pid_max
            let alive = project.folder.appendingPathComponent(".public.rapport-\(getpid())-2")
            let unrelated = project.folder.appendingPathComponent(".andet.rapport-2147483647-3")
            for folder in [dead, alive, unrelated] {
                try FileManager.default.createDirectory(at: folder.appendingPathComponent("projekter"), withIntermediateDirectories: true)
                try Data("halvt skrevet".utf8).write(to: folder.appendingPathComponent("projekter/index.html"))
            }
            #expect(project.oldSiteIsIntact)
            let result = SiteBuilder(options: project.options()).build()
            #expect(result.succeeded, "\(result.diagnostics)")
            #expect(project.stagingFolders().sorted() == [".andet.rapport-2147483647-3", ".public.rapport-\(getpid())-2"])
            // The dead build's folder was written over: it held the site now in `public/`, and holds the replaced one.
            #expect(Fixtures.readTree(project.previousSite) == ["index.html": "gammel side"])
            #expect(Set(Fixtures.readTree(project.output).keys) == Set(result.files.map(\.path)))
        }
    }
}
