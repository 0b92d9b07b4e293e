import Foundation

/// Where a build reads from and writes to.
public struct BuildOptions: Sendable {
    public var contentDirectory: URL
    /// The content folder as the user named it, for diagnostics (`Content`).
    public var contentDisplay: String
    public var templatesDirectory: URL
    public var templatesDisplay: String
    public var outputDirectory: URL
    /// Path prefix of every URL on the site: `/`, or `/evaluering/` for a sub-path deploy.
    public var basePath: String

    public init(contentDirectory: URL, contentDisplay: String, templatesDirectory: URL, templatesDisplay: String,
                outputDirectory: URL, basePath: String = "/") {
        self.contentDirectory = contentDirectory
        self.contentDisplay = contentDisplay
        self.templatesDirectory = templatesDirectory
        self.templatesDisplay = templatesDisplay
        self.outputDirectory = outputDirectory
        self.basePath = LinkResolver.normaliseBasePath(basePath)
    }

    /// Options for a project folder laid out as Rapport expects (`Content/`, `Templates/`, `public/`).
    public static func standard(in folder: URL, basePath: String = "/") -> BuildOptions {
        BuildOptions(contentDirectory: folder.appendingPathComponent("Content"), contentDisplay: "Content",
                     templatesDirectory: folder.appendingPathComponent("Templates"), templatesDisplay: "Templates",
                     outputDirectory: folder.appendingPathComponent("public"), basePath: basePath)
    }
}

/// The outcome of a build: the site in memory, every problem found, and how long each stage took.
public struct BuildResult: Sendable {
    public var files: [OutputFile] = []
    public var diagnostics: [Diagnostic] = []
    public var pageCount = 0
    public var timings: [StageTiming] = []

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var succeeded: Bool { errors.isEmpty }
}

/// Where a render puts the files it makes. `build` streams them into the staging folder as they are
/// made, so a 10,000-page site is never held in memory whole; `check`, `serve` and tests keep them.
enum OutputTarget: Sendable {
    case memory
    case folder(URL)

    /// The file to keep in `BuildResult.files` (a `.written` stand-in once on disk), and what went
    /// wrong writing it.
    func place(_ file: OutputFile, foldersExist: Bool = false) -> (file: OutputFile, failure: String?) {
        guard case .folder(let folder) = self else { return (file, nil) }
        let failure = OutputWriter.write(file, into: folder, foldersExist: foldersExist)
        return (OutputFile(path: file.path, contents: .written), failure)
    }

    /// `place` for many files, on all cores, with each folder's files written by one thread, and
    /// the folder made once, by its first file. Creating a file or folder locks the folder it goes
    /// into, even when `mkdir` finds the folder already there: with every figure download asking
    /// for `figurer/` again and two threads filling `figurer/` and `data/` (10,000 files each at
    /// one figure per page), the threads spent 14–19 % of a build's `perf` samples spinning on
    /// those locks (`rwsem_spin_on_owner`), ~0 % now.
    func placeAll(_ files: [OutputFile]) -> [(file: OutputFile, failure: String?)] {
        guard case .folder = self else { return files.map { (file: $0, failure: nil) } }
        var positionsByFolder: [Substring: [Int]] = [:]
        for (position, file) in files.enumerated() {
            let slash = file.path.utf8.lastIndex(of: UInt8(ascii: "/")) ?? file.path.startIndex
            positionsByFolder[file.path[..<slash], default: []].append(position)
        }
        // Largest folders first, so that one thread is not left with the biggest at the end.
        let groups = positionsByFolder.values.sorted { $0.count > $1.count }
        let placed = groups.parallelMap { positions in
            positions.indices.map { place(files[positions[$0]], foldersExist: $0 > positions.startIndex) }
        }
        var results = files.map { (file: $0, failure: String?.none) }
        for (positions, outcomes) in zip(groups, placed) {
            for (position, outcome) in zip(positions, outcomes) { results[position] = outcome }
        }
        return results
    }
}

public struct StageTiming: Sendable {
    public var stage: String
    public var seconds: Double
}

/// The pipeline: read → load → Markdown and figures (parallel) → resolve references → render
/// pages (parallel) → write atomically. Stages pass values; only `ContentReader` and
/// `OutputWriter` touch the disk.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions
    private let markdown = MarkdownRenderer()

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds and, when there are no errors, replaces the output folder in one step. With a
    /// `searchIndexer` the search index is built into the new site before it is swapped in.
    public func build(searchIndexer: SearchIndexer? = nil) -> BuildResult {
        let writer = OutputWriter(output: options.outputDirectory)
        let staging: OutputWriter.Staging
        let preparing = ContinuousClock.now
        do {
            if let overlap = Self.outputOverlapsInput(options) { throw OverlapError(diagnostic: overlap) }
            staging = try writer.prepareStaging()
        } catch {
            // Nothing can be written; still report every problem of the content.
            var result = render()
            result.diagnostics.append((error as? OverlapError)?.diagnostic ?? writeError(error))
            return result
        }
        let staged = StageTiming(stage: "staging", seconds: preparing.duration(to: .now).seconds)
        var cache = DraftCache()
        var result = renderUnsorted(cache: &cache, target: .folder(staging.url))
        result.timings.insert(staged, at: 0)
        result.diagnostics.sort()
        guard result.succeeded else {
            writer.abandon(staging)
            return result
        }
        let start = ContinuousClock.now
        do {
            try writer.complete(staging, files: result.files) { staging in
                try searchIndexer?.index(staging)
            }
        } catch {
            result.diagnostics.append(writeError(error))
        }
        result.timings.append(StageTiming(stage: "write", seconds: start.duration(to: .now).seconds))
        return result
    }

    private struct OverlapError: Error { var diagnostic: Diagnostic }

    private func writeError(_ error: Error) -> Diagnostic {
        .error(at: SourceLocation(file: options.outputDirectory.path), "could not write the site: \(error)",
               hint: "check that the output folder's parent exists, is writable and has free space")
    }

    /// The output folder is replaced as a whole, so it must neither be, hold nor lie inside the content
    /// or templates folder (`--output .` would otherwise swap the project out and delete it).
    static func outputOverlapsInput(_ options: BuildOptions) -> Diagnostic? {
        let output = options.outputDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        for (input, name) in [(options.contentDirectory, options.contentDisplay), (options.templatesDirectory, options.templatesDisplay)] {
            let path = input.standardizedFileURL.resolvingSymlinksInPath().path
            if path == output || path.hasPrefix(output == "/" ? "/" : output + "/") || output.hasPrefix(path + "/") {
                return .error(at: SourceLocation(file: options.outputDirectory.path), "the output folder overlaps \(name), which a build would replace",
                              hint: "build into a folder of its own next to \(name), e.g. --output public")
            }
        }
        return nil
    }

    /// Everything `build` does except writing: used by `rapport check`, `rapport serve` and tests.
    public func render() -> BuildResult {
        var cache = DraftCache()
        return render(cache: &cache)
    }

    /// `render()`, reusing the Markdown and figure results of pages that did not change since the
    /// render that filled `cache`, and leaving this render's results in it (`rapport serve`).
    /// When the site cannot even be loaded, the drafts are kept for the next try.
    public func render(cache: inout DraftCache) -> BuildResult {
        var result = renderUnsorted(cache: &cache, target: .memory)
        result.diagnostics.sort()
        return result
    }

    private func renderUnsorted(cache: inout DraftCache, target: OutputTarget) -> BuildResult {
        var result = BuildResult()
        var clock = StageClock()
        let reader = ContentReader(root: options.contentDirectory, displayRoot: options.contentDisplay)
        let files = cache.content.read(with: reader)
        let (loadedSite, loadProblems) = cache.load.assemble(files, reader: reader)
        let (loadedTemplates, templateProblems, templateFiles) = cache.templates.load(directory: options.templatesDirectory,
                                                                                     display: options.templatesDisplay)
        result.diagnostics += loadProblems + templateProblems
        clock.lap("load", into: &result)
        guard let site = loadedSite else { return result }

        let resolver = LinkResolver(basePath: options.basePath)
        let renderer = markdown
        let previous = cache
        let dataFiles = site.dataFiles
        let made = site.pages.parallelMap { page -> (draft: PageDraft, reused: Bool) in
            if let draft = previous.draft(for: page, basePath: resolver.basePath, dataFiles: dataFiles) {
                return (draft, true)
            }
            let path = page.source.relativePath
            let markdownOptions = MarkdownOptions(allowRawHTML: page.metadata.allowRawHTML, lineOffset: page.bodyLineOffset,
                                                  rewriteLink: { resolver.rewrite($0, fromContentPath: path) })
            let rendered = renderer.render(page.body, file: page.source, options: markdownOptions)
            let figures = FigureStage.prepare(rendered.figures, dataFiles: site.dataFiles)
            var draft = PageDraft(page: page, markdown: rendered, figures: figures.figures)
            draft.markdown.diagnostics += figures.diagnostics
            return (draft, false)
        }
        let drafts: [PageDraft] = made.map { $0.draft }
        cache.replace(with: drafts, reused: made.count(where: \.reused), basePath: resolver.basePath, dataFiles: dataFiles)
        result.diagnostics += drafts.flatMap(\.markdown.diagnostics)
        clock.lap("markdown", into: &result)

        let (index, indexProblems) = ReferenceIndex.build(drafts)
        result.diagnostics += indexProblems
        var context = cache.assembly.context(for: site, resolver: resolver)
        guard let templates = loadedTemplates else { return result }
        let (chrome, chromeProblems) = SiteChrome.render(templates: templates, site: context, pages: site.pages)
        context.chrome = chrome
        result.diagnostics += chromeProblems
        let siteContext = context
        let assets = Set(site.assets).union(site.dataFiles.keys)
        let pages = site.pages
        let tablesVisible = site.config.tablesVisible
        let key = templateFiles.map { AssemblyKey(site: site, index: index, templates: $0, files: assets, basePath: resolver.basePath) }
        let assembled = cache.assembly
        let reusable = assembled.holdsPages(for: key)
        // A build that already failed writes nothing (two pages with one URL would also meet on disk).
        let target = result.succeeded ? target : .memory
        let finished = Array(drafts.indices).parallelMap { position -> (output: (OutputFile?, [Diagnostic]), reused: Bool, failure: String?) in
            if reusable, let output = assembled.output(for: drafts[position], dataFiles: dataFiles) { return (output, true, nil) }
            let (file, problems) = PageAssembler(draft: drafts[position], position: position, pages: pages, index: index, site: siteContext,
                                                 templates: templates, assets: assets, tablesVisible: tablesVisible).assemble()
            guard let file else { return ((nil, problems), false, nil) }
            let placed = target.place(file)
            return ((placed.file, problems), false, placed.failure)
        }
        let rendered = finished.map(\.output)
        var writeFailures = finished.compactMap(\.failure)
        cache.assembledCount = finished.count(where: { !$0.reused })
        for (file, problems) in rendered {
            result.diagnostics += problems
            if let file { result.files.append(file) }
        }
        result.pageCount = rendered.count
        clock.lap("render", into: &result)

        var extra = figureDownloads(drafts) + SiteFiles.assets(site: site, options: options) + SiteFiles.metadata(site: site, resolver: resolver)
        // Pages finished for the disk are not kept for the next render (only `serve` reuses them).
        let keepsOutputs: Bool = if case .memory = target { true } else { false }
        cache.assembly.replace(key: keepsOutputs ? key : nil, drafts: drafts, outputs: rendered, dataFiles: dataFiles)
        // The generated pages depend on every page (the whole report holds them all): rebuilt each time.
        var generated = [
            SiteFiles.notFoundPage(site: site, context: siteContext, templates: templates),
            SiteFiles.searchPage(site: site, context: siteContext, templates: templates),
        ]
        if site.config.wholeReport {
            var report = WholeReport(drafts: drafts, site: siteContext, tablesVisible: tablesVisible)
            report.reused = made.map(\.reused)
            var sections = keepsOutputs ? cache.wholeReport : WholeReportCache()
            generated.append(report.render(templates: templates, cache: &sections))
            cache.wholeReport = keepsOutputs ? sections : WholeReportCache()
        }
        for page in generated {
            switch page {
            case .success(let file): extra.append(file)
            case .failure(let diagnostic): result.diagnostics.append(diagnostic)
            }
        }
        // Paths first: two files for one path would otherwise meet in the folder as a write error.
        let collisions = Self.collisions(result.files + extra, site: site, reader: reader)
        result.diagnostics += collisions
        if collisions.isEmpty, result.succeeded {
            let placed = target.placeAll(extra)
            result.files += placed.map(\.file)
            writeFailures += placed.compactMap(\.failure)
        } else {
            result.files += extra
        }
        // Write failures matter only for a site that would otherwise be published.
        if result.succeeded, let first = writeFailures.first {
            result.diagnostics.append(writeError(OutputWriter.WriteError(message: "could not write \(writeFailures.count) file(s), first: \(first)")))
        }
        clock.lap("assemble", into: &result)
        return result
    }

    /// Two files for one output path would overwrite each other in an order that depends on timing,
    /// and a file where another file needs a folder fails the write. Both come from content named like
    /// something the site already has (`soeg.md`, `Content/robots.txt`): report the content file.
    static func collisions(_ files: [OutputFile], site: Site, reader: ContentReader) -> [Diagnostic] {
        var counts: [String: Int] = [:]
        var folders: Set<String> = []
        for file in files {
            counts[file.path, default: 0] += 1
            // Every prefix up to a `/` is a folder; found by byte (splitting by Character and
            // joining the parts again was most of this check).
            let path = file.path.utf8
            var slash = path.firstIndex(of: UInt8(ascii: "/"))
            while let end = slash {
                folders.insert(String(file.path[..<end]))
                slash = path[path.index(after: end)...].firstIndex(of: UInt8(ascii: "/"))
            }
        }
        let clashing = counts.keys.filter { counts[$0, default: 0] > 1 || folders.contains($0) }.sorted()
        return clashing.compactMap { path in
            let pages = site.pages.filter { $0.path + "index.html" == path }
            let location: SourceLocation
            if site.assets.contains(path) || site.dataFiles[path] != nil {
                location = SourceLocation(file: reader.display(path))
            } else if pages.count == 1 {
                location = pages[0].source.location(line: 1)
            } else {
                // Two pages with one URL are reported by the loader; two figures with one id by the index.
                return nil
            }
            return .error(at: location, "'\(path)' is also part of the generated site, and one would overwrite the other",
                          hint: "rename the file; Rapport itself writes soeg/, hele-rapporten/, figurer/, assets/, 404.html, sitemap.xml and robots.txt, and every page as <name>/index.html")
        }
    }

    /// On all cores: made on one thread, the downloads of 10,000 figures took seconds at the end
    /// of the build.
    private func figureDownloads(_ drafts: [PageDraft]) -> [OutputFile] {
        drafts.parallelMap { draft in
            draft.figures.compactMap { figure in
                figure.map { OutputFile(path: "figurer/\($0.spec.id).csv", bytes: FigureCSVExport.bytes(spec: $0.spec, data: $0.data)) }
            }
        }.flatMap { $0 }
    }
}

/// Measures each stage for `--timings` and the benchmark.
private struct StageClock {
    private var last = ContinuousClock.now

    mutating func lap(_ stage: String, into result: inout BuildResult) {
        let now = ContinuousClock.now
        result.timings.append(StageTiming(stage: stage, seconds: last.duration(to: now).seconds))
        last = now
    }
}

extension Duration {
    /// Seconds as a `Double`, for timings shown to people (stage timings, the CLI's summary).
    public var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
