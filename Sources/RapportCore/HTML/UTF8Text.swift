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
    ///
    /// `memchr` jumps to the needle's rarest byte (see `anchor`), not its first: searching rendered
    /// HTML for `<…` or `aria-…` by their first byte stopped at every tag or every letter a.
    func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start >= 0, needle.count <= bytes.count - start else { return nil }
        let anchor = Self.anchor(of: needle)
        var position = start  // where the next candidate may begin
        let last = bytes.count - needle.count
        while position <= last, let hit = find(needle[anchor], from: position + anchor, to: last + anchor + 1) {
            let candidate = hit - anchor
            if matches(needle, at: candidate) { return candidate }
            position = candidate + 1
        }
        return nil
    }

    /// The index of the byte of `needle` least likely to occur in HTML and Danish text: anything but
    /// lowercase letters, digits, spaces and the common markup bytes, else `"` or `=`, else the first.
    static func anchor(of needle: [UInt8]) -> Int {
        func commonness(_ byte: UInt8) -> Int {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "/"): 2
            case UInt8(ascii: "\""), UInt8(ascii: "="): 1
            default: 0
            }
        }
        return needle.indices.min { commonness(needle[$0]) < commonness(needle[$1]) } ?? 0
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

    /// Replaces every occurrence of each literal pattern, left to right; where two patterns start at
    /// the same place, the first listed wins, and replaced text is not searched again. Each pattern
    /// is found with `find` (rare-byte jumps); text holding none of them is returned as it is.
    static func replacing(_ text: String, _ replacements: [(pattern: String, with: String)]) -> String {
        let source = UTF8Text(text)
        // Every place where each pattern matches, as (start, pattern number).
        var matches: [(start: Int, pattern: Int)] = []
        let patterns = replacements.map { Array($0.pattern.utf8) }
        for (number, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var from = 0
            while let start = source.find(pattern, from: from) {
                matches.append((start, number))
                from = start + 1
            }
        }
        guard !matches.isEmpty else { return text }
        matches.sort { ($0.start, $0.pattern) < ($1.start, $1.pattern) }
        // Pieces of the text itself are appended as substrings, not collected as bytes: a string
        // made from bytes is checked as UTF-8 again (~14 instructions a byte, on every page whose
        // footnotes get a Danish label), and these pieces are valid already. (A valid UTF-8
        // pattern matches valid UTF-8 text only from one scalar boundary to another, so the
        // pieces are whole scalars.)
        let utf8 = text.utf8
        var out = ""
        out.reserveCapacity(source.count + 256)
        var position = 0
        for match in matches where match.start >= position {
            out += Substring(utf8[utf8.index(utf8.startIndex, offsetBy: position)..<utf8.index(utf8.startIndex, offsetBy: match.start)])
            out += replacements[match.pattern].with
            position = match.start + patterns[match.pattern].count
        }
        out += Substring(utf8[utf8.index(utf8.startIndex, offsetBy: position)...])
        return out
    }
}

extension Array where Element == UInt8 {
    mutating func append(utf8 text: some StringProtocol) {
        append(contentsOf: text.utf8)
    }
}
