import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Size, modification time and inode of a regular file: enough to tell that it changed without
/// reading it.
public struct FileStamp: Equatable, Sendable {
    public var size: Int
    public var seconds: Int
    public var nanoseconds: Int
    public var inode: UInt

    init(_ info: stat) {
        size = Int(info.st_size)
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
        inode = UInt(info.st_ino)
    }

    /// The stamp of the file at `path` (of a symbolic link itself, not its target), or nil when
    /// it cannot be examined.
    public init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        self.init(info)
    }
}

/// The one folder walk of Rapport: content loading, the preview's content cache and the file
/// watcher's polling fallback all list files through it (and the preview stamps copied files
/// with `FileStamp(path:)`).
public enum FileListing {
    /// Regular files below `root` (relative path → stamp), walked with `lstat` so symbolic links are
    /// not followed; files and folders whose name `skip` accepts are left out (by default names
    /// starting with `.`). Nil if the root itself cannot be read.
    ///
    /// `lstat` per name rather than Foundation's URL resource values: listing that way took half of
    /// a rebuild after one edit on a 1,000-page site.
    public static func stamps(below root: URL, skipping skip: (Substring) -> Bool = { $0.hasPrefix(".") }) -> [String: FileStamp]? {
        var stamps: [String: FileStamp] = [:]
        var folders = [""]
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        while let folder = folders.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: base + folder) else {
                if folder.isEmpty { return nil }
                continue
            }
            for name in names where !skip(Substring(name)) {
                let relative = folder + name
                var info = stat()
                guard lstat(base + relative, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    folders.append(relative + "/")
                case S_IFREG:
                    stamps[relative] = FileStamp(info)
                default:
                    continue
                }
            }
        }
        return stamps
    }
}
