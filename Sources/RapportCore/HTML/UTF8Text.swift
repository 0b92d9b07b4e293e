import Foundation

/// Rendered HTML as UTF-8 bytes, for the passes that rewrite it after cmark-gfm.
///
/// Those passes look for ASCII markup (`<h2`, `id="`, `<!--rapport:`), so they can work on bytes.
/// On strings they were the slowest part of a build: `Substring.range(of:)` goes through
/// Foundation and converts offsets to UTF-16 on every call (40 % of a whole build in `perf`), and
/// the generic `replacing` of the standard library compares `Character`s, not bytes.
struct UTF8Text {
    let bytes: [UInt8]

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var count: Int { bytes.count }

    /// The first position at or after `start` where `needle` begins.
    func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start >= 0, needle.count <= bytes.count - start else { return nil }
        var position = start
        let last = bytes.count - needle.count
        while position <= last, let candidate = find(first, from: position, to: last + 1) {
            if matches(needle, at: candidate) { return candidate }
            position = candidate + 1
        }
        return nil
    }

    /// The first position at or after `start` (and before `end`) that holds `byte`. `memchr`:
    /// also fast in debug builds, where a Swift loop over the bytes is checked and slow (the
    /// pathological-input tests measure debug builds against a time limit).
    func find(_ byte: UInt8, from start: Int, to end: Int? = nil) -> Int? {
        let end = end ?? bytes.count
        guard start >= 0, start < end, end <= bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let hit = memchr(base + start, Int32(byte), end - start) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    func matches(_ needle: [UInt8], at position: Int) -> Bool {
        guard position >= 0, position + needle.count <= bytes.count else { return false }
        for offset in needle.indices where bytes[position + offset] != needle[offset] { return false }
        return true
    }

    /// Whether the bytes just before `position` are `suffix`.
    func matches(_ suffix: [UInt8], endingAt position: Int) -> Bool {
        matches(suffix, at: position - suffix.count)
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Replaces every occurrence of each literal pattern in one pass; where two patterns start at
    /// the same place, the first listed wins. Text holding none of the patterns (the usual case) is
    /// returned as it is, found with `memchr` jumps rather than a look at every byte.
    static func replacing(_ text: String, _ replacements: [(pattern: String, with: String)]) -> String {
        let source = UTF8Text(text)
        let patterns = replacements.map { (Array($0.pattern.utf8), Array($0.with.utf8)) }
            .filter { !$0.0.isEmpty && source.find($0.0, from: 0) != nil }
        guard !patterns.isEmpty else { return text }
        let firstBytes = Array(Set(patterns.map { $0.0[0] }))
        // Where each first byte occurs next; looked up again only once passed, so no stretch of
        // the text is searched twice.
        var next: [Int?] = firstBytes.map { source.find($0, from: 0) }
        var out: [UInt8] = []
        out.reserveCapacity(source.count + 256)
        var position = 0
        scan: while position < source.count {
            var candidate = Int.max  // the next byte that could start a pattern
            for index in firstBytes.indices {
                if let seen = next[index], seen < position { next[index] = source.find(firstBytes[index], from: position) }
                if let at = next[index], at < candidate { candidate = at }
            }
            guard candidate != Int.max else { break }
            out += source.bytes[position..<candidate]
            for (pattern, replacement) in patterns where source.matches(pattern, at: candidate) {
                out += replacement
                position = candidate + pattern.count
                continue scan
            }
            out.append(source.bytes[candidate])
            position = candidate + 1
        }
        out += source.bytes[min(position, source.count)...]
        return String(decoding: out, as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    mutating func append(utf8 text: some StringProtocol) {
        append(contentsOf: text.utf8)
    }
}
