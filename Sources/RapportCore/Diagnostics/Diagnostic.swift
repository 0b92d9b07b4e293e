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
        return "\(location): \(severity.rawValue): \(message)\(fix)"
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
