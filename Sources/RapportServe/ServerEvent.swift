import Foundation
import RapportCore

/// One message to every open page, sent as a Server-Sent Event.
enum ServerEvent: Sendable, Equatable {
    /// Pages or files changed (URLs): reload if this page is among them.
    case reload(build: String, changed: [String])
    /// Only stylesheets changed (URLs): swap them without reloading.
    case css(build: String, changed: [String])
    /// The last rebuild failed; the previous site is still served.
    case error(build: String, errors: [BuildError])

    var name: String {
        switch self {
        case .reload: "reload"
        case .css: "css"
        case .error: "error"
        }
    }

    /// The JSON the script reads from `event.data`.
    var json: String {
        switch self {
        case .reload(let build, let changed), .css(let build, let changed):
            JSONText.encode(ChangePayload(build: build, changed: changed))
        case .error(let build, let errors):
            JSONText.encode(StatusPayload(ok: false, build: build, errors: errors))
        }
    }

    /// `event: …` / `data: …` framing; JSON from `JSONEncoder` is on one line, as `data:` needs.
    var wireFormat: String {
        "event: \(name)\ndata: \(json)\n\n"
    }

    private struct ChangePayload: Encodable {
        var build: String
        var changed: [String]
    }
}

/// `/__rapport/status`: whether the last rebuild worked, and its errors when it didn't.
struct StatusPayload: Encodable, Sendable {
    var ok: Bool
    var build: String
    var errors: [BuildError]
}

/// A diagnostic as the error overlay shows it, with the offending line of the file.
struct BuildError: Encodable, Sendable, Equatable {
    var file: String
    var line: Int
    var column: Int
    var severity: String
    var message: String
    var hint: String
    /// The text of `line` in `file`, when both are known and the file can be read.
    var source: String?
}

/// Turns diagnostics into `BuildError`s, reading the lines they point at.
///
/// Diagnostics name files as the user does (`Content/projekter/vejle.md`); the folders the user
/// named are mapped back to the real ones, so this works whatever the working directory.
struct BuildErrorReporter: Sendable {
    /// Display prefix (`Content`) → folder on disk.
    let folders: [(display: String, url: URL)]

    init(options: BuildOptions) {
        folders = [(options.contentDisplay, options.contentDirectory), (options.templatesDisplay, options.templatesDirectory)]
    }

    func report(_ diagnostics: [Diagnostic]) -> [BuildError] {
        var files: [String: [Substring]?] = [:]
        return diagnostics.map { diagnostic in
            let location = diagnostic.location
            var source: String?
            if location.line > 0 {
                if files[location.file] == nil { files[location.file] = lines(of: location.file) }
                if let lines = files[location.file] ?? nil, location.line <= lines.count {
                    source = String(lines[location.line - 1])
                }
            }
            return BuildError(file: location.file, line: location.line, column: location.column,
                              severity: diagnostic.severity.rawValue, message: diagnostic.message, hint: diagnostic.hint,
                              source: source)
        }
    }

    private func lines(of displayPath: String) -> [Substring]? {
        guard let text = try? String(contentsOf: url(of: displayPath), encoding: .utf8) else { return nil }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }

    private func url(of displayPath: String) -> URL {
        for folder in folders {
            let prefix = folder.display.hasSuffix("/") ? folder.display : folder.display + "/"
            if displayPath.hasPrefix(prefix) {
                return folder.url.appendingPathComponent(String(displayPath.dropFirst(prefix.count)))
            }
        }
        return URL(fileURLWithPath: displayPath)
    }
}

enum JSONText {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
