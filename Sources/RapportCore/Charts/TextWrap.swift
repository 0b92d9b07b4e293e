/// Estimated text widths and greedy line wrapping, for laying out labels without a font engine.
///
/// The build cannot measure text (no browser, and the reader's font is unknown), so widths come
/// from a table of advance widths measured in headless Chromium for DejaVu Sans, the widest of the
/// common system sans-serifs (Linux's default). Arial/Helvetica (Liberation Sans) measured about 10 %
/// narrower, so on Windows and macOS labels get a little extra white space; under-estimating instead
/// would let a label run into a bar. The table is fixed, so layouts and golden files do not depend on
/// the machine that builds the site.
public enum TextWrap {
    /// Width of `text` in user units at `fontSize`; bold (600) measured 12–14 % wider.
    public static func width(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
        scaled(ems(text), fontSize: fontSize, bold: bold)
    }

    /// The sum of the advances, added left to right: `lines` continues such a sum word by word and
    /// gets exactly the value a new sum over the longer text would give.
    private static func ems(_ text: String, from start: Double = 0) -> Double {
        var ems = start
        // Standalone scalars (all Danish text): one scalar is one Character, and Latin scalars are
        // looked up by number – finding Character boundaries and hashing Characters was most of
        // the cost of laying out a chart.
        for scalar in text.unicodeScalars {
            guard scalar.isStandaloneCharacter else { return characterEms(text, from: start) }
            ems += scalar.value < 0x180 ? latinAdvances[Int(scalar.value)] : advance(Character(scalar))
        }
        return ems
    }

    private static func characterEms(_ text: String, from start: Double) -> Double {
        var ems = start
        for character in text {
            ems += advance(character)
        }
        return ems
    }

    private static func scaled(_ ems: Double, fontSize: Double, bold: Bool) -> Double {
        ems * fontSize * (bold ? 1.14 : 1)
    }

    /// DejaVu Sans advance widths in em, grouped by width and rounded up to 0.01.
    private static let advances: [Character: Double] = {
        let groups: [(Double, String)] = [
            (0.28, "ijl'"), (0.30, "IJ"), (0.32, " .,\u{00A0}"), (0.34, ":;/|"), (0.36, "f-"), (0.39, "()[]"),
            (0.40, "t!"), (0.42, "r"), (0.50, "–"), (0.52, "s\""), (0.53, "z"), (0.55, "c"), (0.56, "L"), (0.58, "kF"),
            (0.60, "vxy"), (0.61, "PTY"), (0.62, "aeoøåéü"), (0.64, "0123456789bdghnpquES?"), (0.66, "K"),
            (0.69, "ABVXZÅ"), (0.70, "CR"), (0.74, "U"), (0.75, "N"), (0.76, "H"), (0.77, "D"), (0.78, "G"),
            (0.79, "OQØ"), (0.82, "w"), (0.84, "=+<>"), (0.87, "M"), (0.95, "%"), (0.99, "mæÆW—@"),
        ]
        var table: [Character: Double] = [:]
        for (width, characters) in groups {
            for character in characters { table[character] = width }
        }
        return table
    }()

    /// Advance width of one character in em; characters not in the table get a generous default.
    static func advance(_ character: Character) -> Double {
        advances[character] ?? (character.isUppercase ? 0.80 : 0.66)
    }

    private static let spaceAdvance = advance(" ")

    /// The same widths for U+0000…U+017F by scalar value.
    private static let latinAdvances: [Double] = (0..<0x180).map { value in
        advance(Character(Unicode.Scalar(UInt32(value))!))
    }

    /// Splits `text` into lines no wider than `maxWidth`, breaking between words. A word wider than
    /// a whole line is broken between characters (rare in Danish survey text, but a long compound
    /// must not overflow into the bars).
    public static func lines(_ text: String, maxWidth: Double, fontSize: Double, bold: Bool = false) -> [String] {
        if let lines = standaloneLines(text, maxWidth: maxWidth, fontSize: fontSize, bold: bold) { return lines }
        let words = splitWords(text)
        var lines: [String] = []
        // The words of the line so far, joined only when the line is complete (joining word by
        // word built a new string per word); its width is measured once, not again per word.
        var current: [String] = []
        var currentEms = 0.0
        for word in words {
            let candidateEms = current.isEmpty ? ems(word) : ems(word, from: currentEms + spaceAdvance)
            if scaled(candidateEms, fontSize: fontSize, bold: bold) <= maxWidth {
                current.append(word)
                currentEms = candidateEms
                continue
            }
            if !current.isEmpty { lines.append(current.joined(separator: " ")) }
            current = []
            for piece in breakWord(word, maxWidth: maxWidth, fontSize: fontSize, bold: bold) {
                if !current.isEmpty { lines.append(current.joined(separator: " ")) }
                current = [piece]
                currentEms = ems(piece)
            }
        }
        if !current.isEmpty { lines.append(current.joined(separator: " ")) }
        return lines.isEmpty ? [""] : lines
    }

    /// `lines` for a text of standalone scalars (all Danish text), in one walk over its scalars:
    /// each word's width is summed twice as it is read – continuing the line so far (plus a space)
    /// and on its own, for a new line – in the order `ems` adds, so the sums are the same numbers.
    /// A line is kept as a range of the text and copied out once; only where its words were not
    /// one space apart are they joined again. `nil` at the first scalar that is not standalone (the
    /// general path measures by `Character`). Splitting into words, measuring each again and
    /// joining them was ~120,000 instructions per Likert chart; this saves ~90,000 of them.
    private static func standaloneLines(_ text: String, maxWidth: Double, fontSize: Double, bold: Bool) -> [String]? {
        var lines: [String] = []
        var line = LineRange()
        var currentEms = 0.0
        var wordStart: String.Index?
        var continued = 0.0, alone = 0.0
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while true {
            let scalar: Unicode.Scalar? = index < scalars.endIndex ? scalars[index] : nil
            if let scalar, !isSeparator(scalar) {
                guard scalar.isStandaloneCharacter else { return nil }
                if wordStart == nil {
                    wordStart = index
                    continued = currentEms + spaceAdvance
                    alone = 0
                }
                let advance = scalar.value < 0x180 ? latinAdvances[Int(scalar.value)] : advance(Character(scalar))
                continued += advance
                alone += advance
            } else if let start = wordStart {
                wordStart = nil
                let candidateEms = line.isEmpty ? alone : continued
                if scaled(candidateEms, fontSize: fontSize, bold: bold) <= maxWidth {
                    line.extend(to: start..<index, in: text)
                    currentEms = candidateEms
                } else {
                    line.flush(text, into: &lines)
                    let pieces = breakWord(String(text[start..<index]), maxWidth: maxWidth, fontSize: fontSize, bold: bold)
                    lines += pieces.dropLast()
                    // The last piece (the whole word, when it fits a line) starts the next line.
                    let last = pieces.last ?? ""
                    line.extend(to: text.utf8.index(index, offsetBy: -last.utf8.count)..<index, in: text)
                    currentEms = ems(last)
                }
            }
            guard scalar != nil else { break }
            scalars.formIndex(after: &index)
        }
        line.flush(text, into: &lines)
        return lines.isEmpty ? [""] : lines
    }

    /// Words are separated by spaces, line feeds and tabs.
    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\t"
    }

    /// `isSeparator` for `Character`s: a CR LF, or a space with a combining mark, is not one.
    private static func isSeparator(_ character: Character) -> Bool {
        character.unicodeScalars.count == 1 && isSeparator(character.unicodeScalars.first!)
    }

    /// The words of a line being filled, as the range of the text from its first word's start to
    /// its last word's end.
    private struct LineRange {
        private var range: Range<String.Index>?
        /// Whether the words in `range` are one space apart, so the range is the line as it is.
        private var verbatim = true

        var isEmpty: Bool { range == nil }

        mutating func extend(to word: Range<String.Index>, in text: String) {
            guard let current = range else {
                range = word
                return
            }
            let gap = text.utf8[current.upperBound..<word.lowerBound]
            verbatim = verbatim && gap.count == 1 && gap.first == UInt8(ascii: " ")
            range = current.lowerBound..<word.upperBound
        }

        mutating func flush(_ text: String, into lines: inout [String]) {
            guard let current = range else { return }
            let words = text[current]
            lines.append(verbatim ? String(words) : words.split(whereSeparator: TextWrap.isSeparator).joined(separator: " "))
            range = nil
            verbatim = true
        }
    }

    /// The words of `text` (by `Character`: a CR LF or a combining mark after a space belongs to it).
    private static func splitWords(_ text: String) -> [String] {
        text.split(whereSeparator: isSeparator).map(String.init)
    }

    /// Pieces of `word` that each fit `maxWidth` (at least one character per piece).
    private static func breakWord(_ word: String, maxWidth: Double, fontSize: Double, bold: Bool) -> [String] {
        guard width(word, fontSize: fontSize, bold: bold) > maxWidth else { return [word] }
        var pieces: [String] = []
        var current = ""
        for character in word {
            let candidate = current + String(character)
            if !current.isEmpty, width(candidate, fontSize: fontSize, bold: bold) > maxWidth {
                pieces.append(current)
                current = String(character)
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}
