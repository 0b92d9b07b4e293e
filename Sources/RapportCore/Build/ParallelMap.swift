import Dispatch

extension Array where Element: Sendable {
    /// Maps on all cores, keeping order. `transform` must be safe to run concurrently.
    ///
    /// Work is handed out in chunks so that thousands of small pages don't pay one dispatch each,
    /// and the chunks are small enough (32 per core) that one slow element – the overview of
    /// 10,000 projects takes as long as 2,000 ordinary pages – doesn't leave the other cores idle
    /// at the end: with 8 chunks per core one core finished ~0.15 s after the other.
    func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let chunk = Swift.max(1, count / (ProcessInfoCores.count * 32))
        let chunks = (count + chunk - 1) / chunk
        let output = UnsafeSendableBuffer(results)
        self.withUnsafeBufferPointer { input in
            let source = UnsafeSendableBuffer(UnsafeMutableBufferPointer(mutating: input))
            DispatchQueue.concurrentPerform(iterations: chunks) { chunkIndex in
                let start = chunkIndex * chunk
                let end = Swift.min(start + chunk, source.buffer.count)
                for index in start..<end {
                    // Each index is written by exactly one iteration, so no two threads touch one slot.
                    output.buffer[index] = transform(source.buffer[index])
                }
            }
        }
        return results.map { $0! }
    }
}

/// Lets disjoint slots of one buffer be written from `concurrentPerform` iterations.
private struct UnsafeSendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}

enum ProcessInfoCores {
    static var count: Int {
        #if canImport(Glibc)
        return Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 4
        #endif
    }
}

#if canImport(Glibc)
import Glibc
#endif
