import Dispatch
import Foundation
import PropertyBased
import Synchronization
import Testing

/// The parent suite of every robustness test, so `swift test --filter Robustness` runs them all.
@Suite struct Robustness {}

/// Runs a property over generated inputs, deterministically.
///
/// `propertyCheck` from PropertyBased seeds itself at random on every run (its `.fixedSeed` trait is
/// for reproducing one failure and always records an issue), so CI would test different inputs each
/// time. This runner drives the same generators from a fixed `Xoshiro` seed per property instead:
/// every run feeds the same inputs, and a failure names the case so it can be replayed.
///
/// Environment, for exploring locally (never set in CI):
/// - `RAPPORT_FUZZ_SCALE=20` runs twenty times as many cases per property.
/// - `RAPPORT_FUZZ_SEED=random` (or a number) uses other inputs than the committed seed.
/// - `RAPPORT_FUZZ_TRACE=/tmp/case.txt` writes each input to that file before running it, so the
///   input that crashed the process is there afterwards.
/// - `RAPPORT_FUZZ_ONLY=291` runs only that case (the inputs before it are generated and skipped).
enum PropertyRunner {
    /// An engine call slower than this is a failure (see `timed`): the README promises pages render in
    /// well under a second on a release build; debug builds on a busy two-core machine get a margin.
    static let slowCase: Duration = .seconds(3)
    /// A case still running after this long is treated as a hang: the input is printed and the test
    /// process stops, rather than blocking CI until its time limit.
    static let hangCase: Duration = .seconds(60)

    static var scale: Int {
        ProcessInfo.processInfo.environment["RAPPORT_FUZZ_SCALE"].flatMap(Int.init).map { max($0, 1) } ?? 1
    }

    static func seed(_ committed: UInt64) -> UInt64 {
        switch ProcessInfo.processInfo.environment["RAPPORT_FUZZ_SEED"] {
        case nil, "": committed
        case "random": UInt64.random(in: 0...UInt64.max)
        case let text?: UInt64(text) ?? committed
        }
    }

    /// Runs `property` on `count` inputs from `generator`. The property returns the invariants the
    /// input broke (empty when it holds); each broken invariant is recorded with the input, the seed
    /// and the case number. `describe` shortens inputs for the report.
    static func check<Value, Shrink>(
        _ name: String, seed committedSeed: UInt64, count: Int, _ generator: Generator<Value, Shrink>,
        describe: (Value) -> String = { String(reflecting: $0) },
        sourceLocation: Testing.SourceLocation = #_sourceLocation,
        _ property: (Value) throws -> [String]
    ) rethrows {
        let seed = seed(committedSeed)
        var rng = Xoshiro(seed: (seed, 0x9E37_79B9_7F4A_7C15, seed ^ 0xD1B5_4A32_D192_ED03, 0x94D0_49BB_1331_11EB))
        let total = count * scale
        let trace = ProcessInfo.processInfo.environment["RAPPORT_FUZZ_TRACE"].map { URL(fileURLWithPath: $0) }
        let only = ProcessInfo.processInfo.environment["RAPPORT_FUZZ_ONLY"].flatMap(Int.init)
        var failures = 0
        for index in 0..<total {
            let input = generator.run(using: &rng)
            if let only, only != index { continue }
            let shown = shorten(describe(input))
            if let trace { try? Data("\(name) seed \(seed) case \(index)\n\(describe(input))".utf8).write(to: trace) }
            let watchdog = Watchdog.arm(after: hangCase, message: "\(name): case \(index) (seed \(seed)) still running: \(shown)")
            let problems = try property(input)
            watchdog.disarm()
            guard !problems.isEmpty else { continue }
            failures += 1
            Issue.record("""
                \(name): case \(index) of \(total) (RAPPORT_FUZZ_SEED=\(seed)) broke \(problems.count) invariant(s):
                \(problems.prefix(5).map { "  - " + shorten($0) }.joined(separator: "\n"))
                input: \(shown)
                """, sourceLocation: sourceLocation)
            if failures >= 3 { return }  // the first few failures say enough
        }
    }

    /// Runs the engine, and adds a broken invariant to `broken` when it took longer than `slowCase`.
    /// Only the engine is timed: checking its output (regexes over large HTML) is the test's cost.
    static func timed<T>(_ broken: inout [String], _ body: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now
        let value = try body()
        let elapsed = start.duration(to: .now)
        if elapsed > slowCase { broken.append("took \(elapsed), more than \(slowCase)") }
        return value
    }

    static func shorten(_ text: String, limit: Int = 1_200) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "… (\(text.utf8.count) bytes)"
    }
}

/// Stops the process with the input when a case hangs (see `PropertyRunner.hangCase`).
final class Watchdog: Sendable {
    private let armed = Mutex(true)

    static func arm(after limit: Duration, message: String) -> Watchdog {
        let watchdog = Watchdog()
        let seconds = Double(limit.components.seconds)
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [watchdog] in
            guard watchdog.armed.withLock({ $0 }) else { return }
            FileHandle.standardError.write(Data("HANG: \(message)\n".utf8))
            fatalError("robustness case hung for \(limit)")
        }
        return watchdog
    }

    func disarm() {
        armed.withLock { $0 = false }
    }
}
