import Foundation
import Mustache

/// The Mustache templates of a site (`Templates/*.mustache`), checked before any page renders.
///
/// swift-mustache follows the Mustache spec: a missing partial or key renders as an empty string.
/// A report site must not silently drop its title, so this type adds the checks the spec leaves out:
/// every partial and parent a template names must exist, unescaped output (`{{{x}}}`, `{{&x}}`) is
/// allowed only for keys ending in `_html` (HTML that Rapport itself produced), and a key that the
/// page context lacks is an error naming the template file and line.
public struct TemplateSet: Sendable {
    private let library: MustacheLibrary
    /// Template texts by name, for locating a missing key in the source.
    private let sources: [String: String]
    private let display: [String: String]

    public static let requiredTemplates = ["base", WholeReport.template, "soeg"] + PageKind.allCases.map(\.template)

    public static func load(directory: URL, displayDirectory: String, required: [String] = requiredTemplates) -> (TemplateSet?, [Diagnostic]) {
        EscapingContentType.register()
        var diagnostics: [Diagnostic] = []
        var templates: [String: MustacheTemplate] = [:]
        var sources: [String: String] = [:]
        var display: [String: String] = [:]
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        if files.isEmpty {
            return (nil, [.error(at: SourceLocation(file: displayDirectory), "template folder not found or empty",
                                 hint: "pass --templates PATH to a folder with base.mustache and the page templates")])
        }
        for fileName in files.sorted() where fileName.hasSuffix(".mustache") {
            let name = String(fileName.dropLast(".mustache".count))
            let shown = "\(displayDirectory)/\(fileName)"
            display[name] = shown
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(fileName).path),
                  let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(.error(at: SourceLocation(file: shown), "template is not readable UTF-8 text", hint: "save it as UTF-8"))
                continue
            }
            sources[name] = text
            do {
                templates[name] = try MustacheTemplate(string: EscapingContentType.pragma + text)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma is a line of its own before the file's first line.
                let line = max(1, error.context.lineNumber - 1)
                diagnostics.append(.error(at: SourceLocation(file: shown, line: line, column: error.context.columnNumber),
                                          "template syntax error: \(error.error)", hint: "check that every {{#section}} has a matching {{/section}}"))
            } catch {
                diagnostics.append(.error(at: SourceLocation(file: shown), "template syntax error: \(error)", hint: "check the Mustache syntax"))
            }
        }
        for name in required where sources[name] == nil {
            diagnostics.append(.error(at: SourceLocation(file: "\(displayDirectory)/\(name).mustache"), "template '\(name)' is missing",
                                      hint: "create \(displayDirectory)/\(name).mustache"))
        }
        for (name, text) in sources {
            diagnostics += lint(text, file: display[name] ?? name, known: Set(sources.keys))
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        return (TemplateSet(library: MustacheLibrary(templates: templates), sources: sources, display: display), [])
    }

    /// Whether the set has a template of this name (optional ones: `SiteChrome`).
    func contains(_ name: String) -> Bool {
        sources[name] != nil
    }

    /// Renders a template with a context made of dictionaries, arrays, strings, numbers and booleans.
    public func render(_ name: String, context: [String: Any]) -> Result<String, Diagnostic> {
        let root = StrictContext(context)
        guard let html = library.render(root, withTemplate: name) else {
            return .failure(.error(at: SourceLocation(file: display[name] ?? "\(name).mustache"), "template '\(name)' is missing",
                                   hint: "create it in the templates folder"))
        }
        if let missing = root.missingKeys.first {
            let suggestion = Spelling.closest(to: missing, among: Array(context.keys)).map { "did you mean '\($0)'? " } ?? ""
            return .failure(.error(at: locate(key: missing, startingWith: name), "key '\(missing)' is not in the page context",
                hint: "\(suggestion)page templates can use the keys listed in README's 'Templates' section"))
        }
        return .success(html)
    }

    /// Names the template (and line) that uses a key, searching the rendered template first.
    private func locate(key: String, startingWith name: String) -> SourceLocation {
        let order = [name] + sources.keys.sorted().filter { $0 != name }
        for candidate in order {
            guard let text = sources[candidate] else { continue }
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for match in line.matches(of: Self.tagPattern) where match.output.2 == key {
                    let column = line.distance(from: line.startIndex, to: match.range.lowerBound) + 1
                    return SourceLocation(file: display[candidate] ?? candidate, line: index + 1, column: column)
                }
            }
        }
        return SourceLocation(file: display[name] ?? name)
    }

    /// `{{name}}`, `{{#name}}`, `{{{name}}}`, `{{&name}}`, `{{>name}}`, … : sigil and first name component.
    /// A new value per call: `Regex` is not `Sendable`, so it cannot be a shared `static let`.
    private static var tagPattern: Regex<(Substring, Substring, Substring)> {
        #/\{\{\{?\s*([#^\/&>$<]?)\s*([A-Za-z0-9_æøåÆØÅ-]+)[^}]*\}\}\}?/#
    }

    static func lint(_ text: String, file: String, known: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let tagPattern = Self.tagPattern  // parsed once per file, not once per line
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for match in line.matches(of: tagPattern) {
                let column = line.distance(from: line.startIndex, to: match.range.lowerBound) + 1
                let location = SourceLocation(file: file, line: index + 1, column: column)
                let sigil = match.output.1, name = String(match.output.2)
                let unescaped = match.output.0.hasPrefix("{{{") || sigil == "&"
                if unescaped && !name.hasSuffix("_html") {
                    diagnostics.append(.error(at: location, "'\(name)' is output without HTML escaping",
                        hint: "use {{\(name)}}; only keys ending in _html (markup Rapport produced) may use {{{…}}}"))
                }
                if (sigil == ">" || sigil == "<") && !known.contains(name) {
                    diagnostics.append(.error(at: location, "partial '\(name)' does not exist",
                        hint: "create \(name).mustache next to this template or fix the name"))
                }
            }
        }
        return diagnostics
    }
}

/// The root of a page context. Mustache looks names up from the innermost section outwards and
/// reaches the root last, so a name the root cannot answer is missing everywhere: record it.
private final class StrictContext: MustacheParent {
    private let values: [String: Any]
    private(set) var missingKeys: [String] = []

    init(_ values: [String: Any]) {
        self.values = values
    }

    func child(named name: String) -> Any? {
        if let value = values[name] { return value }
        // "." is the current object; it never reaches the root as a name.
        missingKeys.append(name)
        return nil
    }
}

/// Makes templates escape with `HTMLEscaping`, the one place where Rapport escapes text.
///
/// swift-mustache's own HTML escaping looks every character up in a dictionary (a quarter of all
/// template time on a 10,000-page site); its content types are the documented way to replace it. A
/// type is chosen per template file by a `CONTENT_TYPE` pragma (a partial starts over with the
/// library's default), so `TemplateSet` puts the pragma on a line of its own before every file.
struct EscapingContentType: MustacheContentType {
    static let name = "RAPPORT_HTML"
    static let pragma = "{{%CONTENT_TYPE: \(name)}}\n"

    func escapeText(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }

    /// Registers the type with swift-mustache (its registry is process-wide and guarded by a lock;
    /// registering again replaces the entry with an identical one).
    static func register() {
        MustacheContentTypes.register(EscapingContentType(), named: name)
    }
}

/// Strings and numbers render as themselves: the page contexts hold nothing else as text.
///
/// swift-mustache renders a value that is not `MustacheCustomRenderable` by testing it for a
/// lambda, unwrapping it from any `Optional` and converting it with `String(describing:)` – three
/// dynamic casts and a conversion for every `{{title}}`, ~7 % of a build's instructions. With
/// this conformance it takes `renderText` at once; the text is the same (`String(describing:)` of a
/// `String` is the string, of an `Int` its decimal digits), and sections behave as before
/// (`isNull` is false, as for any other value).
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}

extension Int: @retroactive MustacheCustomRenderable {
    public var renderText: String { String(self) }
    public var isNull: Bool { false }
}
