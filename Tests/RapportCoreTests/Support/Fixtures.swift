import Foundation
@testable import RapportCore

/// Finds `Tests/Fixtures` from this source file, so tests need no bundle resources.
enum Fixtures {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // Support
        .deletingLastPathComponent()   // RapportCoreTests
        .deletingLastPathComponent()   // Tests
        .appendingPathComponent("Fixtures")

    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// Golden files are re-recorded only on purpose: `RECORD=1 swift test`.
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD"] == "1" }

    /// A fresh temporary folder, removed by the caller with `cleanUp`.
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func cleanUp(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    /// Copies a folder's contents into another, overwriting files with the same path.
    static func overlay(_ source: URL, onto target: URL) throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: target, withIntermediateDirectories: true)
        guard let enumerator = fileManager.enumerator(at: source, includingPropertiesForKeys: [.isDirectoryKey]) else { return }
        let prefix = source.standardizedFileURL.path + "/"
        for case let url as URL in enumerator {
            let relative = String(url.standardizedFileURL.path.dropFirst(prefix.count))
            let destination = target.appendingPathComponent(relative)
            if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
                try fileManager.createDirectory(at: destination, withIntermediateDirectories: true)
            } else {
                try? fileManager.removeItem(at: destination)
                try fileManager.copyItem(at: url, to: destination)
            }
        }
    }

    /// All regular files below a folder, relative paths → text.
    static func readTree(_ folder: URL) -> [String: String] {
        var files: [String: String] = [:]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
        let prefix = folder.standardizedFileURL.path + "/"
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let relative = String(url.standardizedFileURL.path.dropFirst(prefix.count))
            // Decoding the bytes as they are keeps a byte-order mark, which is part of what is compared.
            files[relative] = (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) } ?? "<binary>"
        }
        return files
    }

    /// Build options for a fixture laid out as `<folder>/Content` + `<folder>/Templates`.
    static func options(content: URL, templates: URL, output: URL, basePath: String = "/") -> BuildOptions {
        BuildOptions(contentDirectory: content, contentDisplay: "Content", templatesDirectory: templates,
                     templatesDisplay: "Templates", outputDirectory: output, basePath: basePath)
    }

    /// The text of an in-memory output file (copied assets are read from their source).
    static func text(of file: OutputFile) -> String {
        switch file.contents {
        case .text, .bytes: return file.text ?? ""
        case .copy(let source): return (try? Data(contentsOf: source)).map { String(decoding: $0, as: UTF8.self) } ?? "<binary>"
        case .written: return "<on disk>"
        }
    }
}
