import Foundation

/// One file of the built site: in memory, to be copied, or (in `rapport build`) already written
/// into the staging folder, which is swapped in only when the whole site is there.
public struct OutputFile: Sendable, Hashable {
    /// Path below the output folder, `/`-separated: `projekter/vejle/index.html`.
    public var path: String
    public var contents: Contents

    public enum Contents: Sendable, Hashable {
        case text(String)
        /// Text already as UTF-8 bytes: a page with figures, whose markup is placed into the
        /// rendered page as bytes (making a `String` of it would check every byte again).
        case bytes([UInt8])
        /// A file copied as it is (content assets, template assets).
        case copy(from: URL)
        /// Already in the staging folder: only the path is kept, so a large site is never in memory whole.
        case written
    }

    public init(path: String, text: String) {
        self.path = path
        self.contents = .text(text)
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.contents = .bytes(bytes)
    }

    /// The text of a file made in memory (`text` or `bytes`); nil for copies and written files.
    public var text: String? {
        switch contents {
        case .text(let text): text
        case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
        case .copy, .written: nil
        }
    }

    public init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, copying source: URL) {
        self.path = path
        self.contents = .copy(from: source)
    }
}
