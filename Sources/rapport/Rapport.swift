import ArgumentParser
import Foundation
import RapportCore

@main
struct Rapport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "Builds an accessible report website from Markdown, YAML and CSV.",
        discussion: """
        Reads Content/ (Markdown pages, site.yaml, CSV data) and Templates/ (Mustache), and writes a
        static site to public/. Example, in a folder that holds Content/ and Templates/:

          rapport build                         # → public/
          rapport build --base-url /evaluering/ # for a site published under a sub-path
          rapport check                         # validate only, write nothing
        """,
        subcommands: [Build.self, Check.self, Serve.self, PDF.self])
}

/// Options shared by every command that reads a site.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder with site.yaml and the Markdown pages.", valueName: "path"))
    var content = "Content"

    @Option(name: .long, help: ArgumentHelp("Folder with the Mustache templates and assets/.", valueName: "path"))
    var templates = "Templates"

    @Option(name: .customLong("base-url"),
            help: ArgumentHelp("Path the site is served under, e.g. /evaluering/ (default /).", valueName: "path"))
    var baseURL = "/"

    @Flag(name: .long, help: "Print how long each stage took.")
    var timings = false

    func buildOptions(output: String) -> BuildOptions {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return BuildOptions(contentDirectory: URL(fileURLWithPath: content, relativeTo: cwd),
                            contentDisplay: content,
                            templatesDirectory: URL(fileURLWithPath: templates, relativeTo: cwd),
                            templatesDisplay: templates,
                            outputDirectory: URL(fileURLWithPath: output, relativeTo: cwd),
                            basePath: baseURL)
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into the output folder.",
        discussion: """
        The site is built in a hidden folder beside the output and swapped in only when there are no
        errors, so an existing output folder is never left half-written. The replaced site stays
        beside it (.public.rapport-forrige) for the next build to write over. Example:

          rapport build --content Content --templates Templates --output public --base-url /
        """)

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("Folder to write the site to (replaced as a whole).", valueName: "path"))
    var output = "public"

    @Flag(name: .customLong("no-search"), help: "Skip the Pagefind search index even when Pagefind is installed.")
    var noSearch = false

    func run() throws {
        let started = ContinuousClock.now
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let indexer = noSearch ? nil : SearchIndexer.locate(in: cwd)
        let result = SiteBuilder(options: site.buildOptions(output: output)).build(searchIndexer: indexer)
        Report.print(result, timings: site.timings)
        if result.succeeded, indexer == nil, !noSearch {
            var standardError = FileHandle.standardError
            Swift.print("note: \(SearchIndexer.installHint)", to: &standardError)
        }
        guard result.succeeded else { throw ExitCode.failure }
        let seconds = started.duration(to: .now).seconds
        print("Built \(result.pageCount) pages (\(result.files.count) files) into \(output)/ in \(String(format: "%.2f", seconds)) s.")
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate content and templates; write nothing.",
        discussion: """
        Runs every check a build runs and exits 1 if any error is found. Example:

          rapport check --content Content --templates Templates
        """)

    @OptionGroup var site: SiteOptions

    func run() throws {
        let result = SiteBuilder(options: site.buildOptions(output: "public")).render()
        Report.print(result, timings: site.timings)
        guard result.succeeded else { throw ExitCode.failure }
        print("No problems found in \(result.pageCount) pages.")
    }
}

/// Terminal output: diagnostics on stderr in compiler form, then a count.
enum Report {
    static func print(_ result: BuildResult, timings: Bool) {
        var standardError = FileHandle.standardError
        for diagnostic in result.diagnostics {
            Swift.print(diagnostic.description, to: &standardError)
        }
        if !result.errors.isEmpty {
            let count = result.errors.count
            Swift.print("\(count) error\(count == 1 ? "" : "s"); nothing was written.", to: &standardError)
        }
        if timings {
            for timing in result.timings {
                Swift.print(String(format: "  %-10@ %8.1f ms", timing.stage as NSString, timing.seconds * 1000))
            }
        }
    }
}

extension FileHandle: @retroactive TextOutputStream {
    public func write(_ string: String) {
        write(Data(string.utf8))
    }
}
