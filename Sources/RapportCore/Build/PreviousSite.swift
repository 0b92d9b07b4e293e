import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The site a build replaced, kept beside the output (`.public.rapport-forrige`) for the next build
/// to write over instead of creating every file anew.
///
/// Why: a build into an empty folder creates each file, and removing the replaced site frees them
/// all again. On ext4 that was a large part of a rebuild – 10,000 pages in 4.3–5.1 s (removing the
/// replaced site ~1 s; soon after another build, seconds of system time more: the inode allocator
/// passes over inodes freed moments before) – against 2.8–3.0 s written over the previous files;
/// on tmpfs, removing the replaced site alone was 0.2 s of a 3 s build. The guarantee stays: the previous site is a staging folder like an empty one,
/// claimed by renaming it (two builds never share it), written, cleared of what the new site does
/// not have, and only then swapped in.
///
/// Writing over a file is safe only for a plain file that is ours alone: `claim` removes anything
/// else (symbolic links, sockets, …), and the writer opens files with `O_NOFOLLOW` and gives one with
/// other hard links (a deployment that links releases) a new file instead of changing it.
struct PreviousSite: Sendable {
    /// Paths below the folder, `/`-separated like `OutputFile.path`, folders before their contents.
    private(set) var files: [String] = []
    private(set) var folders: [String] = []

    /// An empty staging folder: nothing to write over or clear.
    static let none = PreviousSite()

    /// Lists the claimed folder at `root`, removing what must not be written over; nil when it is
    /// not a plain folder or cannot be read through (the caller then starts with an empty one).
    static func claim(_ root: String) -> PreviousSite? {
        var status = stat()
        guard lstat(root, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return nil }
        var site = PreviousSite()
        return site.survey(root, relative: "") ? site : nil
    }

    /// `readdir` and the entry type it reports, not `FileManager`'s enumerator: that took 1.1 s for a
    /// site of 40,000 files and folders, most of the time a rebuild saves.
    private mutating func survey(_ path: String, relative: String) -> Bool {
        guard let directory = opendir(path) else { return false }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        while let entry = readdir(directory) {
            let raw = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if raw == [UInt8(ascii: ".")] || raw == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            // A name that is not UTF-8 cannot be one the site writes, nor be removed by a `String`
            // path: the folder is not reused then.
            let name = String(decoding: raw, as: UTF8.self)
            guard name.utf8.elementsEqual(raw) else { return false }
            let child = relative.isEmpty ? name : relative + "/" + name
            switch Self.kind(entry.pointee.d_type, name: name, in: descriptor) {
            case .folder:
                folders.append(child)
                guard survey(path + "/" + name, relative: child) else { return false }
            case .file:
                files.append(child)
            case .other:
                guard unlinkat(descriptor, name, 0) == 0 else { return false }
            }
        }
        return true
    }

    private enum Kind { case folder, file, other }

    private static func kind(_ type: UInt8, name: String, in descriptor: Int32) -> Kind {
        switch Int32(type) {
        case Int32(DT_DIR): return .folder
        case Int32(DT_REG): return .file
        case Int32(DT_UNKNOWN):
            // Some filesystems do not report types in `readdir`.
            var status = stat()
            guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return .other }
            switch status.st_mode & S_IFMT {
            case S_IFDIR: return .folder
            case S_IFREG: return .file
            default: return .other
            }
        default: return .other
        }
    }

    /// Removes the files and folders of the previous site that the new one does not have, so the
    /// folder holds exactly `written` (before the search index is built over it).
    func removeLeftovers(in root: String, keeping written: [OutputFile]) throws {
        guard !files.isEmpty || !folders.isEmpty else { return }
        let kept = Set(written.map(\.path))
        var keptFolders = Set<Substring>()
        for path in kept {
            var folder = path[...]
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard keptFolders.insert(folder).inserted else { break }
            }
        }
        // A file may have become a folder of the new site, or sit in a folder that became a file:
        // the writer cleared those already.
        for file in files where !kept.contains(file) && !keptFolders.contains(file[...]) {
            if unlink(root + "/" + file) != 0 && errno != ENOENT && errno != ENOTDIR {
                throw OutputWriter.WriteError(message: "could not remove \(file), left from the previous site (the hidden "
                    + "'.….rapport-forrige' folder beside the output; delete it if this persists): \(String(cString: strerror(errno)))")
            }
        }
        for folder in folders.reversed() where !keptFolders.contains(folder[...]) && !kept.contains(folder) {
            let path = root + "/" + folder
            if rmdir(path) == 0 || errno == ENOENT || errno == ENOTDIR { continue }
            try FileManager.default.removeItem(atPath: path)
        }
    }
}
