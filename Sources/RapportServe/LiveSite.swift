import Foundation

/// The site being previewed: the last good snapshot, the errors of the last rebuild if it failed,
/// and the open event streams. Requests read from it; only the rebuild loop changes it.
///
/// Rebuilding happens outside the actor (see `Rebuilder`), so requests are never queued behind a
/// build; the actor only swaps in finished values, which is instant.
actor LiveSite {
    private(set) var snapshot: SiteSnapshot
    /// Errors of the last rebuild; empty while the site builds.
    private(set) var errors: [BuildError] = []
    /// Changes with every published rebuild; the script compares it after reconnecting.
    private(set) var build: String
    private var generation = 0
    private let instance = String(UInt32.random(in: 0...UInt32.max), radix: 36)
    private var subscribers: [Int: AsyncStream<ServerEvent>.Continuation] = [:]
    private var nextSubscriber = 0

    init(snapshot: SiteSnapshot = SiteSnapshot(), errors: [BuildError] = []) {
        self.snapshot = snapshot
        self.errors = errors
        self.build = "\(instance)-0"
    }

    var status: StatusPayload {
        StatusPayload(ok: errors.isEmpty, build: build, errors: errors)
    }

    var subscriberCount: Int { subscribers.count }

    /// A stream of every event from now on. It ends when the consumer stops reading it.
    func subscribe() -> AsyncStream<ServerEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: ServerEvent.self, bufferingPolicy: .bufferingNewest(64))
        let id = nextSubscriber
        nextSubscriber += 1
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        return stream
    }

    private func unsubscribe(_ id: Int) {
        subscribers[id] = nil
    }

    /// Serves `snapshot` from now on and tells the pages; `changes` are the URLs that differ.
    ///
    /// A fix after a failed build always sends `reload`, even when the output is the same as
    /// before the failure, because the open pages show the error overlay.
    @discardableResult
    func publish(_ snapshot: SiteSnapshot, change: SnapshotChange, basePath: String) -> ServerEvent? {
        let wasBroken = !errors.isEmpty
        self.snapshot = snapshot
        errors = []
        guard wasBroken || !change.isEmpty else { return nil }
        advance()
        let urls = change.urls(basePath: basePath)
        let event: ServerEvent = !wasBroken && change.isStylesheetsOnly
            ? .css(build: build, changed: urls) : .reload(build: build, changed: urls)
        send(event)
        return event
    }

    /// Keeps the current snapshot and tells the pages what is wrong.
    @discardableResult
    func publish(errors: [BuildError]) -> ServerEvent {
        self.errors = errors
        advance()
        let event = ServerEvent.error(build: build, errors: errors)
        send(event)
        return event
    }

    private func advance() {
        generation += 1
        build = "\(instance)-\(generation)"
    }

    private func send(_ event: ServerEvent) {
        for continuation in subscribers.values {
            continuation.yield(event)
        }
    }
}
