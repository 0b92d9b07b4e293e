import Foundation
@testable import RapportCore

/// The invariants every robustness property checks, returning what was broken (empty: all hold).
enum Invariants {
    /// `<path>(:line(:col)?)?: error|warning: what – how`, with the path inside one of `roots`
    /// (`Content/…`, `Templates/…`), and, when `lineCount` is given, a line inside the file.
    static func actionable(_ diagnostics: [Diagnostic], roots: [String] = ["Content/", "Templates/"],
                           lineCounts: [String: Int] = [:]) -> [String] {
        var broken: [String] = []
        for diagnostic in diagnostics {
            let line = diagnostic.description
            guard let (path, number) = parseActionable(line) else {
                broken.append("not actionable: \(line)")
                continue
            }
            if !roots.contains(where: { path.hasPrefix($0) }) || path.contains("/../") {
                broken.append("names a file outside \(roots): \(line)")
            }
            if let count = lineCounts[path], let number, number > count + 1 {
                broken.append("line \(number) is past the end of the file (\(count) lines): \(line)")
            }
            if diagnostic.message.isEmpty || diagnostic.hint.isEmpty { broken.append("empty message or hint: \(line)") }
            if line.contains("\0") { broken.append("NUL in a diagnostic: \(line)") }
        }
        return broken
    }

    /// Checks `path(:line(:col)?)?: error|warning: what – how` without a regex (thousands of
    /// diagnostics per case are common); returns the path and line.
    static func parseActionable(_ line: String) -> (path: String, line: Int?)? {
        guard let severity = line.range(of: ": error: ") ?? line.range(of: ": warning: ") else { return nil }
        let location = line[..<severity.lowerBound]
        let text = line[severity.upperBound...]
        guard let dash = text.range(of: " – "), !text[..<dash.lowerBound].trimmingCharacters(in: .whitespaces).isEmpty,
              !text[dash.upperBound...].trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        let parts = location.split(separator: ":", omittingEmptySubsequences: false)
        guard let path = parts.first, !path.isEmpty, parts.count <= 3,
              parts.dropFirst().allSatisfy({ !$0.isEmpty && $0.isASCIIDigits }) else { return nil }
        return (String(path), parts.count > 1 ? Int(parts[1]) : nil)
    }

    /// Lines as an editor counts them (LF, CRLF or CR), for checking positions.
    static func lineCount(_ text: String) -> Int {
        var count = 1
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r") { count += 1 }
            if byte == UInt8(ascii: "\r") { count += 1 }
            previous = byte
        }
        return count
    }

    /// Occurrences of `<script` in any letter case.
    static func scriptTags(in html: String) -> Int {
        html.lowercased().ranges(of: "<script").count
    }

    /// URL-valued attributes whose value, as a browser reads it, starts with a script or data scheme.
    static func dangerousURLs(in html: String) -> [String] {
        var found: [String] = []
        for match in html.matches(of: #/(?i)\s(?:href|src|action|formaction|xlink:href|poster|data)\s*=\s*(?:"([^"]*)"|'([^']*)')/#) {
            let raw = String(match.output.1 ?? match.output.2 ?? "")
            let decoded = decodeEntities(raw).unicodeScalars.filter { $0.value > 0x20 }.map(Character.init)
            let value = String(decoded).lowercased()
            if ["javascript:", "vbscript:", "data:", "file:"].contains(where: value.hasPrefix) { found.append(raw) }
        }
        return found
    }

    /// Numeric character references and the few named ones that matter in a scheme.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        // One pass, as a browser decodes: "&amp;#106;" is the text "&#106;", not "j".
        var out = text.replacing(#/(?i)&#(x?)([0-9a-f]+);?/#) { match in
            let radix = match.output.1.isEmpty ? 10 : 16
            guard let code = UInt32(match.output.2, radix: radix), let scalar = Unicode.Scalar(code) else { return "" }
            return String(Character(scalar))
        }
        for (name, value) in [("&colon;", ":"), ("&tab;", "\t"), ("&newline;", "\n"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: name, with: value, options: .caseInsensitive)
        }
        return out
    }
}
