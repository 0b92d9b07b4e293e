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
        let fileManager = FileManager.default
        // Swapping a folder in for a file would delete the file with the "old site".
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw WriteError(message: "\(output.path) is a file, not a folder")
        }
        let parent = output.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).rapport-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            try writeAll(files, into: staging)
            try finish(staging)
            try swapIn(staging)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
    }

    private func writeAll(_ files: [OutputFile], into folder: URL) throws {
        let directories = Set(files.map { ($0.path as NSString).deletingLastPathComponent }).sorted()
        for directory in directories where !directory.isEmpty {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
        let failures = files.parallelMap { file -> String? in
            let target = folder.appendingPathComponent(file.path)
            do {
                switch file.contents {
                case .text(let text): try Self.writeText(text, to: target.path)
                case .copy(let source): try FileManager.default.copyItem(at: source, to: target)
                }
                return nil
            } catch {
                return "\(file.path): \((error as? WriteError)?.message ?? error.localizedDescription)"
            }
        }.compactMap { $0 }
        if let first = failures.first {
            throw WriteError(message: "could not write \(failures.count) file(s), first: \(first)")
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
        let written: Bool = text.withUTF8 { bytes in
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { return false }
            defer { close(descriptor) }
            var offset = 0
            while offset < bytes.count {
                let count = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        if !written {
            throw WriteError(message: String(cString: strerror(errno)))
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
