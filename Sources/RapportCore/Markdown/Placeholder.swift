/// Markers left in rendered Markdown for what the whole site decides later.
///
/// They are HTML comments, which cannot come from authors: raw HTML in Markdown is turned into
/// text unless a page opts in, and even then an unknown index is left alone.
public enum Placeholder: String, Sendable, CaseIterable {
    case figure = "figur"
    case crossReference = "xref"
    case tableLabel = "tabel"

    public func marker(_ index: Int) -> String {
        "<!--rapport:\(rawValue):\(index)-->"
    }

    /// Replaces every marker in one pass. `replacement` returns nil to keep a marker as it is.
    public static func fill(_ html: String, _ replacement: (Placeholder, Int) -> String?) -> String {
        fill(html) { kind, index, out in
            guard let text = replacement(kind, index) else { return false }
            out.append(utf8: text)
            return true
        }
    }

    /// Replaces every marker in one pass, letting `write` append its replacement to a buffer of
    /// bytes (a figure is written there, not built as a string first). `write` returns false,
    /// having appended nothing, to keep a marker as it is.
    ///
    /// The result is assembled as a string from slices of `html` and the replacements, so only the
    /// replacements' bytes are checked as UTF-8, not the whole page again (that check was a tenth of
    /// placing a figure).
    public static func fill(_ html: String, writing write: (Placeholder, Int, inout [UInt8]) -> Bool) -> String {
        let text = UTF8Text(html)
        // Byte offsets into `html`; every one borders an ASCII marker, so it is a valid index.
        let utf8 = html.utf8
        func position(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var out = ""
        var replacement: [UInt8] = []
        var copied = 0
        forEachMarker(in: text) { kind, index, marker in
            replacement.removeAll(keepingCapacity: true)
            guard write(kind, index, &replacement) else { return }
            if copied == 0 { out.reserveCapacity(text.count + 16_384) }
            out += html[position(copied)..<position(marker.lowerBound)]
            out += String(decoding: replacement, as: UTF8.self)
            copied = marker.upperBound
        }
        guard copied > 0 else { return html }
        out += html[position(copied)...]
        return out
    }

    /// The same replacement, producing bytes: for a rendered page, written to disk as it is, so
    /// neither the page nor the figure markup written into it is checked as UTF-8 again.
    public static func fillBytes(_ html: String, writing write: (Placeholder, Int, inout [UInt8]) -> Bool) -> [UInt8] {
        let text = UTF8Text(html)
        var out: [UInt8] = []
        out.reserveCapacity(text.count + 16_384)
        var copied = 0
        forEachMarker(in: text) { kind, index, marker in
            out += text.bytes[copied..<marker.lowerBound]
            copied = marker.lowerBound
            if write(kind, index, &out) { copied = marker.upperBound }
        }
        out += text.bytes[copied...]
        return out
    }

    /// Each well-formed marker in order: its kind, its index and its byte range.
    private static func forEachMarker(in text: UTF8Text, _ body: (Placeholder, Int, Range<Int>) -> Void) {
        let prefix = Array("<!--rapport:".utf8), suffix = Array("-->".utf8)
        guard var start = text.find(prefix, from: 0) else { return }
        while true {
            let bodyStart = start + prefix.count
            guard let end = text.find(suffix, from: bodyStart) else { return }
            let parts = text.string(bodyStart..<end).split(separator: ":", maxSplits: 1)
            if parts.count == 2, let kind = Placeholder(rawValue: String(parts[0])), let index = Int(parts[1]) {
                body(kind, index, start..<(end + suffix.count))
            }
            guard let next = text.find(prefix, from: end + suffix.count) else { return }
            start = next
        }
    }
}
