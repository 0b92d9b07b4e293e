import Foundation

/// The loaded site of the previous render, patched instead of loaded again when a change touched
/// only page bodies and CSV data, the usual case while writing.
///
/// Loading parses every page's front matter (YAML) and sorts the pages, which for a large site
/// costs more than everything else in a rebuild after one edit. But what loading produces (page
/// kinds, paths, metadata, order, the cross-file checks and their diagnostics) depends only on the
/// paths and the front matter of the files, the site settings and the list of other files. So
/// when those are all unchanged the previous `Site` is still right except for the changed pages'
/// text and body, and the CSV texts, which are swapped in. Any other change loads from scratch.
struct LoadCache: Sendable {
    private struct Loaded: Sendable {
        var root: URL
        var displayRoot: String
        var files: ContentFiles
        var site: Site?
        var diagnostics: [Diagnostic]
    }

    private var last: Loaded?

    mutating func assemble(_ files: ContentFiles, reader: ContentReader) -> (Site?, [Diagnostic]) {
        if let last, last.root == reader.root, last.displayRoot == reader.displayRoot,
           let site = Self.patch(last, with: files) {
            self.last?.files = files
            self.last?.site = site
            return (site, last.diagnostics)
        }
        let (site, diagnostics) = SiteLoader.assemble(files, reader: reader)
        last = Loaded(root: reader.root, displayRoot: reader.displayRoot, files: files, site: site, diagnostics: diagnostics)
        return (site, diagnostics)
    }

    /// The previous site with the new texts, or nil when something loading depends on changed.
    private static func patch(_ last: Loaded, with files: ContentFiles) -> Site? {
        let old = last.files
        guard files.assets == old.assets, files.diagnostics == old.diagnostics, files.texts.count == old.texts.count else {
            return nil
        }
        var bodies: [String: FrontMatter] = [:]
        for (path, file) in files.texts {
            guard let previous = old.texts[path] else { return nil }
            if previous.text == file.text { continue }
            if path.hasSuffix(".csv") { continue }
            guard path.hasSuffix(".md"), case .success(let new) = FrontMatter.split(file),
                  case .success(let before) = FrontMatter.split(previous),
                  new.isPresent, new.isPresent == before.isPresent, new.yaml == before.yaml,
                  new.yamlLineOffset == before.yamlLineOffset else { return nil }
            bodies[path] = new
        }
        // A page that failed to load is not in the site and stays failed for the same reason.
        guard var site = last.site else { return nil }
        for index in site.pages.indices {
            let path = site.pages[index].source.relativePath
            guard let frontMatter = bodies[path], let file = files.texts[path] else { continue }
            site.pages[index].source = file
            site.pages[index].body = frontMatter.body
            site.pages[index].bodyLineOffset = frontMatter.bodyLineOffset
        }
        for path in site.dataFiles.keys {
            site.dataFiles[path] = files.texts[path]
        }
        return site
    }
}

/// The templates of the previous render, kept while their files are byte for byte the same:
/// parsing and checking them is a noticeable share of a small rebuild.
struct TemplateCache: Sendable {
    private struct Loaded: Sendable {
        var directory: URL
        var display: String
        var fingerprint: [String: Data?]
        var templates: TemplateSet?
        var diagnostics: [Diagnostic]
    }

    private var last: Loaded?

    /// The templates and their problems, and the texts they were made from; the texts are nil
    /// when a template changed while being loaded, so that nothing built on them is kept.
    mutating func load(directory: URL, display: String) -> (TemplateSet?, [Diagnostic], fingerprint: [String: Data?]?) {
        let before = Self.fingerprint(of: directory)
        if let last, !before.isEmpty, last.directory == directory, last.display == display, last.fingerprint == before {
            return (last.templates, last.diagnostics, before)
        }
        let (templates, diagnostics) = TemplateSet.load(directory: directory, displayDirectory: display)
        guard !before.isEmpty, before == Self.fingerprint(of: directory) else {
            last = nil
            return (templates, diagnostics, nil)
        }
        last = Loaded(directory: directory, display: display, fingerprint: before, templates: templates, diagnostics: diagnostics)
        return (templates, diagnostics, before)
    }

    /// The bytes of every `*.mustache` file, by name: what `TemplateSet.load` reads.
    static func fingerprint(of directory: URL) -> [String: Data?] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var files: [String: Data?] = [:]
        for name in names where name.hasSuffix(".mustache") {
            files[name] = .some(FileManager.default.contents(atPath: directory.appendingPathComponent(name).path))
        }
        return files
    }
}
