#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Logging

/// Linux inotify on a tree of folders: one watch per folder, added for new folders as they appear.
///
/// Used only by `WatchLoop` on its own thread. A failure to add a watch (most often the per-user
/// limit, `fs.inotify.max_user_watches`) marks it `failed`, and the loop falls back to polling
/// instead of silently missing changes in that folder.
struct Inotify: Sendable {
    struct Event {
        /// The file or folder the event is about; nil for queue overflow.
        var path: String?
        /// The writer is done with it (closed, renamed in, deleted), so it can be built right away.
        var finished: Bool
        var overflowed: Bool
    }

    let descriptor: Int32
    let logger: Logger
    private(set) var failed = false
    private var folders: [Int32: String] = [:]

    private static let mask = UInt32(IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE
                                     | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF) | UInt32(IN_ONLYDIR) | UInt32(IN_EXCL_UNLINK)
    /// Events after which the file is complete; `IN_MODIFY` and a file's `IN_CREATE` are not.
    private static let finishing = UInt32(IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE | IN_DELETE_SELF
                                          | IN_MOVE_SELF)

    var watchCount: Int { folders.count }

    /// Nil when inotify is not available or a folder can't be watched.
    init?(roots: [URL], logger: Logger) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard descriptor >= 0 else {
            logger.info("inotify is not available (errno \(errno)); polling for changes instead")
            return nil
        }
        self.descriptor = descriptor
        self.logger = logger
        for root in roots {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
                logger.warning("not watching \(root.path): no such folder")
                continue
            }
            addTree(root.path)
        }
        if failed {
            close()
            return nil
        }
    }

    func close() {
        _ = Glibc.close(descriptor)
    }

    /// Watches `folder` and every visible folder below it; returns the files already in them.
    @discardableResult
    private mutating func addTree(_ folder: String) -> [String] {
        add(folder)
        var files: [String] = []
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return files }
        while let relative = enumerator.nextObject() as? String {
            if isScratchName(Substring((relative as NSString).lastPathComponent)) {
                enumerator.skipDescendants()
                continue
            }
            let path = folder + "/" + relative
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR { add(path) } else { files.append(path) }
        }
        return files
    }

    private mutating func add(_ folder: String) {
        let watch = inotify_add_watch(descriptor, folder, Self.mask)
        if watch >= 0 {
            folders[watch] = folder
        } else if errno != ENOENT && errno != ENOTDIR {
            // ENOENT: the folder went away between listing and watching; nothing to miss there.
            logger.warning("cannot watch \(folder) (errno \(errno)); polling instead")
            failed = true
        }
    }

    /// Reads every queued event without blocking.
    mutating func drain() -> [Event] {
        var events: [Event] = []
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, capacity)
            if count < 0 {
                if errno == EINTR { continue }
                if errno != EAGAIN && errno != EWOULDBLOCK { failed = true }
                return events
            }
            if count == 0 { return events }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let record = buffer.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                let nameBytes = UnsafeRawBufferPointer(start: buffer + offset + header, count: Int(record.len))
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += header + Int(record.len)
                events += handle(record, name: name)
            }
        }
    }

    private mutating func handle(_ record: inotify_event, name: String) -> [Event] {
        let mask = record.mask
        if mask & UInt32(IN_Q_OVERFLOW) != 0 { return [Event(path: nil, finished: true, overflowed: true)] }
        guard let folder = folders[record.wd] else { return [] }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders[record.wd] = nil
            return []
        }
        if !name.isEmpty && isScratchName(Substring(name)) { return [] }
        let path = name.isEmpty ? folder : folder + "/" + name
        let isFolder = mask & UInt32(IN_ISDIR) != 0
        var events = [Event(path: path, finished: isFolder || mask & Self.finishing != 0, overflowed: false)]
        if isFolder && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
            // Files can land in a new folder before its watch exists (`mkdir -p a/b && cp …`, a
            // folder moved in): report what is there now; later changes come as events.
            events += addTree(path).map { Event(path: $0, finished: false, overflowed: false) }
        }
        return events
    }
}
