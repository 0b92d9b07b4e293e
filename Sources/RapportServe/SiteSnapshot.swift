import Foundation
import Hummingbird
import RapportCore

/// One file ready to send: bytes (with the live-reload script already in, for HTML) and type.
struct ServedFile: Sendable, Equatable {
    var body: ByteBuffer
    var contentType: String
}

/// The whole site as the browser sees it, replaced as one value after each good build, so a
/// request reads either the old site or the new one, never a mix or a half-written page.
struct SiteSnapshot: Sendable {
    /// Path below the site root (`projekter/vejle/index.html`) → file.
    var files: [String: ServedFile] = [:]

    func file(_ path: String) -> ServedFile? { files[path] }
}

/// What changed between two snapshots, as the browser should react to it.
struct SnapshotChange: Sendable, Equatable {
    /// Changed, added or removed paths, sorted.
    var paths: [String]

    var isEmpty: Bool { paths.isEmpty }

    /// Only stylesheets changed: the page can swap them in place instead of reloading.
    var isStylesheetsOnly: Bool {
        !paths.isEmpty && paths.allSatisfy { $0.hasPrefix("assets/") && $0.hasSuffix(".css") }
    }

    init(paths: [String]) {
        self.paths = paths
    }

    init(from old: SiteSnapshot, to new: SiteSnapshot) {
        var changed: [String] = []
        for (path, file) in new.files where old.files[path]?.body != file.body {
            changed.append(path)
        }
        for path in old.files.keys where new.files[path] == nil {
            changed.append(path)
        }
        paths = changed.sorted()
    }

    /// The URLs the browser knows these files by: `projekter/vejle/index.html` → `/projekter/vejle/`.
    func urls(basePath: String) -> [String] {
        paths.map { path in
            if path == "index.html" { return basePath }
            if path.hasSuffix("/index.html") { return basePath + path.dropLast("index.html".count) }
            return basePath + path
        }
    }
}

/// Turns the builder's output into a snapshot: text as UTF-8, copied files read into memory, the
/// live-reload tag added to every HTML page; and says what changed since the previous one.
///
/// Work is kept between calls. A page the builder took from its cache comes back as the very same
/// string, which compares equal in constant time, so its served bytes are reused without copying,
/// injecting or comparing them again; copied files (stylesheets, images) are read again only when
/// their size, modification time or inode changed. A rebuild after one edit thus touches one page.
struct SnapshotMaker: Sendable {
    private enum Origin: Sendable {
        case text(String)
        case copy(String, FileStamp)
    }

    let injector: LiveReloadInjector
    /// The last good snapshot and where each of its files came from.
    private(set) var current = SiteSnapshot()
    private var origins: [String: Origin] = [:]

    init(injector: LiveReloadInjector) {
        self.injector = injector
    }

    /// The new snapshot and its difference from the previous one, which it replaces; or the
    /// files that could not be read (e.g. deleted between render and now), leaving all as it was.
    mutating func make(from files: [OutputFile]) -> Result<(SiteSnapshot, SnapshotChange), DiagnosticList> {
        var snapshot = SiteSnapshot()
        snapshot.files.reserveCapacity(files.count)
        var newOrigins: [String: Origin] = [:]
        newOrigins.reserveCapacity(files.count)
        var problems: [Diagnostic] = []
        var changed: [String] = []
        for file in files {
            let old = current.files[file.path]
            switch file.contents {
            case .text, .bytes:
                let text = file.text ?? ""
                newOrigins[file.path] = .text(text)
                if let old, case .text(let previous)? = origins[file.path], previous == text {
                    snapshot.files[file.path] = old
                    continue
                }
                let served = file.path.hasSuffix(".html") ? injector.inject(into: text, path: file.path) : text
                snapshot.files[file.path] = ServedFile(body: ByteBuffer(string: served), contentType: ContentTypes.forPath(file.path))
            case .copy(let source):
                let path = source.standardizedFileURL.path
                do {
                    // No stamp (the file is gone): not remembered, and reading it reports why.
                    if let stamp = FileStamp(path: path) {
                        newOrigins[file.path] = .copy(path, stamp)
                        if let old, case .copy(path, stamp)? = origins[file.path] {
                            snapshot.files[file.path] = old
                            continue
                        }
                    }
                    let body = ByteBuffer(bytes: try Data(contentsOf: URL(fileURLWithPath: path)))
                    snapshot.files[file.path] = ServedFile(body: body, contentType: ContentTypes.forPath(file.path))
                } catch {
                    problems.append(.error(at: SourceLocation(file: path), "could not read file for the preview: \(error.localizedDescription)",
                                           hint: "check that the file exists and is readable"))
                    continue
                }
            case .written:
                // Only `rapport build` writes while rendering; the preview renders into memory.
                preconditionFailure("the preview renders into memory, never into a folder")
            }
            if old?.body != snapshot.files[file.path]?.body { changed.append(file.path) }
        }
        guard problems.isEmpty else { return .failure(DiagnosticList(problems)) }
        changed += current.files.keys.filter { snapshot.files[$0] == nil }
        current = snapshot
        origins = newOrigins
        return .success((snapshot, SnapshotChange(paths: changed.sorted())))
    }
}
