/// One problem found in the input, phrased so that a person can act on it.
///
/// Rendered as `Content/projekter/vejle.md:12:5: error: <what> – <how to fix>`, the form compilers
/// use, so editors and terminals link it to the source.
public struct Diagnostic: Error, Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var location: SourceLocation
    public var severity: Severity
    /// What is wrong, e.g. "unknown key 'titl'".
    public var message: String
    /// How to fix it, e.g. "did you mean 'titel'?".
    public var hint: String

    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String, hint: String) {
        self.location = location
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    public static func error(at location: SourceLocation, _ message: String, hint: String) -> Diagnostic {
        Diagnostic(.error, at: location, message, hint: hint)
    }

    public static func warning(at location: SourceLocation, _ message: String, hint: String) -> Diagnostic {
        Diagnostic(.warning, at: location, message, hint: hint)
    }

    public var description: String {
        let fix = hint.isEmpty ? "" : " – \(hint)"
        return Self.visible("\(location): \(severity.rawValue): \(message)\(fix)")
    }

    /// Messages quote the author's text, which YAML escapes (`"\0"`, `"\e"`) can fill with control
    /// characters: a NUL cut the line short in terminals and test logs, an ESC could drive the
    /// terminal. They are shown as `\u{1B}`, so each diagnostic stays one readable line.
    static func visible(_ line: String) -> String {
        guard line.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }) else { return line }
        var out = ""
        for scalar in line.unicodeScalars {
            if (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.message) < (rhs.location, rhs.message)
    }
}

/// Many diagnostics thrown at once: a build reports every problem it found, not only the first.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
