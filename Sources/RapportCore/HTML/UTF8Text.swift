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
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var position = start
        let last = bytes.count - needle.count
        while position <= last {
            guard let candidate = bytes[position...last].firstIndex(of: first) else { return nil }
            if matches(needle, at: candidate) { return candidate }
            position = candidate + 1
        }
        return nil
    }

    /// The first position at or after `start` that holds `byte`.
    func find(_ byte: UInt8, from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes[start...].firstIndex(of: byte)
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
    /// the same place, the first listed wins.
    static func replacing(_ text: String, _ replacements: [(pattern: String, with: String)]) -> String {
        let source = UTF8Text(text)
        let patterns = replacements.map { (Array($0.pattern.utf8), Array($0.with.utf8)) }
        // A table, not a Set: this runs once per byte of every page, and hashing showed in `perf`.
        var startsPattern = [Bool](repeating: false, count: 256)
        for (pattern, _) in patterns { if let first = pattern.first { startsPattern[Int(first)] = true } }
        var out: [UInt8] = []
        out.reserveCapacity(source.count + 256)
        var position = 0
        scan: while position < source.count {
            let byte = source.bytes[position]
            if startsPattern[Int(byte)] {
                for (pattern, replacement) in patterns where source.matches(pattern, at: position) {
                    out += replacement
                    position += pattern.count
                    continue scan
                }
            }
            out.append(byte)
            position += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    mutating func append(utf8 text: some StringProtocol) {
        append(contentsOf: text.utf8)
    }
}
