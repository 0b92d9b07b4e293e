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
        let prefix = Array("<!--rapport:".utf8), suffix = Array("-->".utf8)
        let text = UTF8Text(html)
        guard var start = text.find(prefix, from: 0) else { return html }
        var out: [UInt8] = []
        out.reserveCapacity(text.count + 4096)
        var copied = 0
        while true {
            let bodyStart = start + prefix.count
            guard let end = text.find(suffix, from: bodyStart) else { break }
            let parts = text.string(bodyStart..<end).split(separator: ":", maxSplits: 1)
            if parts.count == 2, let kind = Placeholder(rawValue: String(parts[0])), let index = Int(parts[1]),
               let filled = replacement(kind, index) {
                out += text.bytes[copied..<start]
                out.append(utf8: filled)
                copied = end + suffix.count
            }
            guard let next = text.find(prefix, from: end + suffix.count) else { break }
            start = next
        }
        out += text.bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }
}
