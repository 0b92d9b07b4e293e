import Dispatch
import Foundation
import RapportCore

/// The result of one rebuild, ready to publish.
enum RebuildOutcome: Sendable {
    /// The new snapshot and what differs from the previous good one.
    case built(SiteSnapshot, SnapshotChange, BuildResult)
    /// The previous snapshot stays; these are the problems.
    case failed([Diagnostic], BuildResult)
}

/// Renders the site again and again, keeping what it can between runs: the Markdown, figure and
/// template results of unchanged pages (`DraftCache`), and the last good snapshot with the bytes
/// of unchanged files (`SnapshotMaker`). Owned by the one task that rebuilds, so it needs no locks.
struct Rebuilder: Sendable {
    let builder: SiteBuilder
    private var cache = DraftCache()
    private var maker: SnapshotMaker

    init(options: BuildOptions) {
        builder = SiteBuilder(options: options)
        maker = SnapshotMaker(injector: LiveReloadInjector(basePath: options.basePath))
    }

    /// Pages whose Markdown the last rebuild redid, and pages it ran through the templates.
    var markdownPages: Int { cache.renderedCount }
    var assembledPages: Int { cache.assembledCount }

    mutating func rebuild() async -> RebuildOutcome {
        let builder = builder
        let before = cache
        let (result, after) = await Self.offPool {
            var cache = before
            let result = builder.render(cache: &cache)
            return (result, cache)
        }
        cache = after
        guard result.succeeded else { return .failed(result.errors, result) }
        switch maker.make(from: result.files) {
        case .failure(let problems):
            return .failed(problems.diagnostics, result)
        case .success(let (snapshot, change)):
            return .built(snapshot, change, result)
        }
    }

    /// Runs blocking, CPU-heavy work on a Dispatch thread: the builder fans out with
    /// `concurrentPerform`, and doing that on Swift's small cooperative pool would stall the
    /// request handlers for the length of a build.
    private static func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: work())
            }
        }
    }
}
