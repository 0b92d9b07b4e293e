import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The content folder as the previous render read it, so that a rebuild reads again only the
/// files whose size, modification time or inode changed.
///
/// Reading and validating every file took half of a rebuild after one edit on a 1,000-page
/// site. Here the folder is listed with stamps (`FileListing`), and unchanged files keep their
/// `SourceFile` (the very same string, which later stages then compare in constant time). Only the successful case is handled here: the first
/// read, any file that fails to read or is not valid UTF-8, and any earlier read problem go
/// through `ContentReader.read()`, so what is reported and how stays defined in one place.
///
/// File times advance in coarse steps (a kernel tick), so a file written twice within one step
/// with the same size would look unchanged. As git does with its index, a stamp is only trusted
/// if the file was last modified clearly before the folder was listed; a file modified just
/// before (typically the one just saved) is read again next time.
struct ContentCache: Sendable {
    private struct Read: Sendable {
        var root: URL
        var files: ContentFiles
        var stamps: [String: FileStamp]
    }

    private var last: Read?

    mutating func read(with reader: ContentReader) -> ContentFiles {
        if let last, last.root == reader.root, last.files.diagnostics.isEmpty,
           let files = update(last, reader: reader) {
            return files
        }
        // Stamps first: a file changed while being read then looks changed next time.
        let started = Self.now()
        let stamps = FileListing.stamps(below: reader.root)
        let files = reader.read(listing: stamps)
        last = stamps.map { Read(root: reader.root, files: files, stamps: Self.trusted($0, listedAt: started)) }
        return files
    }

    /// Files modified this long before the listing cannot change again without a newer time.
    static let settledAfter = 0.1

    private static func trusted(_ stamps: [String: FileStamp], listedAt started: Double) -> [String: FileStamp] {
        stamps.filter { Double($0.value.seconds) + Double($0.value.nanoseconds) / 1e9 < started - settledAfter }
    }

    private static func now() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// The new content, or nil to fall back to a full read.
    private mutating func update(_ last: Read, reader: ContentReader) -> ContentFiles? {
        let started = Self.now()
        guard let stamps = FileListing.stamps(below: reader.root) else { return nil }
        var texts: [String: SourceFile] = [:]
        texts.reserveCapacity(last.files.texts.count)
        var assets: [String] = []
        let rootPath = reader.root.path
        for (relative, stamp) in stamps {
            let ext = (relative as NSString).pathExtension.lowercased()
            guard ContentReader.textExtensions.contains(ext) else {
                assets.append(relative)
                continue
            }
            if last.stamps[relative] == stamp, let file = last.files.texts[relative] {
                texts[relative] = file
                continue
            }
            guard case .success(let bytes) = ContentReader.readBytes(atPath: rootPath + "/" + relative),
                  let text = ContentReader.decode(bytes) else { return nil }
            texts[relative] = SourceFile(relativePath: relative, displayPath: reader.display(relative), text: text)
        }
        let files = ContentFiles(texts: texts, assets: assets.sorted(), diagnostics: [])
        self.last = Read(root: reader.root, files: files, stamps: Self.trusted(stamps, listedAt: started))
        return files
    }
}
