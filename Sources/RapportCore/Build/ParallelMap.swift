import Dispatch

extension Array where Element: Sendable {
    /// Maps on all cores, keeping order. `transform` must be safe to run concurrently.
    ///
    /// Work is handed out in chunks so that thousands of small pages don't pay one dispatch each.
    /// The chunks shrink towards the end ("guided" scheduling): the elements at the end get chunks
    /// of their own, so one slow element there – the element pages, which list thousands of
    /// projects, come last in a site – doesn't leave the other cores idle while it finishes (equal
    /// chunks left one core working alone for ~0.1 s at the end of a 10,000-page render).
    func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let bounds = Self.chunkBounds(count: count, cores: ProcessInfoCores.count)
        let output = UnsafeSendableBuffer(results)
        self.withUnsafeBufferPointer { input in
            let source = UnsafeSendableBuffer(UnsafeMutableBufferPointer(mutating: input))
            DispatchQueue.concurrentPerform(iterations: bounds.count - 1) { chunkIndex in
                for index in bounds[chunkIndex]..<bounds[chunkIndex + 1] {
                    // Each index is written by exactly one iteration, so no two threads touch one slot.
                    output.buffer[index] = transform(source.buffer[index])
                }
            }
        }
        return results.map { $0! }
    }

    /// Chunk starts and the end: each chunk a fourth of what remains per core, at least one element.
    static func chunkBounds(count: Int, cores: Int) -> [Int] {
        var bounds = [0]
        var start = 0
        while start < count {
            start += Swift.max(1, (count - start) / (cores * 4))
            bounds.append(start)
        }
        return bounds
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
