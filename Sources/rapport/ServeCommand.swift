import ArgumentParser
import Dispatch
import Foundation
import Logging
import RapportCore
import RapportServe

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve on http://127.0.0.1:8000/ and rebuild with live reload on every change.",
        discussion: """
        Watches the content and template folders; after each save only the changed pages are
        rendered again and open pages reload (stylesheet changes apply without a reload). When a
        build fails, the last good site stays up and the page shows the errors. Good builds are
        also written to the output folder (once saving pauses), without the live-reload script.
        Ctrl-C stops.

          rapport serve                       # http://127.0.0.1:8000/ (next free port if taken)
          rapport serve --port 8080 --open    # and open it in the browser
          rapport serve --base-url /evaluering/
        """)

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("Port to listen on; if taken, the next free one of 20 is used.", valueName: "number"))
    var port = 8000

    @Option(name: .long, help: ArgumentHelp("Address to listen on. Anything but loopback shares the preview with the network.",
                                            valueName: "address"))
    var host = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("Folder each good build is written to (replaced as a whole).", valueName: "path"))
    var output = "public"

    @Flag(name: .customLong("no-write"), help: "Serve from memory only; leave the output folder alone.")
    var noWrite = false

    @Flag(name: .customLong("poll"), help: "Scan for changes every 300 ms instead of using inotify (e.g. network folders).")
    var poll = false

    @Flag(name: .long, help: "Open the site in the default browser.")
    var open = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    /// The root command is synchronous, so this one waits for the async server on a semaphore.
    /// Safe here: the main thread is not one of Swift's cooperative threads, and nothing in the
    /// server needs the main actor.
    func run() throws {
        var options = ServeOptions(build: site.buildOptions(output: output))
        options.host = host
        options.port = port
        options.writeOutput = !noWrite
        options.watchMode = poll ? .polling : .automatic
        options.timings = site.timings
        var logger = Logger(label: "rapport.serve")
        // LOG_LEVEL=debug shows the watcher's and Hummingbird's workings, as Hummingbird apps do.
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let server = PreviewServer(options: options, logger: logger)
        let terminal = server.terminal
        let openBrowser = open
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run { url in
                    terminal.say("Serving on \(url.absoluteString)  (Ctrl-C to stop)")
                    if openBrowser { Browser.open(url, terminal: terminal) }
                }
            } catch {
                outcome.fail(error)
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error {
            terminal.warn("error: \(error)")
            throw ExitCode.failure
        }
    }
}

/// Carries a failure from the server task back to the waiting main thread.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    var error: (any Error)? { lock.withLock { stored } }

    func fail(_ error: any Error) {
        lock.withLock { stored = error }
    }
}

enum Browser {
    /// `xdg-open` (Linux desktops) or `open` (macOS); a note instead when neither is there.
    static func open(_ url: URL, terminal: Terminal) {
        for tool in ["/usr/bin/xdg-open", "/usr/bin/open"] where FileManager.default.isExecutableFile(atPath: tool) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = [url.absoluteString]
            if (try? process.run()) != nil { return }
        }
        terminal.warn("Could not open a browser here; open \(url.absoluteString) yourself.")
    }
}
