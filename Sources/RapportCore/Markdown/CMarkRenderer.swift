import CCmarkGFM
import Foundation
import Synchronization

/// The only file in Rapport that calls cmark-gfm.
///
/// It parses one page, rewrites the tree (heading ids, links, figures, cross-references, raw HTML),
/// renders HTML and frees every C node before returning plain Swift values (`MarkdownResult`).
public struct MarkdownRenderer: Sendable {
    /// Debian's cmark-gfm 0.29.0.gfm.6 keeps the inline parser's table of special characters in a
    /// process-wide static that `cmark_parser_finish` rewrites for the attached extensions, so two
    /// parsers finishing at once corrupt each other's output (measured: see the concurrency test).
    /// `finish` is therefore serialised process-wide; feeding, walking and rendering run in parallel.
    private static let parseLock = Mutex(())

    /// `cmark_gfm_core_extensions_ensure_registered` must run once, before any parser exists.
    /// A `static let` initialiser runs exactly once, thread-safely.
    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]
    private static let parseOptions = CMARK_OPT_FOOTNOTES
    /// Raw HTML from authors never reaches the renderer unless the page opted in (see `escapeRawHTML`),
    /// so the renderer may pass through the HTML that Rapport itself inserts.
    /// Table alignment as `style`, because HTML5 made the `align` attribute obsolete.
    private static let renderOptions = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES

    public let limits: MarkdownLimits

    public init(limits: MarkdownLimits = MarkdownLimits()) {
        precondition(Self.extensionsRegistered)
        self.limits = limits
    }

    /// Renders a page body. `file` is used for positions only; `markdown` is the body after front matter.
    public func render(_ markdown: String, file: SourceFile, options: MarkdownOptions) -> MarkdownResult {
        render(Substring(markdown), file: file, options: options)
    }

    public func render(_ markdown: Substring, file: SourceFile, options: MarkdownOptions) -> MarkdownResult {
        let limitProblems = limits.check(markdown, file: file, lineOffset: options.lineOffset)
        guard limitProblems.isEmpty else { return MarkdownResult(diagnostics: limitProblems) }

        guard let document = parse(markdown) else {
            return MarkdownResult(diagnostics: [.error(at: file.location(line: options.lineOffset + 1),
                "cmark-gfm could not parse this page", hint: "check the file for unusual control characters")])
        }
        defer { cmark_node_free(document.root) }
        defer { cmark_llist_free(cmark_get_default_mem_allocator(), document.extensions) }

        var walker = TreeRewriter(file: file, options: options)
        walker.rewrite(document.root)
        var result = walker.result
        result.html = Self.localise(Self.renderHTML(document.root, extensions: document.extensions))
        return result
    }

    private struct ParsedDocument {
        var root: OpaquePointer
        var extensions: UnsafeMutablePointer<cmark_llist>?
    }

    /// Only `cmark_parser_finish` runs under the lock: feeding builds the block tree from the
    /// parser's own state, and the shared table is used by the inline pass that `finish` runs.
    /// (With the whole parse under the lock, the Markdown stage of a 10,000-page build waited on
    /// it for most of its time.)
    private func parse(_ markdown: Substring) -> ParsedDocument? {
        var markdown = markdown
        markdown.makeContiguousUTF8()
        guard let parser = cmark_parser_new(Self.parseOptions) else { return nil }
        defer { cmark_parser_free(parser) }
        var extensions: UnsafeMutablePointer<cmark_llist>?
        for name in Self.extensionNames {
            guard let syntaxExtension = cmark_find_syntax_extension(name) else { continue }
            cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            extensions = cmark_llist_append(cmark_get_default_mem_allocator(), extensions, UnsafeMutableRawPointer(syntaxExtension))
        }
        markdown.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        let handle = CNode(parser)
        guard let root = Self.parseLock.withLock({ _ in cmark_parser_finish(handle.pointer).map(CNode.init) })?.pointer else {
            cmark_llist_free(cmark_get_default_mem_allocator(), extensions)
            return nil
        }
        return ParsedDocument(root: root, extensions: extensions)
    }

    /// A parser or node handed into the lock and back. Only the calling thread uses it; the
    /// wrapper tells the compiler so (C pointers are not `Sendable`).
    private struct CNode: @unchecked Sendable {
        let pointer: OpaquePointer
        init(_ pointer: OpaquePointer) { self.pointer = pointer }
    }

    /// cmark-gfm writes a few fixed English and unlabelled bits; pages are Danish and every control
    /// needs a name (WCAG 4.1.2). These strings only come from cmark: authors' raw HTML is escaped.
    static func localise(_ html: String) -> String {
        // No `contains` pre-check: Foundation's is slower than the one byte pass below.
        return UTF8Text.replacing(html, [
            ("aria-label=\"Back to content\"", "aria-label=\"Tilbage til teksten\""),
            ("<input type=\"checkbox\" checked=\"\" disabled=\"\" />", "<input type=\"checkbox\" checked disabled aria-label=\"Udført\">"),
            ("<input type=\"checkbox\" disabled=\"\" />", "<input type=\"checkbox\" disabled aria-label=\"Ikke udført\">"),
        ])
    }

    fileprivate static func renderHTML(_ node: OpaquePointer, extensions: UnsafeMutablePointer<cmark_llist>?) -> String {
        guard let html = cmark_render_html(node, renderOptions, extensions) else { return "" }
        defer { cmark_get_default_mem_allocator().pointee.free(html) }
        return String(cString: html)
    }
}

/// Walks one parsed tree and rewrites it in place. Collects first, then mutates, because cmark's
/// iterator must not see nodes being replaced under it.
private struct TreeRewriter {
    let file: SourceFile
    let options: MarkdownOptions
    var result = MarkdownResult()
    private var slugger = Slugger()
    /// The heading before each table already wrapped (keyed by its replacement block), so that the
    /// walk back from the next table stops there: walking to the top for every table was quadratic.
    private var headingBeforeTable: [OpaquePointer: String?] = [:]

    init(file: SourceFile, options: MarkdownOptions) {
        self.file = file
        self.options = options
    }

    private struct Collected {
        var texts: [OpaquePointer] = []
        var links: [OpaquePointer] = []
        var rawHTML: [OpaquePointer] = []
        var codeBlocks: [OpaquePointer] = []
        var tables: [OpaquePointer] = []
        var headings: [OpaquePointer] = []
    }

    mutating func rewrite(_ root: OpaquePointer) {
        cmark_consolidate_text_nodes(root)
        let nodes = collect(root)
        for node in nodes.texts { replaceCrossReferences(in: node) }
        for node in nodes.links { rewriteLink(node) }
        if !options.allowRawHTML { nodes.rawHTML.forEach(escapeRawHTML) }
        for node in nodes.codeBlocks { replaceFigure(node) }
        for node in nodes.tables { wrapTable(node) }
        for node in nodes.headings { addHeadingID(node) }
    }

    private func collect(_ root: OpaquePointer) -> Collected {
        var collected = Collected()
        guard let iterator = cmark_iter_new(root) else { return collected }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT: collected.texts.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE: collected.links.append(node)
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK: collected.rawHTML.append(node)
            case CMARK_NODE_CODE_BLOCK: collected.codeBlocks.append(node)
            case CMARK_NODE_HEADING: collected.headings.append(node)
            default:
                // strcmp, not a String: this runs for every other node, and making a String of every
                // node's type name was 1–2 % of a large build.
                if let name = cmark_node_get_type_string(node), strcmp(name, "table") == 0 { collected.tables.append(node) }
            }
        }
        return collected
    }

    // MARK: - Positions

    /// Inline nodes carry no position in gfm.6; fall back to the nearest ancestor that has one.
    private func location(of node: OpaquePointer) -> SourceLocation {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 {
                return file.location(line: line + options.lineOffset, column: Int(cmark_node_get_start_column(candidate)))
            }
            current = cmark_node_parent(candidate)
        }
        return file.location(line: options.lineOffset + 1, column: 1)
    }

    // MARK: - Rewrites

    /// `[@fig:id]` → a placeholder the build turns into a link "Figur 4.2".
    private mutating func replaceCrossReferences(in node: OpaquePointer) {
        // Cheap byte check first: almost no text node holds a cross-reference.
        guard let raw = cmark_node_get_literal(node), strchr(raw, Int32(UInt8(ascii: "["))) != nil else { return }
        let text = String(cString: raw)
        let mentions = CrossReference.mentions(in: text)
        guard !mentions.isEmpty else { return }
        var rest = text.startIndex
        var anchor = node
        var first = true
        for mention in mentions {
            let before = String(text[rest..<mention.range.lowerBound])
            if first {
                cmark_node_set_literal(node, before)
                first = false
            } else if !before.isEmpty {
                anchor = insert(after: anchor, newInline(CMARK_NODE_TEXT, before))
            }
            let index = result.crossReferences.count
            result.crossReferences.append(CrossReference(kind: mention.kind, id: mention.id, location: location(of: node)))
            anchor = insert(after: anchor, newInline(CMARK_NODE_HTML_INLINE, Placeholder.crossReference.marker(index)))
            rest = mention.range.upperBound
        }
        if rest < text.endIndex { _ = insert(after: anchor, newInline(CMARK_NODE_TEXT, String(text[rest...]))) }
    }

    private mutating func rewriteLink(_ node: OpaquePointer) {
        guard let raw = cmark_node_get_url(node) else { return }
        let destination = String(cString: raw)
        let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
        let where_ = location(of: node)
        result.links.append(MarkdownLink(destination: destination, isImage: isImage, location: where_))
        if URLSafety.isDangerous(destination) {
            result.diagnostics.append(.error(at: where_, "unsafe link '\(destination)'",
                hint: "use an http(s), mailto or relative link; script and data URLs are not allowed"))
            cmark_node_set_url(node, "#")
            return
        }
        let rewritten = options.rewriteLink(destination)
        if rewritten != destination { cmark_node_set_url(node, rewritten) }
    }

    /// Raw HTML becomes visible text, so it can neither break the page nor inject script.
    private func escapeRawHTML(_ node: OpaquePointer) {
        let text = literal(node)
        if cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE {
            replace(node, with: newInline(CMARK_NODE_TEXT, text))
        } else {
            guard let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) else { return }
            let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
            cmark_node_append_child(paragraph, newInline(CMARK_NODE_TEXT, trimmed))
            replace(node, with: paragraph)
        }
    }

    private mutating func replaceFigure(_ node: OpaquePointer) {
        guard let info = cmark_node_get_fence_info(node), String(cString: info).trimmingSpaces() == "figur"
        else { return }
        let fence = location(of: node)
        let index = result.figures.count
        result.figures.append(FigureBlock(yaml: literal(node), location: fence.offset(lines: 1, column: 1)))
        replace(node, with: newBlockHTML(Placeholder.figure.marker(index) + "\n"))
    }

    private static var captionPattern: Regex<(Substring, Substring, Substring)> { #/^Tabel:\s*(.+?)\s*\{#tab:([A-Za-z0-9_-]+)\}\s*$/# }

    /// `<th>` → `<th scope="col">`, in the `<thead>` only (cmark-gfm puts header cells nowhere else):
    /// a table of 40,000 rows need not be scanned for them.
    static func scopeHeaderCells(_ table: String) -> String {
        let text = UTF8Text(table)
        guard let end = text.find(Array("</thead>".utf8), from: 0) else { return table }
        let head = text.string(0..<end), body = text.string(end..<text.count)
        return UTF8Text.replacing(head, [("<th>", "<th scope=\"col\">"), ("<th style=", "<th scope=\"col\" style=")]) + body
    }

    /// Wraps every table in a focusable, labelled scroll region (narrow screens) and turns a
    /// preceding `Tabel: titel {#tab:id}` paragraph into a numbered `<caption>`.
    private mutating func wrapTable(_ node: OpaquePointer) {
        var caption: (id: String, title: String)?
        if let previous = cmark_node_previous(node), cmark_node_get_type(previous) == CMARK_NODE_PARAGRAPH {
            let text = plainText(previous)
            // The prefix check first: parsing the Regex literal for every table cost 3 % of a build.
            if text.hasPrefix("Tabel:"), let match = text.firstMatch(of: Self.captionPattern) {
                caption = (String(match.output.2), String(match.output.1))
                result.tables.append(TableCaption(id: String(match.output.2), title: String(match.output.1), location: location(of: previous)))
                cmark_node_unlink(previous)
                cmark_node_free(previous)
            } else if text.hasPrefix("Tabel:") && text.contains("{#") {
                result.diagnostics.append(.error(at: location(of: previous), "malformed table caption '\(text)'",
                    hint: "write it as 'Tabel: Titel {#tab:id}' with an id of letters, digits and '-'"))
            }
        }
        let heading = precedingHeadingText(node)
        // Header cells are column headers: say so for screen readers (cmark-gfm writes bare <th>).
        var table = Self.scopeHeaderCells(MarkdownRenderer.renderHTML(node, extensions: nil))
        let open: String
        if let caption {
            let elementID = "tab-\(caption.id)"
            let label = Placeholder.tableLabel.marker(result.tables.count - 1)
            table = table.replacingOccurrences(of: "<table>",
                with: "<table id=\"\(elementID)\">\n<caption id=\"\(elementID)-titel\"><span class=\"nummer\">\(label)</span> \(HTMLEscaping.escape(caption.title))</caption>",
                options: .anchored)
            open = "<div class=\"tabel\" role=\"region\" tabindex=\"0\" aria-labelledby=\"\(elementID)-titel\">"
        } else {
            // Without a caption, the nearest heading above names the table's scroll region.
            let name = heading.map { "Tabel: \($0)" } ?? "Tabel"
            open = "<div class=\"tabel\" role=\"region\" tabindex=\"0\" aria-label=\"\(HTMLEscaping.escape(name))\">"
        }
        let block = newBlockHTML(open + "\n" + table + "</div>\n")
        replace(node, with: block)
        headingBeforeTable[block] = heading
    }

    /// The text of the nearest heading before a block at the same level, if any.
    private func precedingHeadingText(_ node: OpaquePointer) -> String? {
        var current = cmark_node_previous(node)
        while let candidate = current {
            if cmark_node_get_type(candidate) == CMARK_NODE_HEADING { return plainText(candidate) }
            if let known = headingBeforeTable[candidate] { return known }
            current = cmark_node_previous(candidate)
        }
        return nil
    }

    private mutating func addHeadingID(_ node: OpaquePointer) {
        let level = Int(cmark_node_get_heading_level(node))
        let text = plainText(node)
        let id = slugger.next(text)
        result.headings.append(Heading(level: level, text: text, id: id, location: location(of: node)))
        let rendered = MarkdownRenderer.renderHTML(node, extensions: nil)
        // cmark-gfm writes `<hN>` first; the id goes into that tag (a plain prefix test: Foundation's
        // anchored `replacingOccurrences` was 3 % of a large build).
        let openTag = "<h\(level)>"
        let html = rendered.utf8.starts(with: openTag.utf8)
            ? "<h\(level) id=\"\(id)\">" + String(decoding: rendered.utf8.dropFirst(openTag.utf8.count), as: UTF8.self)
            : rendered
        replace(node, with: newBlockHTML(html))
    }

    // MARK: - Node helpers

    private func literal(_ node: OpaquePointer) -> String {
        guard let text = cmark_node_get_literal(node) else { return "" }
        return String(cString: text)
    }

    /// The text a reader sees, without markup: for headings, captions and the table of contents.
    private func plainText(_ node: OpaquePointer) -> String {
        var out = ""
        guard let iterator = cmark_iter_new(node) else { return out }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: out += literal(child)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: out += " "
            default: break
            }
        }
        return out.trimmingSpaces()
    }

    private func newInline(_ type: cmark_node_type, _ text: String) -> OpaquePointer {
        // cmark_node_new only fails when allocation fails, which aborts in cmark's allocator anyway.
        let node = cmark_node_new(type)!
        cmark_node_set_literal(node, text)
        return node
    }

    private func newBlockHTML(_ html: String) -> OpaquePointer {
        newInline(CMARK_NODE_HTML_BLOCK, html)
    }

    @discardableResult
    private func insert(after node: OpaquePointer, _ sibling: OpaquePointer) -> OpaquePointer {
        cmark_node_insert_after(node, sibling)
        return sibling
    }

    private func replace(_ node: OpaquePointer, with replacement: OpaquePointer) {
        cmark_node_replace(node, replacement)
        cmark_node_free(node)
    }
}
