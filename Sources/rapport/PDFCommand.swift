import ArgumentParser
import Foundation
import RapportCore

struct PDF: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "Print the whole report (hele-rapporten) to PDF with headless Chromium.",
        discussion: """
        Builds the site into a temporary folder whose URLs are file paths, so the page loads its
        stylesheet and figures without a server, then prints it with Chromium's print stylesheet.
        Needs Debian's chromium (scripts/setup-browser-tools installs it). Example:

          rapport pdf --output rapport.pdf
        """)

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("PDF file to write.", valueName: "file"))
    var output = "rapport.pdf"

    @Option(name: .long, help: ArgumentHelp("Chromium executable.", valueName: "path"))
    var chromium = "chromium"

    func run() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-pdf-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: folder)
            // A failed build leaves its folder beside the output as the previous site.
            try? FileManager.default.removeItem(at: OutputWriter(output: folder).previousSite)
        }
        var options = site.buildOptions(output: folder.path)
        // Site URLs become absolute file paths, so file:// pages find their assets.
        options.basePath = LinkResolver.normaliseBasePath(folder.path)
        let result = SiteBuilder(options: options).build()
        Report.print(result, timings: site.timings)
        guard result.succeeded else { throw ExitCode.failure }
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("hele-rapporten/index.html").path) else {
            throw ValidationError("the site has no whole-report page (site.yaml: hele_rapporten: false) – set it to true to print the report")
        }

        let target = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                             "--print-to-pdf=\(target.path)", folder.appendingPathComponent("hele-rapporten/index.html").absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw ValidationError("could not start \(chromium): \(error) – install it with scripts/setup-browser-tools")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: target.path) else {
            throw ValidationError("\(chromium) could not print the report (status \(process.terminationStatus)) – check that chromium runs headless")
        }
        print("Wrote \(output).")
    }
}
