/// The one place where text becomes HTML (or SVG/XML) text.
///
/// Every string that comes from content (titles, labels, CSV cells, URLs) passes through here before
/// it is placed in markup; templates escape by default, and swift-mustache calls `escape` for them
/// (`EscapingContentType`).
public enum HTMLEscaping {
    /// Escapes text for element content and for double- or single-quoted attribute values.
    public static func escape(_ text: String) -> String {
        // Fast path: most strings need nothing. Scanned as contiguous bytes where the string has
        // them (nearly always): through `String.UTF8View`'s iterator the scan alone was 1.3 % of a
        // 1,000-page build, every template variable passing through here.
        let needsEscaping = text.utf8.withContiguousStorageIfAvailable { $0.contains(where: isSpecial) }
            ?? text.utf8.contains(where: isSpecial)
        guard needsEscaping else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        forEachEscapedRun(of: text) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// `&`, `<`, `>`, `"` or `'`; all lie below `?`, so letters (most bytes) fail the first test.
    @inline(__always)
    static func isSpecial(_ byte: UInt8) -> Bool {
        byte < UInt8(ascii: "?") && (byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"))
    }

    /// `escape(text)` as a sequence of UTF-8 byte runs, for writers that build large outputs
    /// byte-wise (`MarkupWriter`): runs without special characters are handed over whole (one copy
    /// instead of a call per byte: the figure markup is mostly such runs), each special character
    /// as its entity.
    static func forEachEscapedRun(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        // Read in place (`withContiguousStorageIfAvailable` also covers small strings, copied to the
        // stack), not through a mutable copy for `withUTF8`: the copy's retain and release were a
        // third of the cost for the short labels and numbers a chart is made of.
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in forEachEscapedRun(of: bytes, body) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { forEachEscapedRun(of: $0, body) } }
    }

    private static func forEachEscapedRun(of bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var runStart = 0
        for (position, byte) in bytes.enumerated() where isSpecial(byte) {
            let replacement: StaticString
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            default: replacement = "&#39;"
            }
            if position > runStart { body(UnsafeBufferPointer(rebasing: bytes[runStart..<position])) }
            replacement.withUTF8Buffer(body)
            runStart = position + 1
        }
        if bytes.count > runStart { body(UnsafeBufferPointer(rebasing: bytes[runStart...])) }
    }
}
