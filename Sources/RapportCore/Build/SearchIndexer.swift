import Foundation

/// Builds the Pagefind search index for a finished site folder (before it is swapped in, so a
/// published site never lacks its index).
///
/// Pagefind is an optional tool (PyPI `pagefind-bin`): when it is missing the site is complete
/// but without search, and the build says how to install it.
public struct SearchIndexer: Sendable {
    /// The command that runs Pagefind, e.g. `[".venv/bin/python", "-m", "pagefind"]`.
    public var command: [String]

    /// Finds Pagefind: `$RAPPORT_PAGEFIND`, `pagefind` on the PATH, or the repository's `.venv`.
    public static func locate(in folder: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> SearchIndexer? {
        if let explicit = environment["RAPPORT_PAGEFIND"], !explicit.isEmpty {
            return SearchIndexer(command: explicit.split(separator: " ").map(String.init))
        }
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("pagefind").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return SearchIndexer(command: [candidate]) }
        }
        let python = folder.appendingPathComponent(".venv/bin/python").path
        let module = folder.appendingPathComponent(".venv/lib").path
        if FileManager.default.isExecutableFile(atPath: python),
           let versions = try? FileManager.default.contentsOfDirectory(atPath: module),
           versions.contains(where: { FileManager.default.fileExists(atPath: "\(module)/\($0)/site-packages/pagefind") }) {
            return SearchIndexer(command: [python, "-m", "pagefind"])
        }
        return nil
    }

    public static let installHint = "search is off: install Pagefind with scripts/setup-browser-tools (or `pip install pagefind-bin`) and build again"

    /// Indexes `site` in place. Danish stemming follows from `<html lang="da">`.
    public func index(_ site: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst()) + ["--site", site.path, "--quiet"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OutputWriter.WriteError(message: "Pagefind failed (\(process.terminationStatus)): \(String(decoding: message, as: UTF8.self))")
        }
    }
}
