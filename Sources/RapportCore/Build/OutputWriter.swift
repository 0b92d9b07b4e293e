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
/// folder swapped in (an atomic exchange on Linux). The replaced site is kept beside the output as
/// the next build's staging folder, to be written over (`PreviousSite`). On any failure the output
/// stays exactly as it was.
public struct OutputWriter: Sendable {
    public var output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    /// `finish` runs on the complete staging folder before it is swapped in (e.g. the search index).
    public func write(_ files: [OutputFile], finish: (URL) throws -> Void = { _ in }) throws {
        try complete(prepareStaging(), files: files, finish: finish)
    }

    /// The folder a build writes into: the previous site, claimed, or a new empty folder.
    public struct Staging: Sendable {
        public let url: URL
        let previous: PreviousSite
    }

    /// Claims the previous site, or creates an empty hidden staging folder, next to the output,
    /// after checking the output can be replaced.
    public func prepareStaging() throws -> Staging {
        let fileManager = FileManager.default
        // Swapping a folder in for a file would delete the file with the "old site".
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw WriteError(message: "\(output.path) is a file, not a folder")
        }
        let parent = output.deletingLastPathComponent()
        removeAbandonedStaging(in: parent)
        let staging = parent.appendingPathComponent(stagingPrefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        // Renaming claims it: a second build running at the same time finds no previous site.
        if rename(previousSite.path, staging.path) == 0 {
            if let previous = PreviousSite.claim(staging.path) { return Staging(url: staging, previous: previous) }
            try? fileManager.removeItem(at: staging)
        }
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        return Staging(url: staging, previous: .none)
    }

    /// Writes what is not written yet, removes what the previous site has and the new one lacks,
    /// runs `finish`, swaps the staging folder in. On any failure the staging folder is given up
    /// (`abandon`) and the output stays as it was.
    public func complete(_ staging: Staging, files: [OutputFile], finish: (URL) throws -> Void = { _ in }) throws {
        do {
            try writeAll(files, into: staging.url)
            try staging.previous.removeLeftovers(in: staging.url.path, keeping: files)
            try finish(staging.url)
            try swapIn(staging.url)
        } catch {
            abandon(staging)
            throw error
        }
    }

    /// Gives up a staging folder (the build had errors); it stays as the previous site to be
    /// written over, whatever it holds.
    public func abandon(_ staging: Staging) {
        retire(staging.url)
    }

    /// `.public.rapport-<pid>-<random>`: hidden, next to the output, named after the writing process.
    var stagingPrefix: String { ".\(output.lastPathComponent).rapport-" }

    /// `.public.rapport-forrige`: the replaced site (not a process id, so never taken for abandoned).
    public var previousSite: URL { output.deletingLastPathComponent().appendingPathComponent(stagingPrefix + "forrige") }

    /// Keeps a replaced or abandoned site as the previous site; removes it when there is one already
    /// (another build's, finished at the same moment).
    private func retire(_ folder: URL) {
        if rename(folder.path, previousSite.path) != 0 { try? FileManager.default.removeItem(at: folder) }
    }

    /// A build stopped by Ctrl-C, `kill` or a power cut leaves its staging folder behind (the old
    /// site is untouched: only the final rename changes it). The next build takes over the staging
    /// folders of processes that no longer exist (as the previous site, or removes them when there
    /// is one); a running build's folder is left alone.
    func removeAbandonedStaging(in parent: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names where name.hasPrefix(stagingPrefix) {
            let rest = name.dropFirst(stagingPrefix.count)
            guard let pid = rest.split(separator: "-").first.flatMap({ Int32($0) }), pid > 0,
                  kill(pid, 0) != 0 && errno == ESRCH else { continue }
            retire(parent.appendingPathComponent(name))
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
            do {
                try place(file, at: target, foldersExist: foldersExist)
            } catch let error as WriteError where error.isSomethingInTheWay {
                // Only over a previous site: a file where a folder goes, a folder where a file goes.
                clearWay(to: file.path, in: folder.path)
                try place(file, at: target, foldersExist: false)
            }
            return nil
        } catch {
            return "\(file.path): \((error as? WriteError)?.message ?? error.localizedDescription)"
        }
    }

    private static func place(_ file: OutputFile, at target: String, foldersExist: Bool) throws {
        if !foldersExist { try makeFolders(upTo: parentPath(of: target)) }
        switch file.contents {
        case .text(let text): try writeText(text, to: target)
        case .bytes(let bytes): try bytes.withUnsafeBufferPointer { try writeBytes($0, to: target) }
        case .copy(let source):
            // `copyItem` will not replace a file of the previous site.
            removeAnything(at: target)
            try FileManager.default.copyItem(atPath: source.path, toPath: target)
        case .written: break
        }
    }

    /// Removes what stands where `relative` or one of its folders must go: a file (or link) in
    /// place of a folder, anything in place of the file.
    private static func clearWay(to relative: String, in root: String) {
        var path = root
        for component in relative.split(separator: "/").dropLast() {
            path += "/" + component
            var status = stat()
            if lstat(path, &status) == 0 && status.st_mode & S_IFMT != S_IFDIR { unlink(path) }
        }
        removeAnything(at: root + "/" + relative)
    }

    private static func removeAnything(at path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        if status.st_mode & S_IFMT == S_IFDIR {
            try? FileManager.default.removeItem(atPath: path)
        } else {
            unlink(path)
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
        guard errno == ENOENT else { throw WriteError(code: errno, path: path) }
        try makeFolders(upTo: parentPath(of: path))
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw WriteError(code: errno, path: path)
        }
    }

    private func swapIn(_ staging: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            try fileManager.moveItem(at: staging, to: output)
            return
        }
        if Self.exchange(staging.path, output.path) {
            retire(staging)
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
        retire(retired)
    }

    /// Writes a file into the staging folder. Not `Data.write(to:)`: Foundation fsyncs every file,
    /// which was 4 % of a build's time in `perf` for no gain here, since a crash mid-build leaves
    /// the old site in place anyway.
    static func writeText(_ text: String, to path: String) throws {
        var text = text
        try text.withUTF8 { try writeBytes($0, to: path) }
    }

    /// Writes bytes into the staging folder (see `writeText`). A file of the previous site is
    /// written over in place and then cut to length, not opened with `O_TRUNC`: ext4 flushes a file
    /// truncated to zero and rewritten when it is closed (its `auto_da_alloc` guard for editors that
    /// save that way), which made such a rebuild slower than one into an empty folder. Writes never follow a symbolic link (`O_NOFOLLOW`), and a file
    /// with other hard links is replaced, not changed.
    static func writeBytes(_ bytes: UnsafeBufferPointer<UInt8>, to path: String) throws {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(code: errno) }
        var status = stat()
        if fstat(descriptor, &status) == 0 && status.st_nlink > 1 {
            close(descriptor)
            unlink(path)
            descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw WriteError(code: errno) }
            status.st_size = 0
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let count = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw WriteError(code: errno) }
            offset += count
        }
        if status.st_size > bytes.count && ftruncate(descriptor, off_t(bytes.count)) != 0 {
            throw WriteError(code: errno)
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
        /// The `errno` of a failed system call, if that was the cause.
        var code: Int32?
        public var description: String { message }

        public init(message: String) {
            self.message = message
        }

        /// What `strerror` says, after `path` when the caller does not name the file itself.
        init(code: Int32, path: String? = nil) {
            message = (path.map { "\($0): " } ?? "") + String(cString: strerror(code))
            self.code = code
        }

        /// A file where a folder goes (`ENOTDIR`), a folder where a file goes (`EISDIR`), a link (`ELOOP`).
        var isSomethingInTheWay: Bool { code == ENOTDIR || code == EISDIR || code == ELOOP }
    }
}
