import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Logging
import RapportCore

/// Files that changed below the watched folders, coalesced into one batch per burst of saves.
public struct FileChanges: Sendable, Equatable {
    /// Absolute paths of changed files and folders (what the OS reported; may name deleted files).
    public var paths: Set<String>
    /// The OS lost track (inotify queue overflow): anything may have changed.
    public var overflowed = false
}

/// Watches folders recursively and reports changes as an `AsyncStream`.
///
/// On Linux it uses inotify, with a watch per folder (added as folders appear); where inotify
/// is unavailable or out of watches it scans every `pollInterval` instead, comparing size,
/// modification time and inode of every file. Either way one dedicated thread does the
/// waiting, and stops when the stream's consumer goes away.
///
/// Bursts are coalesced: after an event the watcher waits until the folders have been quiet
/// for a moment. How long depends on what happened: an editor that has finished a file
/// (closed it after writing, renamed a temporary over it, deleted it) gets `settleAfterClose`,
/// a file still open for writing gets `settle`, so a save is picked up within milliseconds but
/// a half-written file is not built.
public struct FileWatcher: Sendable {
    public enum Mode: Sendable {
        /// inotify where it works, else polling.
        case automatic
        case polling
    }

    public var roots: [URL]
    public var mode: Mode
    public var settle: Duration = .milliseconds(50)
    public var settleAfterClose: Duration = .milliseconds(5)
    public var pollInterval: Duration = .milliseconds(300)
    public var logger: Logger

    public init(roots: [URL], mode: Mode = .automatic, logger: Logger = Logger(label: "rapport.watch")) {
        self.roots = roots.map(\.standardizedFileURL)
        self.mode = mode
        self.logger = logger
    }

    /// Starts watching. The watches are in place (or the polling baseline taken) when this
    /// returns, so any change made afterwards is reported, even before the stream is iterated.
    /// The watching thread stops when the iterating task is cancelled or the stream is dropped.
    public func changes() -> AsyncStream<FileChanges> {
        let (stream, continuation) = AsyncStream.makeStream(of: FileChanges.self, bufferingPolicy: .bufferingNewest(16))
        guard let stop = StopSignal() else {
            logger.error("could not create a pipe; not watching for changes")
            continuation.finish()
            return stream
        }
        continuation.onTermination = { _ in stop.fire() }
        let loop = WatchLoop(watcher: self, stop: stop) { continuation.yield($0) }
        let thread = Thread {
            var loop = loop
            loop.run()
            continuation.finish()
            stop.close()
        }
        thread.name = "rapport.watch"
        thread.start()
        return stream
    }
}

/// A pipe whose read end becomes readable when `fire()` is called: wakes the watching thread out
/// of `poll()` from any thread, which a flag could not do. The lock makes `fire()` after `close()`
/// a no-op instead of a write to a descriptor number that may have been reused.
final class StopSignal: @unchecked Sendable {
    let readEnd: Int32
    private let writeEnd: Int32
    private let lock = NSLock()
    private var closed = false

    init?() {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        readEnd = ends[0]
        writeEnd = ends[1]
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
    }

    func fire() {
        lock.withLock {
            guard !closed else { return }
            var byte: UInt8 = 1
            _ = Glibc.write(writeEnd, &byte, 1)
        }
    }

    /// Called once, by the watching thread, after it stopped waiting.
    func close() {
        lock.withLock {
            guard !closed else { return }
            closed = true
            _ = Glibc.close(readEnd)
            _ = Glibc.close(writeEnd)
        }
    }
}

/// The watching thread's state: set up by `changes()` on the caller's thread, then handed to the
/// watching thread, which alone uses it from there on.
struct WatchLoop: Sendable {
    enum Backend: Sendable {
        case inotify(Inotify)
        case polling(PollingScanner, [String: FileStamp])
    }

    let watcher: FileWatcher
    let stop: StopSignal
    let emit: @Sendable (FileChanges) -> Void
    private var backend: Backend
    private var pending = FileChanges(paths: [])
    private var deadline: ContinuousClock.Instant?

    init(watcher: FileWatcher, stop: StopSignal, emit: @escaping @Sendable (FileChanges) -> Void) {
        self.watcher = watcher
        self.stop = stop
        self.emit = emit
        if watcher.mode == .automatic, let inotify = Inotify(roots: watcher.roots, logger: watcher.logger) {
            watcher.logger.debug("watching with inotify", metadata: ["folders": "\(inotify.watchCount)"])
            backend = .inotify(inotify)
        } else {
            let scanner = PollingScanner(roots: watcher.roots)
            backend = .polling(scanner, scanner.scan())
        }
    }

    mutating func run() {
        if case .inotify(var inotify) = backend {
            runInotify(&inotify)
            inotify.close()
            guard inotify.failed else { return }
            watcher.logger.warning("inotify stopped working; polling every \(watcher.pollInterval) instead")
            let scanner = PollingScanner(roots: watcher.roots)
            backend = .polling(scanner, scanner.scan())
            // What changed while switching over is unknown: have everything rebuilt once.
            emit(FileChanges(paths: [], overflowed: true))
        }
        if case .polling(let scanner, let known) = backend {
            runPolling(scanner, known: known)
        }
    }

    /// Waits on inotify and the stop pipe; returns when stopped or when inotify fails.
    private mutating func runInotify(_ inotify: inout Inotify) {
        while true {
            var fds = [pollfd(fd: stop.readEnd, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: inotify.descriptor, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, timeoutMilliseconds())
            if ready < 0 && errno != EINTR { return }
            if fds[0].revents != 0 { return }
            if fds[1].revents != 0 {
                for event in inotify.drain() { note(event.path, finished: event.finished, overflowed: event.overflowed) }
                if inotify.failed { return }
            }
            flushIfDue()
        }
    }

    /// Rescans every `pollInterval`; a difference is reported once the folders are quiet.
    private mutating func runPolling(_ scanner: PollingScanner, known: [String: FileStamp]) {
        var known = known
        let interval = Int32(watcher.pollInterval.components.seconds * 1000
            + watcher.pollInterval.components.attoseconds / 1_000_000_000_000_000)
        while true {
            var fds = [pollfd(fd: stop.readEnd, events: Int16(POLLIN), revents: 0)]
            let due = timeoutMilliseconds()
            let ready = poll(&fds, 1, due < 0 ? interval : min(interval, due))
            if ready < 0 && errno != EINTR { return }
            if fds[0].revents != 0 { return }
            let now = scanner.scan()
            for path in PollingScanner.differences(known, now) { note(path, finished: false, overflowed: false) }
            known = now
            flushIfDue()
        }
    }

    private mutating func note(_ path: String?, finished: Bool, overflowed: Bool) {
        if let path { pending.paths.insert(path) }
        if overflowed { pending.overflowed = true }
        deadline = ContinuousClock.now + (finished ? watcher.settleAfterClose : watcher.settle)
    }

    private mutating func flushIfDue() {
        guard let deadline, deadline <= ContinuousClock.now else { return }
        if !pending.paths.isEmpty || pending.overflowed { emit(pending) }
        pending = FileChanges(paths: [])
        self.deadline = nil
    }

    /// Milliseconds until the pending batch is due, or -1 (wait forever) when nothing is pending.
    private func timeoutMilliseconds() -> Int32 {
        guard let deadline else { return -1 }
        let left = ContinuousClock.now.duration(to: deadline)
        if left <= .zero { return 0 }
        let parts = left.components
        return Int32(min(60_000, parts.seconds * 1000 + (parts.attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000))
    }
}

/// Editors' scratch files (`.foo.swp`, `foo~`, `#foo#`, Vim's `4913` probe) are not content;
/// reporting them would only cost a rebuild that changes nothing.
func isScratchName(_ name: Substring) -> Bool {
    name.hasPrefix(".") || name.hasPrefix("#") || name.hasSuffix("~") || name == "4913" || name.hasSuffix(".swp")
}

/// Size, modification time and inode of every visible file below the roots.
struct PollingScanner: Sendable {
    let roots: [URL]

    /// Absolute path → stamp; editors' scratch files (and folders) are left out.
    func scan() -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        for root in roots {
            for (relative, stamp) in FileListing.stamps(below: root, skipping: isScratchName) ?? [:] {
                stamps[root.path + "/" + relative] = stamp
            }
        }
        return stamps
    }

    static func differences(_ old: [String: FileStamp], _ new: [String: FileStamp]) -> [String] {
        var changed = new.compactMap { path, stamp in old[path] == stamp ? nil : path }
        changed += old.keys.filter { new[$0] == nil }
        return changed
    }
}
