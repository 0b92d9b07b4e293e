import Foundation
import Hummingbird
import Logging
import RapportCore
import ServiceLifecycle

/// How `rapport serve` runs.
public struct ServeOptions: Sendable {
    public var build: BuildOptions
    /// Loopback by default: a preview of unpublished content is nobody else's business.
    public var host = "127.0.0.1"
    /// 0 picks any free port (tests).
    public var port = 8000
    /// How many ports from `port` on to try when it is taken.
    public var portAttempts = 20
    /// Also write good builds to `build.outputDirectory`, as `rapport build` would (in the
    /// background, once saving pauses; see `DiskMirror`).
    public var writeOutput = true
    public var watchMode: FileWatcher.Mode = .automatic
    /// Print how long each stage of every rebuild took.
    public var timings = false
    /// Ctrl-C (SIGINT) and SIGTERM stop gracefully; tests turn this off and call `shutdown()`.
    public var handlesSignals = true

    public init(build: BuildOptions) {
        self.build = build
    }
}

/// Writes user-facing lines straight to the terminal, unbuffered, so a script reading the
/// output through a pipe sees the URL as soon as it is printed.
public struct Terminal: Sendable {
    public var quiet = false

    public init(quiet: Bool = false) {
        self.quiet = quiet
    }

    public func say(_ line: String) {
        guard !quiet else { return }
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    public func warn(_ line: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// `rapport serve`: builds the site, serves it with live reload, rebuilds on every change.
///
/// Made of: `Rebuilder` (render with the draft cache, snapshot, diff), `LiveSite` (the actor
/// holding the served snapshot and the open event streams), `PreviewResponder` (HTTP),
/// `FileWatcher` (inotify or polling) and `WatchService` (the loop tying watcher to rebuilds,
/// run as a service of the Hummingbird application so that graceful shutdown stops it too).
public struct PreviewServer: Sendable {
    public let options: ServeOptions
    public let terminal: Terminal
    public var logger: Logger
    let site = LiveSite()
    private let control = ShutdownControl()

    public init(options: ServeOptions, terminal: Terminal = Terminal(), logger: Logger = Logger(label: "rapport.serve")) {
        self.options = options
        self.terminal = terminal
        self.logger = logger
    }

    public enum Failure: Error, CustomStringConvertible {
        case noFreePort(host: String, from: Int, attempts: Int)

        public var description: String {
            switch self {
            case .noFreePort(let host, let from, let attempts):
                "ports \(from)–\(from + attempts - 1) on \(host) are all taken; pass another with --port"
            }
        }
    }

    /// Builds, listens, and serves until the task is cancelled or a shutdown signal arrives.
    /// `onReady` gets the address once the server accepts connections.
    public func run(onReady: @escaping @Sendable (URL) async -> Void = { _ in }) async throws {
        // Watch before the first build, so that a save during it is not missed but rebuilt after.
        let changes = FileWatcher(roots: [options.build.contentDirectory, options.build.templatesDirectory],
                                  mode: options.watchMode, logger: logger).changes()
        var rebuilder = Rebuilder(options: options.build)
        let mirror = options.writeOutput ? DiskMirror(output: options.build.outputDirectory, terminal: terminal) : nil
        let watch = WatchService(site: site, basePath: options.build.basePath, mirror: mirror,
                                 timings: options.timings, reporter: BuildErrorReporter(options: options.build),
                                 terminal: terminal, logger: logger)
        await watch.rebuild(&rebuilder, reason: nil)

        let port = try choosePort()
        let host = options.host
        let basePath = options.build.basePath
        let app = Application(
            responder: PreviewResponder(site: site, gate: RequestGate(basePath: basePath, hosts: hostPolicy())),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            services: [WatchRunner(watch: watch, changes: changes, rebuilder: rebuilder)],
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                let shownHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
                await onReady(URL(string: "http://\(shownHost):\(bound)\(basePath)")!)
            },
            logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: options.handlesSignals ? [.sigint, .sigterm] : [],
                                                       logger: logger))
        await control.started(group)
        try await group.run()
    }

    /// Stops the server the way Ctrl-C does: open event streams end, the watcher stops, and `run`
    /// returns once in-flight requests are answered. Before the server has started, it is
    /// remembered and takes effect as soon as it does.
    public func shutdown() async {
        await control.shutdown()
    }

    private func choosePort() throws -> Int {
        guard options.port != 0 else { return 0 }
        guard let found = PortFinder.firstFree(host: options.host, from: options.port, attempts: options.portAttempts) else {
            throw Failure.noFreePort(host: options.host, from: options.port, attempts: options.portAttempts)
        }
        if !found.taken.isEmpty {
            let list = found.taken.map(String.init).joined(separator: ", ")
            terminal.warn("Port \(list) \(found.taken.count == 1 ? "is" : "are") already in use; using \(found.port) instead.")
        }
        return found.port
    }

    private func hostPolicy() -> HostPolicy {
        guard !HostPolicy.isLoopback(options.host) else { return HostPolicy() }
        terminal.warn("""
            Warning: serving on \(options.host), not only on this machine: anyone who can reach it on the network \
            can read the unpublished site. Use --host 127.0.0.1 to keep it private.
            """)
        return HostPolicy(allowsIPLiterals: true, extraName: options.host.lowercased())
    }
}

/// Hands a shutdown request to the service group, whichever comes first.
private actor ShutdownControl {
    private var group: ServiceGroup?
    private var requested = false

    func started(_ group: ServiceGroup) async {
        self.group = group
        if requested { await group.triggerGracefulShutdown() }
    }

    func shutdown() async {
        requested = true
        await group?.triggerGracefulShutdown()
    }
}

/// Runs the watch loop as a service of the application: it starts with the server and ends on
/// graceful shutdown (Ctrl-C), which ends the watcher's stream and so stops its thread.
struct WatchRunner: Service, CustomStringConvertible {
    let watch: WatchService
    let changes: AsyncStream<FileChanges>
    let rebuilder: Rebuilder

    /// ServiceLifecycle logs each service's description; without this it would reflect over the
    /// whole site held in the rebuilder's caches.
    var description: String { "rapport watch and rebuild" }

    func run() async {
        var rebuilder = rebuilder
        for await changes in changes.cancelOnGracefulShutdown() {
            await watch.rebuild(&rebuilder, reason: changes)
        }
        // Leave the output folder matching what was served last.
        await watch.mirror?.flush()
    }
}

/// One rebuild, start to finish: render, publish to the pages, report in the terminal, hand the
/// files to the disk mirror.
struct WatchService: Sendable {
    let site: LiveSite
    let basePath: String
    let mirror: DiskMirror?
    let timings: Bool
    let reporter: BuildErrorReporter
    let terminal: Terminal
    let logger: Logger

    func rebuild(_ rebuilder: inout Rebuilder, reason: FileChanges?) async {
        let started = ContinuousClock.now
        let outcome = await rebuilder.rebuild()
        switch outcome {
        case .failed(let problems, let result):
            await site.publish(errors: reporter.report(problems))
            for diagnostic in result.diagnostics.filter({ $0.severity == .warning }) + problems {
                terminal.warn(diagnostic.description)
            }
            let count = problems.count
            terminal.warn("\(count) error\(count == 1 ? "" : "s"); still serving the last good build.")
        case .built(let snapshot, let change, let result):
            let event = await site.publish(snapshot, change: change, basePath: basePath)
            let elapsed = started.duration(to: .now)
            for diagnostic in result.diagnostics { terminal.warn(diagnostic.description) }
            terminal.say(summary(result, change: change, event: event, elapsed: elapsed, rebuilder: rebuilder, first: reason == nil))
            if timings {
                let stages = result.timings.map { "\($0.stage) \(String(format: "%.1f", $0.seconds * 1000)) ms" }
                terminal.say("  " + stages.joined(separator: ", "))
            }
            await mirror?.submit(result.files)
        }
        if let reason {
            logger.debug("rebuilt after changes", metadata: ["paths": "\(reason.paths.sorted())"])
        }
    }

    private func summary(_ result: BuildResult, change: SnapshotChange, event: ServerEvent?, elapsed: Duration,
                         rebuilder: Rebuilder, first: Bool) -> String {
        let milliseconds = String(format: "%.1f", Double(elapsed.components.attoseconds) / 1e15
                                  + Double(elapsed.components.seconds) * 1000)
        if first {
            return "Built \(result.pageCount) pages (\(result.files.count) files) in \(milliseconds) ms."
        }
        let pages = "Markdown for \(rebuilder.markdownPages), templates for \(rebuilder.assembledPages) of \(result.pageCount) pages"
        let files = "\(change.paths.count) file\(change.paths.count == 1 ? "" : "s") changed"
        let sent = event.map { " → \($0.name)" } ?? ""
        return "Rebuilt in \(milliseconds) ms: \(pages), \(files)\(sent)."
    }
}
