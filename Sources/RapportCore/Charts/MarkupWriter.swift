import Foundation

/// Writes a figure's markup (the `<figure>`, its inline SVG and its table) straight to UTF-8 bytes.
///
/// Typed, not glued: element and attribute names are `StaticString`s, so they can only come from
/// this module's code, never from content; every attribute value and every text passes through
/// `HTMLEscaping`, numbers through `SVGNumber`, colours through `RGBColor`. Attributes are written
/// in the order given and the line breaks are fixed, so the output is stable for golden files.
///
/// Why a writer and not a tree of values rendered at the end (what the charts were first built
/// as): building, rendering and freeing the tree – about 500 nodes per Likert chart, each with its
/// own arrays of attributes and children – was two thirds of a figure's cost and made a page with
/// one figure 1.7 times as expensive as one without (callgrind, 1,000 pages).
///
/// Usage mirrors the markup:
///
///     writer.start("rect").attribute("x", 12.5).attribute("fill", color)
///     writer.start("title").text("Tooltip").end()
///     writer.end()                                  // <rect x="12.5" fill="#…"><title>…</title></rect>
///     writer.element("g", ["class": "akse"]) { … }  // start, attributes, content, end
///
/// The bytes go into a buffer the writer owns and grows itself: appending to an `Array` costs a
/// uniqueness and capacity check and a generic call per piece, and a chart is written in thousands
/// of small pieces. The stored properties opt out of run-time exclusivity checks
/// (`@exclusivity(unchecked)`): a writer belongs to one figure on one thread, and no method holds an
/// access to them while calling another; the checks were a third of writing a chart.
final class MarkupWriter {
    @exclusivity(unchecked) private var storage: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private var count = 0
    /// Elements started and not yet ended, innermost last.
    @exclusivity(unchecked) private var openElements: [OpenElement] = []
    /// `<name attr="…"` is written but not its `>`: the element may still turn out to be empty.
    @exclusivity(unchecked) private var startTagPending = false

    private struct OpenElement {
        var name: StaticString
        /// Inside an `<svg>` (or the `<svg>` itself): empty elements self-close there.
        var inSVG: Bool
    }

    /// A Likert figure with its table is ~18 KB of markup: 32 KB holds one without growing.
    init(capacity: Int = 32_768) {
        self.capacity = max(capacity, 64)
        storage = .allocate(capacity: self.capacity)
    }

    deinit {
        storage.deallocate()
    }

    /// Lets `body` write a fragment and appends it to `bytes` (a page's HTML, into which a figure
    /// is placed).
    static func append(to bytes: inout [UInt8], _ body: (MarkupWriter) -> Void) {
        let writer = MarkupWriter()
        body(writer)
        precondition(writer.openElements.isEmpty, "MarkupWriter: \(writer.openElements.count) element(s) not ended")
        bytes.append(contentsOf: writer.written)
    }

    /// The markup written so far, as a string (tests, and callers that need text).
    var markup: String { String(decoding: written, as: UTF8.self) }

    private var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage, count: count) }

    // MARK: Elements

    /// Starts `<name`; attributes may follow until content or `end()`.
    @discardableResult
    func start(_ name: StaticString) -> MarkupWriter {
        closeStartTag()
        let inSVG = (openElements.last?.inSVG ?? false) || Self.equal(name, "svg")
        openElements.append(OpenElement(name: name, inSVG: inSVG))
        append(byte: UInt8(ascii: "<"))
        append(name)
        startTagPending = true
        return self
    }

    /// Ends the innermost element. Empty SVG elements are self-closed (`<rect …/>`), which HTML
    /// allows for foreign elements; empty HTML elements get an end tag, because `<td/>` is not
    /// valid HTML.
    func end() {
        guard let element = openElements.popLast() else {
            preconditionFailure("MarkupWriter: end() without an open element")
        }
        if startTagPending && element.inSVG {
            append("/>")
        } else {
            closeStartTag()
            append("</")
            append(element.name)
            append(byte: UInt8(ascii: ">"))
        }
        startTagPending = false
        if Self.hasLineBreakAfter(element.name) { append(byte: UInt8(ascii: "\n")) }
    }

    /// A whole element: start, the given attributes, whatever `content` writes, end.
    func element(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:],
                 _ content: () -> Void = {})
    {
        start(name)
        for (attributeName, value) in attributes { attribute(attributeName, value) }
        content()
        end()
    }

    /// An element holding only `text`.
    func element(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:], text content: String) {
        element(name, attributes) { text(content) }
    }

    // MARK: Attributes (only directly after `start`)

    @discardableResult
    func attribute(_ name: StaticString, _ value: String) -> MarkupWriter {
        beginAttribute(name)
        appendEscaped(value)
        append(byte: UInt8(ascii: "\""))
        return self
    }

    /// A coordinate or length, as `SVGNumber` writes it.
    @discardableResult
    func attribute(_ name: StaticString, _ value: Double) -> MarkupWriter {
        beginAttribute(name)
        reserve(SVGNumber.maximumLength)
        count += SVGNumber.write(value, to: storage + count)
        append(byte: UInt8(ascii: "\""))
        return self
    }

    @discardableResult
    func attribute(_ name: StaticString, _ color: RGBColor) -> MarkupWriter {
        beginAttribute(name)
        reserve(7)
        color.writeHex(to: storage + count)
        count += 7
        append(byte: UInt8(ascii: "\""))
        return self
    }

    // MARK: Content

    /// Text content, escaped. Even empty text counts as content: the element gets an end tag.
    @discardableResult
    func text(_ value: String) -> MarkupWriter {
        closeStartTag()
        appendEscaped(value)
        return self
    }

    // MARK: Internals

    private func beginAttribute(_ name: StaticString) {
        precondition(startTagPending, "MarkupWriter: attribute \(name) after the element's content")
        append(byte: UInt8(ascii: " "))
        append(name)
        append("=\"")
    }

    private func closeStartTag() {
        guard startTagPending else { return }
        append(byte: UInt8(ascii: ">"))
        startTagPending = false
    }

    private func append(_ literal: StaticString) {
        // `withUTF8Buffer`, not `utf8Start`: a one-letter name such as "g" is a Unicode-scalar
        // literal, which has no pointer to its bytes.
        literal.withUTF8Buffer { append($0) }
    }

    private func appendEscaped(_ text: String) {
        HTMLEscaping.forEachEscapedRun(of: text) { append($0) }
    }

    /// Inlined: a chart is written in ~2,000 runs of a few bytes each, and the call was a fifth of
    /// writing one.
    @inline(__always)
    private func append(_ run: UnsafeBufferPointer<UInt8>) {
        guard let source = run.baseAddress else { return }
        reserve(run.count)
        (storage + count).update(from: source, count: run.count)
        count += run.count
    }

    private func append(byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    /// Makes room for `extra` more bytes, doubling the buffer when it is full. Called for every
    /// piece written, so the test is inlined and only the rare growth is a call.
    @inline(__always)
    private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        grow(toHold: extra)
    }

    @inline(never)
    private func grow(toHold extra: Int) {
        let grown = max(capacity * 2, count + extra)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.update(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity = grown
    }

    private static func equal(_ name: StaticString, _ other: StaticString) -> Bool {
        name.utf8CodeUnitCount == other.utf8CodeUnitCount
            && name.withUTF8Buffer { left in other.withUTF8Buffer { right in memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0 } }
    }

    /// Elements followed by a line break, so golden-file diffs show one bar or table row per line.
    /// Only elements where the break is insignificant whitespace (never `tspan`, `span`, `td`).
    /// (Dispatches on the first byte: comparing each element's name with up to seventeen strings
    /// was a measurable share of writing a chart.)
    static func hasLineBreakAfter(_ name: StaticString) -> Bool {
        let first = name.withUTF8Buffer { $0.first }
        switch first {
        case UInt8(ascii: "c"): return equal(name, "caption")
        case UInt8(ascii: "d"): return equal(name, "desc") || equal(name, "details")
        case UInt8(ascii: "f"): return equal(name, "figure") || equal(name, "figcaption")
        case UInt8(ascii: "g"): return equal(name, "g")
        case UInt8(ascii: "l"): return equal(name, "line")
        case UInt8(ascii: "p"): return equal(name, "p")
        case UInt8(ascii: "r"): return equal(name, "rect")
        case UInt8(ascii: "s"): return equal(name, "svg") || equal(name, "summary")
        case UInt8(ascii: "t"):
            return equal(name, "title") || equal(name, "text") || equal(name, "table") || equal(name, "thead")
                || equal(name, "tbody") || equal(name, "tr")
        default: return false
        }
    }
}
