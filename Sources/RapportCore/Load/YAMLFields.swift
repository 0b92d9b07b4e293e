import Foundation
import Yams

/// Typed, position-aware access to a YAML mapping, collecting diagnostics instead of throwing.
///
/// Every loader (site.yaml, front matter, figure specs) reads its keys through this, so every
/// wrong type, missing key and unknown key is reported with `file:line:col` and a hint.
public struct YAMLFields {
    public private(set) var diagnostics: [Diagnostic] = []
    private let file: SourceFile
    /// Lines in the file before the YAML text's first line.
    private let lineOffset: Int
    private var values: [String: Node] = [:]
    private var keyMarks: [String: Mark] = [:]
    private var keyOrder: [String] = []
    private var read: Set<String> = []
    /// After a syntax error the values are unknown: don't also report them as missing.
    private var failedToParse = false
    /// Where to point when a required key is missing.
    private let start: SourceLocation

    /// Parses `yaml`, which starts `lineOffset` lines into `file`. An empty text is an empty mapping.
    public init(yaml: String, file: SourceFile, lineOffset: Int, columnOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
        self.start = file.location(line: lineOffset + 1, column: 1)
        let node: Node?
        do {
            node = try Self.compose(yaml)
        } catch {
            diagnostics.append(Self.diagnostic(for: error, file: file, lineOffset: lineOffset))
            failedToParse = true
            return
        }
        guard let node else { return }
        guard let mapping = node.mapping else {
            diagnostics.append(.error(at: location(node.mark), "expected 'key: value' lines, found \(Self.describe(node))",
                                      hint: "write one 'key: value' per line"))
            return
        }
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if values[name] != nil {
                diagnostics.append(.error(at: location(key.mark), "key '\(name)' appears twice", hint: "keep one of them"))
                continue
            }
            values[name] = value
            keyMarks[name] = key.mark
            keyOrder.append(name)
        }
    }

    /// The node tree of a YAML text, for `YAMLFields` and figure specs.
    ///
    /// Yams' `.basic` resolver (no rules) instead of `.default`: Rapport reads every scalar through
    /// its own typed getters (`Node.int`, `.bool`, `.null` parse the text, whatever the tag), so the
    /// implicit tags are never used – but with `.default` Yams resolved them for its duplicate-key
    /// check by running seven regular expressions on every mapping key (4 % of a 1,000-page build).
    /// Duplicate keys are still found: two keys are equal when their texts are, under either resolver.
    /// The encoding is given: Yams' default reads the process environment on every call (2 % of a build).
    static func compose(_ yaml: String) throws -> Node? {
        try Yams.compose(yaml: editorLineBreaks(yaml), .basic, .default, .utf8)
    }

    /// libyaml (YAML 1.1) also ends lines at NEL, U+2028 and U+2029, which editors show inside a
    /// line: positions after one pointed at the wrong line, even past the end of the file. They
    /// become spaces, as YAML 1.2 and every other reader of Content/ treat them as text.
    static func editorLineBreaks(_ yaml: String) -> String {
        guard yaml.unicodeScalars.contains(where: { $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }) else { return yaml }
        var scalars = String.UnicodeScalarView()
        for scalar in yaml.unicodeScalars {
            scalars.append(scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}" ? " " : scalar)
        }
        return String(scalars)
    }

    public var isEmpty: Bool { values.isEmpty }
    public func has(_ key: String) -> Bool { values[key] != nil }

    /// Where a key's value is, for diagnostics about its meaning (e.g. "no such element").
    public func location(of key: String) -> SourceLocation {
        if let node = values[key] { return location(node.mark) }
        return start
    }

    public func keyLocation(of key: String) -> SourceLocation {
        location(keyMarks[key])
    }

    public mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key, required: required, expected: "a text") else { return nil }
        guard let scalar = node.scalar else {
            return typeError(key, node, expected: "a text")
        }
        let text = scalar.string.trimmingWhitespaceAndNewlines()
        if text.utf8.contains(0) { return nulError(key, node) }
        if required && text.isEmpty {
            diagnostics.append(.error(at: location(node.mark), "'\(key)' is empty", hint: "write a value after '\(key):'"))
            return nil
        }
        return text
    }

    public mutating func int(_ key: String, required: Bool = false) -> Int? {
        guard let node = value(key, required: required, expected: "a whole number") else { return nil }
        guard let number = node.wholeNumber else { return typeError(key, node, expected: "a whole number") }
        return number
    }

    public mutating func double(_ key: String, required: Bool = false) -> Double? {
        guard let node = value(key, required: required, expected: "a number") else { return nil }
        guard let number = node.float ?? node.wholeNumber.map(Double.init) else { return typeError(key, node, expected: "a number") }
        return number
    }

    public mutating func bool(_ key: String) -> Bool? {
        guard let node = value(key, required: false, expected: "true or false") else { return nil }
        guard let flag = node.bool else { return typeError(key, node, expected: "true or false") }
        return flag
    }

    public mutating func strings(_ key: String, required: Bool = false) -> [String]? {
        guard let node = value(key, required: required, expected: "a list") else { return nil }
        guard let sequence = node.sequence else { return typeError(key, node, expected: "a list like [a, b]") }
        var items: [String] = []
        for item in sequence {
            guard let scalar = item.scalar else { return typeError(key, item, expected: "a list of texts") }
            if scalar.string.utf8.contains(0) { return nulError(key, item) }
            items.append(scalar.string)
        }
        return items
    }

    public mutating func ints(_ key: String, required: Bool = false) -> [(value: Int, location: SourceLocation)]? {
        guard let node = value(key, required: required, expected: "a list") else { return nil }
        guard let sequence = node.sequence else { return typeError(key, node, expected: "a list of numbers like [1, 4]") }
        var items: [(Int, SourceLocation)] = []
        for item in sequence {
            guard let number = item.wholeNumber else { return typeError(key, item, expected: "a list of whole numbers") }
            items.append((number, location(item.mark)))
        }
        return items
    }

    /// Reports every key that no accessor asked for, suggesting the closest known key.
    public mutating func rejectUnknownKeys(known: [String]) {
        for key in keyOrder where !read.contains(key) && !known.contains(key) {
            let suggestion = Spelling.closest(to: key, among: known).map { "did you mean '\($0)'? " } ?? ""
            diagnostics.append(.error(at: location(keyMarks[key]), "unknown key '\(key)'",
                                      hint: "\(suggestion)known keys: \(known.joined(separator: ", "))"))
        }
    }

    public mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    // MARK: - Helpers

    private mutating func value(_ key: String, required: Bool, expected: String) -> Node? {
        read.insert(key)
        guard let node = values[key] else {
            if required && !failedToParse {
                diagnostics.append(.error(at: start, "missing required key '\(key)'", hint: "add a line '\(key): …' with \(expected)"))
            }
            return nil
        }
        if node.null != nil {
            if required {
                diagnostics.append(.error(at: location(node.mark), "'\(key)' has no value", hint: "write \(expected) after '\(key):'"))
            }
            return nil
        }
        return node
    }

    private mutating func typeError<T>(_ key: String, _ node: Node, expected: String) -> T? {
        diagnostics.append(.error(at: location(node.mark), "'\(key)' must be \(expected), found \(Self.describe(node))",
                                  hint: "write '\(key):' followed by \(expected)"))
        return nil
    }

    /// The reader keeps NUL out of files; a YAML escape (`"\0"`, `"\x00"`) must not bring it back
    /// into titles and pages.
    private mutating func nulError<T>(_ key: String, _ node: Node) -> T? {
        diagnostics.append(.error(at: location(node.mark), "'\(key)' contains a NUL character",
                                  hint: "remove the escape \\0, \\x00 or \\u0000 from the value"))
        return nil
    }

    private func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return start }
        return file.location(line: lineOffset + mark.line, column: mark.column)
    }

    private static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "'\(scalar.string.prefix(40))'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    static func diagnostic(for error: Error, file: SourceFile, lineOffset: Int) -> Diagnostic {
        let hint = "check indentation, that each line reads 'key: value', and quote values containing ': ' or '#'"
        if let yamlError = error as? YamlError {
            switch yamlError {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                 .composer(let context, let problem, let mark, _):
                let what = [context?.text, problem].compactMap { $0 }.joined(separator: " ")
                return .error(at: file.location(line: lineOffset + mark.line, column: mark.column), "invalid YAML: \(what)", hint: hint)
            case .duplicatedKeysInMapping(let duplicates, let context):
                return .error(at: file.location(line: lineOffset + context.mark.line, column: context.mark.column),
                              "key '\(duplicates.joined(separator: "', '"))' appears twice", hint: "keep one of them")
            case .reader(let problem, _, _, _):
                return .error(at: file.location(line: lineOffset + 1, column: 1), "invalid YAML: \(problem)", hint: hint)
            default:
                break
            }
        }
        return .error(at: file.location(line: lineOffset + 1, column: 1), "invalid YAML: \(error)", hint: hint)
    }
}

/// Did-you-mean suggestions for misspelt keys and ids.
public enum Spelling {
    public static func closest(to word: String, among candidates: [String]) -> String? {
        // The distance costs length × length: a 100,000-character anchor against a long heading id is
        // 10^10 steps. Nobody mistypes such a word, and a candidate whose length differs by more than
        // the allowed distance cannot be close enough.
        let limit = max(2, word.count / 4)
        guard word.count <= maximumLength else { return nil }
        let scored = candidates.filter { abs($0.count - word.count) <= limit }
            .map { ($0, distance(word.lowercased(), $0.lowercased())) }
        // Ties go to the alphabetically first candidate: callers pass dictionary keys and set members,
        // whose order changes from run to run, and so did the suggestion.
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }), best.1 <= limit else { return nil }
        return best.0
    }

    /// Longest word that gets a did-you-mean suggestion.
    static let maximumLength = 200

    /// Levenshtein distance over characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

extension Node {
    /// `int`, with the common case read directly: Yams reads every integer through Foundation's
    /// `replacingOccurrences` (for YAML's `1_000`), ~12,000 instructions a number – most of
    /// reading a page's `elementer`. A plain scalar of decimal digits not starting with 0 (which
    /// YAML 1.1 reads as octal) is the same number either way; anything else goes to Yams.
    var wholeNumber: Int? {
        if case .scalar(let scalar) = self, scalar.style == .plain || scalar.style == .any,
           let first = scalar.string.utf8.first, first != UInt8(ascii: "0"),
           scalar.string.utf8.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) {
            return Int(scalar.string)
        }
        return int
    }
}
