import Foundation
import PropertyBased

// Generators of hostile but plausible inputs: what an author, an editor, a spreadsheet program or a
// copy-paste from the web may put into Content/. Each generator is a PropertyBased `Generator`, so a
// property can run it from a fixed seed (see `PropertyRunner`). They build text imperatively from
// weighted pieces, which reads closer to the formats than a tower of combinators.

extension RandomNumberGenerator {
    mutating func below(_ bound: Int) -> Int { Int.random(in: 0..<max(bound, 1), using: &self) }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }
    mutating func pick<C: Collection>(_ items: C) -> C.Element { items.randomElement(using: &self)! }
    /// `count` pieces from `make`, joined.
    mutating func repeated(_ count: Int, separator: String = "", _ make: (inout Self) -> String) -> String {
        var pieces: [String] = []
        for _ in 0..<count { pieces.append(make(&self)) }
        return pieces.joined(separator: separator)
    }
}

enum Inputs {
    // MARK: - Text

    /// Words and characters that have broken text handling somewhere: Danish letters, combining
    /// marks, right-to-left text and overrides, emoji sequences, zero-width and odd line separators,
    /// control characters (NUL excluded: the reader rejects it), look-alike digits.
    static let unicodePieces: [String] = [
        "Læring", "trivsel", "æøå", "ÆØÅ", "Ærø", "søjler", "spørgsmål", "e\u{301}", "a\u{308}\u{308}\u{308}\u{308}",
        "\u{301}", "שלום", "مرحبا", "\u{202E}kcatta", "\u{200F}", "\u{200B}", "\u{2060}", "👩‍👩‍👧", "🇩🇰", "🏳️‍🌈",
        "\u{FEFF}", "\u{2028}", "\u{2029}", "\u{85}", "\u{0B}", "\u{0C}", "\u{7F}", "\u{1B}[31m", "\u{01}", "\u{1F}",
        "\u{FFFD}", "\u{FFFF}", "\u{10FFFF}", "\u{E000}", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "١٢٣", "１２", "½", "²", "Ⅻ", "ß", "İ", "ﬁ",
        "\u{00A0}", "\u{3000}", "\t", "  ", "x", "Vejle", "Aabenraa", "Ved ikke", "I høj grad",
    ]

    static func word(_ rng: inout some RandomNumberGenerator) -> String {
        switch rng.below(10) {
        case 0..<5: rng.pick(["en", "to", "tre", "og", "i", "på", "Læring", "børn", "Forældre", "x", "a", "1", "2022", "-1", "3,16"])
        case 5..<8: rng.pick(unicodePieces)
        case 8: String(Character(Unicode.Scalar(UInt8(rng.int(1...127)))))
        default: String(Character(Unicode.Scalar(UInt32(rng.int(0xA0...0xD7FF))) ?? "x"))
        }
    }

    static func text(_ rng: inout some RandomNumberGenerator, words: ClosedRange<Int> = 1...6) -> String {
        rng.repeated(rng.int(words), separator: rng.chance(0.8) ? " " : "") { word(&$0) }
    }

    /// A line far longer than any editor shows, of one repeated piece.
    static func longLine(_ rng: inout some RandomNumberGenerator) -> String {
        let piece = rng.pick(["a", "æ", "a ", "ab-", "👩‍👩‍👧", "\u{301}", "x\u{0B}", "-", " ", "%", "\\"])
        return String(repeating: piece, count: rng.int(2_000...40_000))
    }

    static func lineBreak(_ rng: inout some RandomNumberGenerator) -> String {
        rng.pick(["\n", "\n", "\n", "\n", "\r\n", "\r\n", "\r"])
    }

    // MARK: - YAML

    static let yamlScalars: [String] = [
        "", "~", "null", "Null", "true", "false", "yes", "no", "on", "Off", "y", "0", "1", "-1", "2", "9", "10", "007", "0x1F",
        "0o17", "0b101", "1_000", "1e3", "1.5", ".5", "-.inf", ".NaN", "99999999999999999999999", "-9223372036854775808",
        "9223372036854775807", "9223372036854775808", "2022-01-01", "12:30:00", "'enkelt'", "'it''s'",
        "\"dobbelt \\u00e6 \\x41 \\t\"", "\"\\e\\a\\v\"", "\"\\0\"", "\"a\\x00b\"", "\"\\e[2J\"", "\"\\N\\_\\L\\P\"", "\"\\uD800\"", "\"\\U0010FFFF\"",
        "\"uafsluttet", "'uafsluttet", "[1, 2]", "[", "]", "[a, [b, [c]]]", "{a: b}", "{", "}", "{a: [1, {b: c}]}",
        "&anker x", "*anker", "*ukendt", "!!int x", "!!str 1", "!!binary AAAA", "!!float abc", "!lokal x", "!<tag:x> y",
        "|", ">", "|-", "|+2", ">9", "@reserveret", "`backtick", "# kommentar", "a: b: c", "a #b", "- a", "? kompleks",
        ": tom", "%TAG", "---", "...", "'", "\"", "\\", "&", "*", "!", "|\n  blok\n  tekst", ">\n  foldet\n\n  tekst",
        "\n  - a\n  - b", "\n  a: 1\n  b: 2", "[*a, *a, *a]", "<<: *a",
    ]

    static func yamlValue(_ rng: inout some RandomNumberGenerator) -> String {
        switch rng.below(10) {
        case 0..<5: rng.pick(yamlScalars)
        case 5..<8: text(&rng)
        case 8: "[" + rng.repeated(rng.int(0...5), separator: ", ") { rng in rng.chance(0.5) ? String(rng.int(-3...12)) : text(&rng, words: 1...2) } + "]"
        default: longLine(&rng)
        }
    }

    /// YAML-ish lines: mostly `key: value` with the given keys, plus list items, comments, odd
    /// indentation, anchors and aliases, document markers and garbage.
    static func yaml(_ rng: inout some RandomNumberGenerator, keys: [String], lines: ClosedRange<Int> = 0...8) -> String {
        var out: [String] = []
        for _ in 0..<rng.int(lines) {
            let indent = rng.chance(0.85) ? "" : String(repeating: rng.pick([" ", "\t"]), count: rng.int(1...4))
            let key: String = switch rng.below(10) {
            case 0..<7: rng.pick(keys)
            case 7: rng.pick(keys).uppercased()
            case 8: text(&rng, words: 1...2)
            default: rng.pick(["<<", "? a", "-", "\"titel\"", "'nummer'", "tit el", "titel ", "titl", "&a titel", "*a"])
            }
            switch rng.below(12) {
            case 0..<8: out.append(indent + key + rng.pick([": ", ":", ":  ", ": \t", " : "]) + yamlValue(&rng) + (rng.chance(0.1) ? " # note" : ""))
            case 8: out.append(indent + "- " + yamlValue(&rng))
            case 9: out.append(rng.pick(["", "#", "# kommentar", "---", "...", "%YAML 1.1", "  ", "\t"]))
            case 10: out.append(indent + text(&rng))
            default: out.append("a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\nd: [*c, *c, *c, *c]")
            }
        }
        return out.joined(separator: rng.chance(0.9) ? "\n" : lineBreak(&rng))
    }

    // MARK: - Front matter

    static let pageKeys = ["titel", "resume", "eksempeldata", "raa_html", "nummer", "pladsholder", "kommune", "indsatsområde",
                           "målgruppe", "periode", "status", "elementer", "samarbejdsparter", "dagtilbud", "gruppe"]

    static let pagePaths = ["index.md", "kapitler/_index.md", "kapitler/fuzz.md", "projekter/_index.md", "projekter/fuzz.md",
                            "elementer/_index.md", "elementer/fuzz.md", "fuzz.md"]

    /// Front matter that is right for the page kind, so that mutations start near valid input.
    static func validFrontMatter(for path: String, _ rng: inout some RandomNumberGenerator) -> [String] {
        var lines = ["titel: " + (rng.chance(0.7) ? "Fuzzside" : quotedText(&rng))]
        if rng.chance(0.4) { lines.append("resume: " + quotedText(&rng)) }
        if rng.chance(0.3) { lines.append("eksempeldata: " + rng.pick(["true", "false"])) }
        if rng.chance(0.1) { lines.append("raa_html: true") }
        switch path {
        case "kapitler/fuzz.md":
            lines.append("nummer: \(rng.int(2...40))")
            if rng.chance(0.2) { lines.append("pladsholder: true") }
        case "projekter/fuzz.md":
            lines += ["kommune: " + rng.pick(["Vejle", "Aabenraa", "Ærø", "København"]), "indsatsområde: Sprog", "periode: 2018–2022",
                      "status: Afsluttet"]
            if rng.chance(0.5) { lines.append("elementer: [\(rng.int(1...9))]") }
            if rng.chance(0.5) { lines.append("samarbejdsparter: [PPR, Sundhedsplejen]") }
        case "elementer/fuzz.md":
            lines += ["nummer: \(rng.int(1...9))", "gruppe: " + rng.pick(["forældresamarbejde", "tværfagligt samarbejde"])]
        default:
            break
        }
        return lines
    }

    /// A text that is safe as a YAML value.
    static func quotedText(_ rng: inout some RandomNumberGenerator) -> String {
        let raw = text(&rng).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        let printable = raw.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value)
            && $0.value != 0xFEFF && !(0x2028...0x2029).contains($0.value) && !(0xFFFE...0xFFFF).contains($0.value) }
        return "\"" + String(String.UnicodeScalarView(printable)) + "\""
    }

    /// A Markdown file's text for `path`: front matter (valid, random or broken) and a short body.
    static func frontMatterFile(for path: String, _ rng: inout some RandomNumberGenerator) -> String {
        let open = rng.chance(0.9) ? "---" : rng.pick(["", "--- ", "----", "- - -", "\u{FEFF}---", "--", "---\u{0B}", "+++"])
        let close = rng.chance(0.85) ? rng.pick(["---", "..."]) : rng.pick(["", "--- ", "----", "---\u{2028}", "***"])
        var lines: [String]
        switch rng.below(3) {
        case 0: lines = validFrontMatter(for: path, &rng)
        case 1: lines = validFrontMatter(for: path, &rng) + yaml(&rng, keys: pageKeys, lines: 0...3).split(separator: "\n").map(String.init)
        default: lines = yaml(&rng, keys: pageKeys).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        lines.shuffle(using: &rng)
        var text = ([open] + lines + [close]).joined(separator: "\n") + "\n" + (rng.chance(0.7) ? "Tekst.\n" : markdown(&rng, blocks: 0...3))
        if rng.chance(0.15) { text = String(text.prefix(rng.below(text.count + 1))) }  // truncated anywhere
        if rng.chance(0.1) { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        return text
    }

    // MARK: - Markdown

    /// Destinations that are unsafe, malformed, outside the content folder or merely unusual.
    static let destinations: [String] = [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "javascript&colon;alert(1)", "&#106;avascript:alert(1)",
        "&#x6A;avascript:alert(1)", "java%73cript:alert(1)", "%6Aavascript:alert(1)", " javascript:alert(1)",
        "<java\tscript:alert(1)>", "<javascript:alert(1)>", "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>",
        "DATA:image/svg+xml;base64,PHN2Zz4=", "file:///etc/passwd", "../../hemmelig.md", "../../../etc/passwd",
        "../kapitler/et.md#foerste-afsnit", "et.md", "et.md#", "et.md#mangler", "#foerste-afsnit", "#", "", "<>",
        "https://example.dk/æøå?a=1&b=2", "http://x", "mailto:a@example.dk", "//evil.example/x", "/absolut/sti",
        "?q=1", "%", "%zz", "%E6", "%C3%A6.md", "kapitler/%2e%2e/%2e%2e/x.md", "x.md#%", "../data/ok.csv", "data/ok.csv",
        "..\\..\\x", "./", ".", "..", "...", "a:b", "1:2", "-:x", "+x:y", "<a b>", "<a\\>b>", "x.md#æøå", "#%E6",
        "ftp://x", "tel:+4512345678", "intent://x", "\u{202E}lmth.exe", "data", "javascript", "javascript :x",
    ]

    static let inlineHTML: [String] = [
        "<script>alert(1)</script>", "<SCRIPT SRC=x>", "<scr<script>ipt>", "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>", "<b>fed</b>", "<!-- kommentar -->", "<!--rapport:figur:0-->",
        "<!--rapport:xref:99-->", "<!--rapport:tabel:0-->", "<?php ?>", "<![CDATA[x]]>", "<!DOCTYPE html>",
        "<svg onload=alert(1)>", "<iframe src=//x>", "<style>*{}</style>", "</p>", "<a/href=javascript:x>",
    ]

    static func destination(_ rng: inout some RandomNumberGenerator) -> String {
        switch rng.below(10) {
        case 0..<7: rng.pick(destinations)
        case 7: text(&rng, words: 1...2)
        default: rng.pick(["", "../", "kapitler/", "#"]) + rng.repeated(rng.int(1...4)) { rng in rng.pick(["%", "2e", "..", "/", "æ", "#", "a", ":", "?", "\\"]) }
        }
    }

    static func inline(_ rng: inout some RandomNumberGenerator) -> String {
        switch rng.below(24) {
        case 0..<6: return word(&rng)
        case 6..<9: return String(repeating: rng.pick(Array("*_[]()!<>|~`#>-\\&:")), count: rng.int(1...4))
        case 9: return "[" + text(&rng, words: 0...2) + "](" + destination(&rng) + (rng.chance(0.2) ? " \"titel\"" : "") + ")"
        case 10: return "![" + text(&rng, words: 0...2) + "](" + destination(&rng) + ")"
        case 11: return "<" + destination(&rng) + ">"
        case 12: return rng.pick(["www.example.dk", "https://example.dk", "a@example.dk", "www.", "http://", "xmpp:a@b"])
        case 13: return "[@" + rng.pick(["fig", "tab", "Fig", "figur"]) + ":" + rng.pick(["fuzz", "ukendt", "", "a-b", "æ", "x y"]) + "]"
        case 14: return "[^" + rng.pick(["1", "a", "", "^", "1]"]) + "]"
        case 15: return rng.pick(["&amp;", "&#0;", "&#x110000;", "&colon;", "&lt;script&gt;", "&#xD800;", "&nbsp", "&;", "&#99999999;"])
        case 16: return "`" + text(&rng, words: 1...3) + "`"
        case 17: return rng.pick(inlineHTML)
        case 18: return "  \n"
        case 19: return "**" + text(&rng, words: 1...3) + "**"
        case 20: return "~~" + text(&rng, words: 1...2) + "~~"
        case 21: return "[" + text(&rng, words: 1...2) + "][" + rng.pick(["ref", "", "x"]) + "]"
        case 22: return "\\" + String(rng.pick(Array("*_[]()!<>|~`#-\\")))
        default: return lineBreak(&rng)
        }
    }

    static func paragraph(_ rng: inout some RandomNumberGenerator) -> String {
        rng.repeated(rng.int(1...12), separator: rng.chance(0.6) ? " " : "") { inline(&$0) }
    }

    /// A `figur` block with YAML that is often, but not always, a valid spec for `data/fuzz.csv`.
    static func figureBlock(_ rng: inout some RandomNumberGenerator) -> String {
        let fence = rng.chance(0.9) ? "```" : rng.pick(["~~~", "````", "``"])
        let info = rng.chance(0.9) ? "figur" : rng.pick(["figur ", " figur", "Figur", "figur yaml", "figurer"])
        let body = rng.chance(0.6) ? validFigureYAML(&rng) : figureYAML(&rng)
        let closing = rng.chance(0.9) ? fence : rng.pick(["", "``", "~~~~"])
        return fence + info + "\n" + body + "\n" + closing
    }

    static func markdownBlock(_ rng: inout some RandomNumberGenerator) -> String {
        switch rng.below(20) {
        case 0..<6: return paragraph(&rng)
        case 6: return String(repeating: "#", count: rng.int(1...7)) + rng.pick([" ", "", "\t"]) + paragraph(&rng)
        case 7: return paragraph(&rng) + "\n" + rng.pick(["===", "---", "-", "= ="])
        case 8:
            let depth = rng.chance(0.9) ? rng.int(1...4) : rng.int(5...45)
            return (0..<depth).map { level in String(repeating: " ", count: level * 2) + rng.pick(["- ", "* ", "+ ", "1. ", "1) ", "- [ ] ", "- [x] "]) + paragraph(&rng) }.joined(separator: "\n")
        case 9: return String(repeating: rng.pick(["> ", ">"]), count: rng.chance(0.9) ? rng.int(1...3) : rng.int(4...40)) + paragraph(&rng)
        case 10:
            let fence = rng.pick(["```", "~~~", "````"])
            return fence + rng.pick(["", "swift", "html", "<script>", "figur"]) + "\n" + paragraph(&rng) + "\n" + (rng.chance(0.8) ? fence : "")
        case 11: return figureBlock(&rng)
        case 12:
            let columns = rng.chance(0.9) ? rng.int(1...5) : rng.int(6...120)
            var caption = ""
            if rng.chance(0.4) { caption = "Tabel: " + text(&rng) + " {#tab:" + rng.pick(["fuzz", "a", "æ", "", "x y"]) + "}\n\n" }
            let header = tableRow(columns: columns, &rng)
            let align = "|" + rng.repeated(columns, separator: "|") { rng in rng.pick(["-", ":-", "-:", ":-:", "---", ""]) } + "|"
            let body = rng.repeated(rng.int(0...4), separator: "\n") { tableRow(columns: columns, &$0) }
            return caption + header + "\n" + align + "\n" + body
        case 13: return rng.pick(inlineHTML) + "\n" + paragraph(&rng)
        case 14: return "[^" + rng.pick(["1", "a", "x"]) + "]: " + paragraph(&rng)
        case 15: return "[" + rng.pick(["ref", "x", "Ref"]) + "]: " + destination(&rng) + rng.pick(["", " \"titel\"", " 'x'", " (y)"])
        case 16: return rng.pick(["***", "---", "___", "* * *", "- - -"])
        case 17: return longLine(&rng)
        case 18: return "    " + paragraph(&rng)
        default: return rng.pick(["", " ", "\t", "\u{FEFF}", "\u{0B}", "\\"])
        }
    }

    static func tableRow(columns: Int, _ rng: inout some RandomNumberGenerator) -> String {
        "|" + rng.repeated(columns, separator: "|") { rng in rng.chance(0.3) ? inline(&rng) : word(&rng) } + "|"
    }

    static func markdown(_ rng: inout some RandomNumberGenerator, blocks: ClosedRange<Int> = 1...10) -> String {
        rng.repeated(rng.int(blocks), separator: rng.chance(0.8) ? "\n\n" : lineBreak(&rng)) { markdownBlock(&$0) }
    }

    // MARK: - Figure specs

    static let figureKeys = ["id", "type", "titel", "data", "kilde", "sortering", "skala", "ved_ikke", "etiket_graense",
                             "eksempeldata", "beskrivelse", "title", "kind", "file", "sort", "etiket_grænse", "ID", "Type"]

    static let figureValues: [String] = [
        "fuzz", "fuzz-2", "Fuzz", "fig 1", "æøå", "-", "a--b", "likert", "søjler", "soejler", "Likert", "bars", "columns",
        "data/fuzz.csv", "data/ok.csv", "/etc/passwd.csv", "../fuzz.csv", "data/../../x.csv", "data/fuzz.CSV", "data/fuzz.txt",
        "data/%2e%2e/x.csv", "data\\..\\x.csv", "data//fuzz.csv", "./data/fuzz.csv", "data/mangler.csv", ".csv", "gennemsnit",
        "original", "Gennemsnit", "[Slet ikke, I mindre grad, I nogen grad, I høj grad, I meget høj grad, Ved ikke]", "[]",
        "[a]", "[a, a]", "[a, b, c, d, e, f, g, h, i]", "[[a], b]", "[a, '', b]", "Ved ikke", "null", "''", "-1", "0", "100",
        "101", "5.5", "fem", "true", "ja", "1",
    ]

    /// Random keys and values from the figure vocabulary, plus the generic YAML noise.
    static func figureYAML(_ rng: inout some RandomNumberGenerator) -> String {
        var lines: [String] = []
        for _ in 0..<rng.int(0...9) {
            let key = rng.pick(figureKeys)
            switch rng.below(10) {
            case 0..<6: lines.append(key + ": " + rng.pick(figureValues))
            case 6..<8: lines.append(key + ": " + yamlValue(&rng))
            case 8: lines.append("skala:\n" + rng.repeated(rng.int(0...9), separator: "\n") { rng in "  - " + rng.pick(["Slet ikke", "I høj grad", "Ved ikke", "", "a", "b", "c", "'x'"]) })
            default: lines.append(yaml(&rng, keys: figureKeys, lines: 1...2))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Scales the figures accept (2–7 valued points, "Ved ikke" optional and last) and some they don't.
    static func scale(_ rng: inout some RandomNumberGenerator) -> [String]? {
        switch rng.below(6) {
        case 0..<3: return nil  // the default scale
        case 3: return ["Nej", "Ja"]
        case 4: return ["Uenig", "Hverken eller", "Enig", "Ved ikke"]
        default: return (1...rng.int(2...7)).map { "Punkt \($0)" } + (rng.chance(0.5) ? ["Ved ikke"] : [])
        }
    }

    /// A spec that parses (a valid base) with now and then one key changed.
    static func validFigureYAML(_ rng: inout some RandomNumberGenerator, scale: [String]? = nil) -> String {
        var lines = ["id: " + rng.pick(["fuzz", "fuzz-to"]), "type: " + rng.pick(["likert", "søjler"]),
                     "titel: " + quotedText(&rng), "data: data/fuzz.csv"]
        if let scale { lines.append("skala: [" + scale.map { "\"\($0)\"" }.joined(separator: ", ") + "]") }
        if rng.chance(0.3) { lines.append("sortering: " + rng.pick(["gennemsnit", "original"])) }
        if rng.chance(0.3) { lines.append("kilde: " + quotedText(&rng)) }
        if rng.chance(0.2) { lines.append("etiket_graense: \(rng.int(0...100))") }
        if rng.chance(0.2) { lines.append("eksempeldata: " + rng.pick(["true", "false"])) }
        if rng.chance(0.2) { lines.append("beskrivelse: " + quotedText(&rng)) }
        if rng.chance(0.3) { lines[rng.below(lines.count)] = rng.pick(figureKeys) + ": " + rng.pick(figureValues) }
        lines.shuffle(using: &rng)
        return lines.joined(separator: "\n")
    }

    // MARK: - CSV

    static let counts: [String] = [
        "0", "1", "7", "42", "100", "-1", "-0", "+5", "00012", " 7 ", "1.5", "3,2", "\"3,2\"", "1e3", "0x10", "١٢", "１２", "½",
        "²", "99999999999999999999", "10000000", "10000001", "9223372036854775807", "", " ", "NaN", "∞", "12%", "\"\"",
        "\"7\"", "7\u{00A0}", "٣", "--1",
    ]

    static let means: [String] = [
        "1", "2,5", "3.16", "3,165", "4,999999", "5", "5.0000001", "1,", ",5", ".5", "0", "0,99", "999", "1000", "-1", "NaN",
        "1e0", "3,16,2", "\"3,16\"", "", "7", "1.1234567", "２", "3 ", " 3",
    ]

    static func csvField(_ text: String, _ rng: inout some RandomNumberGenerator) -> String {
        rng.chance(0.8) ? text : "\"" + text.replacingOccurrences(of: "\"", with: rng.chance(0.9) ? "\"\"" : "\"") + "\""
    }

    /// A CSV for a figure with `scale` (default when nil): a Likert table, a columns table, or noise.
    static func csv(_ rng: inout some RandomNumberGenerator, scale: [String]?) -> String {
        let categories = scale ?? ["Slet ikke", "I mindre grad", "I nogen grad", "I høj grad", "I meget høj grad", "Ved ikke"]
        var rows: [[String]] = []
        let rowCount = rng.chance(0.95) ? rng.int(0...8) : rng.int(200...3_000)
        switch rng.below(10) {
        case 0..<5:
            var header = ["spørgsmål"] + categories
            if rng.chance(0.15) { header[rng.below(header.count)] = rng.pick(["Spørgsmål", "sporgsmal", "Ved ikke ", "", "I Høj Grad", "kategori"]) }
            if rng.chance(0.1) { header.append(rng.pick(["Total", ""])) }
            if rng.chance(0.1) { header.removeLast() }
            rows.append(header)
            for _ in 0..<rowCount {
                let question = rng.chance(0.8) ? text(&rng)
                    : rowCount < 10 && rng.chance(0.2) ? longLine(&rng) : rng.pick(["", "a,b", "a\nb", "\"", "=cmd|' /C calc'!A0", "@SUM(1)", "+1"])
                var row = [csvField(question, &rng)] + categories.map { _ in rng.chance(0.85) ? String(rng.int(0...60)) : rng.pick(counts) }
                if rng.chance(0.05) { row.removeLast() }
                if rng.chance(0.05) { row.append("1") }
                rows.append(row)
            }
        case 5..<8:
            let series = rng.chance(0.5)
            rows.append(series ? ["kategori", "serie", "gennemsnit", "n"] : ["kategori", "gennemsnit", "n"])
            let seriesNames = (1...rng.int(1...8)).map { "Serie \($0)" }
            for _ in 0..<rowCount {
                var row = [csvField(rng.chance(0.8) ? rng.pick(["Vejle", "Ærø", "A", "B", "C"]) : text(&rng), &rng)]
                if series { row.append(rng.pick(seriesNames + [""])) }
                row.append(rng.pick(means))
                row.append(rng.chance(0.8) ? String(rng.int(1...500)) : rng.pick(counts))
                if rng.chance(0.05) { row.removeLast() }
                rows.append(row)
            }
        default:
            for _ in 0..<rng.int(0...6) {
                var row: [String] = []
                for _ in 0..<rng.int(0...5) { row.append(csvField(word(&rng), &rng)) }
                rows.append(row)
            }
        }
        let separator = rng.chance(0.95) ? "," : rng.pick([";", "\t", ", "])
        var text = rows.map { $0.joined(separator: separator) }.joined(separator: rng.chance(0.8) ? "\n" : lineBreak(&rng))
        if rng.chance(0.5) { text += "\n" }
        if rng.chance(0.2) { text = "\u{FEFF}" + text }
        if rng.chance(0.05) { text += rng.pick(["\"", "\n\n\n", ",", "\r", "\"a"]) }
        if rng.chance(0.05) { text = String(text.prefix(rng.below(text.count + 1))) }
        return text
    }

    // MARK: - Mutations

    /// Changes a valid text at character level: deletes, duplicates, swaps, or inserts a hostile piece.
    static func mutate(_ text: String, _ rng: inout some RandomNumberGenerator, times: ClosedRange<Int> = 1...4) -> String {
        var characters = Array(text)
        for _ in 0..<rng.int(times) {
            let at = rng.below(characters.count + 1)
            let length = min(rng.int(1...12), characters.count - at)
            switch rng.below(6) {
            case 0 where length > 0: characters.removeSubrange(at..<(at + length))
            case 1 where length > 0: characters.insert(contentsOf: characters[at..<(at + length)], at: at)
            case 2: characters.insert(contentsOf: Array(rng.pick(unicodePieces)), at: at)
            case 3: characters.insert(contentsOf: Array(inline(&rng)), at: at)
            case 4: characters.insert(contentsOf: Array(rng.pick(["\n", "---\n", ": ", "\"", ",", "|", "```", "\r"])), at: at)
            default: if !characters.isEmpty { characters.swapAt(rng.below(characters.count), rng.below(characters.count)) }
            }
        }
        return String(characters)
    }
}
