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
        let prefix = "<!--rapport:"
        guard html.contains(prefix) else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + 4096)
        var rest = html[...]
        while let start = rest.range(of: prefix) {
            out += rest[..<start.lowerBound]
            let afterPrefix = rest[start.upperBound...]
            guard let end = afterPrefix.range(of: "-->") else {
                out += rest[start.lowerBound...]
                return out
            }
            let body = afterPrefix[..<end.lowerBound]
            let parts = body.split(separator: ":", maxSplits: 1)
            if parts.count == 2, let kind = Placeholder(rawValue: String(parts[0])), let index = Int(parts[1]),
               let text = replacement(kind, index) {
                out += text
            } else {
                out += rest[start.lowerBound..<end.upperBound]
            }
            rest = afterPrefix[end.upperBound...]
        }
        out += rest
        return out
    }
}
