import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writes a whole site so that the output folder is never half-written.
///
/// Everything goes into a hidden sibling folder first; only when every file is written is that
/// folder swapped in (an atomic exchange on Linux), and the old site removed. On any failure the
/// previous output stays exactly as it was.
public struct OutputWriter: Sendable {
    public var output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    /// `finish` runs on the complete staging folder before it is swapped in (e.g. the search index).
    public func write(_ files: [OutputFile], finish: (URL) throws -> Void = { _ in }) throws {
        try complete(prepareStaging(), files: files, finish: finish)
    }

    /// Creates the hidden staging folder next to the output, after checking the output can be replaced.
    public func prepareStaging() throws -> URL {
        let fileManager = FileManager.default
        // Swapping a folder in for a file would delete the file with the "old site".
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw WriteError(message: "\(output.path) is a file, not a folder")
        }
        let parent = output.deletingLastPathComponent()
        removeAbandonedStaging(in: parent)
        let staging = parent.appendingPathComponent(stagingPrefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        return staging
    }

    /// Writes what is not written yet, runs `finish`, swaps the staging folder in. On any failure
    /// the staging folder is removed and the old output stays as it was.
    public func complete(_ staging: URL, files: [OutputFile], finish: (URL) throws -> Void = { _ in }) throws {
        do {
            try writeAll(files, into: staging)
            try finish(staging)
            try swapIn(staging)
        } catch {
            abandon(staging)
            throw error
        }
    }

    /// Throws a staging folder away (the build had errors).
    public func abandon(_ staging: URL) {
        try? FileManager.default.removeItem(at: staging)
    }

    /// `.public.rapport-<pid>-<random>`: hidden, next to the output, named after the writing process.
    var stagingPrefix: String { ".\(output.lastPathComponent).rapport-" }

    /// A build stopped by Ctrl-C, `kill` or a power cut leaves its staging folder behind (the old
    /// site is untouched: only the final rename changes it). The next build removes the staging
    /// folders of processes that no longer exist; a running build's folder is left alone.
    func removeAbandonedStaging(in parent: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names where name.hasPrefix(stagingPrefix) {
            let rest = name.dropFirst(stagingPrefix.count)
            guard let pid = rest.split(separator: "-").first.flatMap({ Int32($0) }), pid > 0,
                  kill(pid, 0) != 0 && errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    private func writeAll(_ files: [OutputFile], into folder: URL) throws {
        let failures = files.parallelMap { Self.write($0, into: folder) }.compactMap { $0 }
        if let first = failures.first {
            throw WriteError(message: "could not write \(failures.count) file(s), first: \(first)")
        }
    }

    /// Writes one file below `folder`, creating its folders unless the caller made them already
    /// (`foldersExist`); returns what went wrong, if anything. Safe to call from many threads at
    /// once (for the same folder too).
    public static func write(_ file: OutputFile, into folder: URL, foldersExist: Bool = false) -> String? {
        let target = folder.path + "/" + file.path
        do {
            if !foldersExist { try makeFolders(upTo: parentPath(of: target)) }
            switch file.contents {
            case .text(let text): try writeText(text, to: target)
            case .bytes(let bytes): try bytes.withUnsafeBufferPointer { try writeBytes($0, to: target) }
            case .copy(let source): try FileManager.default.copyItem(atPath: source.path, toPath: target)
            case .written: break
            }
            return nil
        } catch {
            return "\(file.path): \((error as? WriteError)?.message ?? error.localizedDescription)"
        }
    }

    /// The path up to its last `/` (`/a/b/c.html` → `/a/b`, `/a` → `/`). Not `NSString`'s
    /// `deletingLastPathComponent`, which bridges and normalises the path: ~140,000 instructions per
    /// file, 2 % of a 1,000-page build with one figure per page. The paths here are built by
    /// `write` from a folder and a relative output path, so there is nothing to normalise.
    static func parentPath(of path: String) -> String {
        let utf8 = path.utf8
        guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        return slash == utf8.startIndex ? "/" : String(path[..<slash])
    }

    /// `mkdir -p` that tolerates another thread creating the same folder at the same moment.
    private static func makeFolders(upTo path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw WriteError(message: "\(path): \(String(cString: strerror(errno)))") }
        try makeFolders(upTo: parentPath(of: path))
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw WriteError(message: "\(path): \(String(cString: strerror(errno)))")
        }
    }

    private func swapIn(_ staging: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            try fileManager.moveItem(at: staging, to: output)
            return
        }
        if Self.exchange(staging.path, output.path) {
            try? fileManager.removeItem(at: staging)
            return
        }
        let retired = staging.appendingPathExtension("old")
        try fileManager.moveItem(at: output, to: retired)
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            try? fileManager.moveItem(at: retired, to: output)
            throw error
        }
        try? fileManager.removeItem(at: retired)
    }

    /// Writes a new file into the staging folder. Not `Data.write(to:)`: Foundation fsyncs every
    /// file, which was 4 % of a build's time in `perf` for no gain here, since the staging folder
    /// is thrown away if anything fails and a crash mid-build leaves the old site in place anyway.
    static func writeText(_ text: String, to path: String) throws {
        var text = text
        try text.withUTF8 { try writeBytes($0, to: path) }
    }

    static func writeBytes(_ bytes: UnsafeBufferPointer<UInt8>, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(message: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let count = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw WriteError(message: String(cString: strerror(errno))) }
            offset += count
        }
    }

    /// Linux's `renameat2(..., RENAME_EXCHANGE)` swaps two names in one step, so readers (and
    /// `rapport serve`) see the old or the new site, never neither. Glibc only declares it under
    /// _GNU_SOURCE, which Swift's Glibc module lacks, so it is looked up at run time; where it is
    /// missing the writer falls back to two renames.
    private static func exchange(_ from: String, _ to: String) -> Bool {
        #if canImport(Glibc)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, from, AT_FDCWD, to, renameExchange) == 0
        #else
        return false
        #endif
    }

    public struct WriteError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
