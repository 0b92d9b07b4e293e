import Foundation
#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Every file of a content folder, read once.
public struct ContentFiles: Sendable {
    /// Text inputs (`.md`, `.yaml`, `.csv`), keyed by path relative to the content folder.
    public var texts: [String: SourceFile]
    /// Other files (images, PDFs): copied to the site as they are, same relative path.
    public var assets: [String]
    public var diagnostics: [Diagnostic]
}

/// Reads `Content/`: text files as validated UTF-8, other files listed for copying.
public struct ContentReader: Sendable {
    public static let textExtensions: Set<String> = ["md", "yaml", "yml", "csv"]

    /// The content folder on disk.
    public var root: URL
    /// How the folder is shown in diagnostics (as the user named it), e.g. `Content`.
    public var displayRoot: String

    public init(root: URL, displayRoot: String) {
        self.root = root.standardizedFileURL
        self.displayRoot = displayRoot.hasSuffix("/") ? String(displayRoot.dropLast()) : displayRoot
    }

    public func display(_ relativePath: String) -> String {
        displayRoot.isEmpty ? relativePath : "\(displayRoot)/\(relativePath)"
    }

    /// `listing`: the files below the root as `FileListing.stamps` found them, when the caller has
    /// just walked the folder anyway (`ContentCache`); nil to walk it here.
    public func read(listing: [String: FileStamp]? = nil) -> ContentFiles {
        var diagnostics: [Diagnostic] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return ContentFiles(texts: [:], assets: [], diagnostics: [.error(at: SourceLocation(file: displayRoot),
                "content folder not found", hint: "run in the folder that holds Content/, or pass --content PATH")])
        }
        var textPaths: [String] = []
        var assets: [String] = []
        for relative in (listing ?? listFiles()).keys.sorted() {
            let ext = (relative as NSString).pathExtension.lowercased()
            if Self.textExtensions.contains(ext) { textPaths.append(relative) } else { assets.append(relative) }
        }
        let rootPath = root.path
        let loaded = textPaths.parallelMap { relative in readText(relative, rootPath: rootPath) }
        var texts: [String: SourceFile] = [:]
        for result in loaded {
            switch result {
            case .success(let file): texts[file.relativePath] = file
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        return ContentFiles(texts: texts, assets: assets.sorted(), diagnostics: diagnostics)
    }

    /// Regular files below the root by relative path; names starting with `.` skipped, symbolic
    /// links not followed. The same walk as `rapport serve`'s cache (`FileListing`): an
    /// `lstat` per entry, where Foundation's enumerator with URL resource values took 3 % of a build.
    private func listFiles() -> [String: FileStamp] {
        FileListing.stamps(below: root) ?? [:]
    }

    private func readText(_ relative: String, rootPath: String) -> Result<SourceFile, Diagnostic> {
        let display = display(relative)
        let bytes: [UInt8]
        switch Self.readBytes(atPath: rootPath + "/" + relative) {
        case .success(let read): bytes = read
        case .failure(let problem):
            return .failure(.error(at: SourceLocation(file: display), "cannot read file: \(problem.reason)",
                                   hint: "check that the file exists and is readable"))
        }
        guard let text = Self.decode(bytes) else {
            let (line, column) = Self.firstInvalidUTF8(in: bytes)
            return .failure(.error(at: SourceLocation(file: display, line: line, column: column),
                "file is not valid UTF-8 text", hint: "save the file as UTF-8 (without NUL bytes) in your editor"))
        }
        return .success(SourceFile(relativePath: relative, displayPath: display, text: text))
    }

    struct ReadFailure: Error {
        /// What the system said, e.g. "Permission denied".
        var reason: String
    }

    /// The whole file: `open`, `fstat` for its size, `read` into an array of that size. Not
    /// `Data(contentsOf:)` with a URL: making the URL and Foundation's reader cost ~30,000
    /// instructions a file, more than checking a 5 KB page's UTF-8.
    static func readBytes(atPath path: String) -> Result<[UInt8], ReadFailure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(ReadFailure(reason: String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(ReadFailure(reason: String(cString: strerror(errno)))) }
        // One byte more than the file holds, so that the read that finds the end needs no growth.
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: 4_096)) }  // grown since fstat
            let read = bytes.withUnsafeMutableBytes { buffer in systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count) }
            if read < 0 && errno == EINTR { continue }
            guard read >= 0 else { return .failure(ReadFailure(reason: String(cString: strerror(errno)))) }
            if read == 0 { break }
            count += read
        }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }

    /// The text of a file that is valid UTF-8 without NUL bytes, as it is (a byte-order mark stays
    /// for the front-matter and CSV readers to skip). Byte-level checks: `Data.contains` walked an
    /// iterator byte by byte (2 % of a build).
    static func decode(_ bytes: [UInt8]) -> String? {
        let hasNUL = bytes.withUnsafeBytes { buffer in buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false }
        return hasNUL ? nil : String(validating: bytes, as: UTF8.self)
    }

    /// Line and column of the first byte that is not valid UTF-8 (or a NUL), for the error message.
    static func firstInvalidUTF8(in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0: return (line, index - lineStart + 1)
            case 0x01...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, index - lineStart + 1)
            }
            if index + length > bytes.count { return (line, index - lineStart + 1) }
            let slice = Data(bytes[index..<(index + length)])
            if length > 1, String(data: slice, encoding: .utf8) == nil { return (line, index - lineStart + 1) }
            if byte == UInt8(ascii: "\n") { line += 1; lineStart = index + 1 }
            index += length
        }
        return (line, 1)
    }
}
