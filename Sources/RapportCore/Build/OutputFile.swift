import Foundation

/// One file of the built site, in memory until the writer puts the whole site on disk at once.
public struct OutputFile: Sendable, Hashable {
    /// Path below the output folder, `/`-separated: `projekter/vejle/index.html`.
    public var path: String
    public var contents: Contents

    public enum Contents: Sendable, Hashable {
        case text(String)
        /// A file copied as it is (content assets, template assets).
        case copy(from: URL)
    }

    public init(path: String, text: String) {
        self.path = path
        self.contents = .text(text)
    }

    public init(path: String, copying source: URL) {
        self.path = path
        self.contents = .copy(from: source)
    }
}
