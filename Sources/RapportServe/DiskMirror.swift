import Foundation
import Logging
import RapportCore

/// Keeps the output folder in step with the served site, without slowing live reload down.
///
/// Writing a whole site atomically (what `rapport build` does, through `OutputWriter`) takes far
/// longer than rebuilding it after one edit (about 0.6 s against 35 ms for 1,000 pages), and
/// takes both cores while it runs. So writes happen off the rebuild path, only once the site
/// has been quiet for `quietPeriod`, and only for the newest build; a burst of saves costs one
/// write, after the burst. `flush()` writes whatever is pending at once, for shutdown.
actor DiskMirror {
    private let output: URL
    private let quietPeriod: Duration
    private let terminal: Terminal
    private var pending: [OutputFile]?
    private var generation = 0
    private var worker: Task<Void, Never>?

    init(output: URL, quietPeriod: Duration = .milliseconds(500), terminal: Terminal) {
        self.output = output
        self.quietPeriod = quietPeriod
        self.terminal = terminal
    }

    /// Schedules `files` to be written, replacing any build not yet written.
    func submit(_ files: [OutputFile]) {
        pending = files
        generation += 1
        if worker == nil {
            worker = Task { await self.drain(waiting: true) }
        }
    }

    /// Writes the pending build now and returns when the folder is up to date.
    func flush() async {
        if let worker {
            // Let the running pass finish (it may be mid-write), then write what is left now.
            worker.cancel()
            await worker.value
        }
        await drain(waiting: false)
    }

    private func drain(waiting: Bool) async {
        while pending != nil {
            if waiting {
                let seen = generation
                try? await Task.sleep(for: quietPeriod)
                if Task.isCancelled { break }
                if generation != seen { continue }
            }
            guard let files = pending else { break }
            pending = nil
            if let problem = await Self.write(files, to: output) {
                terminal.warn(problem.description)
            }
        }
        worker = nil
    }

    /// `OutputWriter` on a Dispatch thread: it is blocking work on all cores.
    private static func write(_ files: [OutputFile], to output: URL) async -> Diagnostic? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async {
                do {
                    try OutputWriter(output: output).write(files)
                    continuation.resume(returning: nil)
                } catch {
                    continuation.resume(returning: .error(at: SourceLocation(file: output.path), "could not write the site: \(error)",
                                                          hint: "check that the output folder's parent exists and is writable"))
                }
            }
        }
    }
}
