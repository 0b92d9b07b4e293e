import Yams

/// Typed readers for the values of a figure block. Each returns `nil` after reporting a diagnostic at
/// the value's own position, so the parser can go on and report the next problem too.
extension FigureSpecParser {
    /// Any non-empty scalar, as written. Text fields take YAML's raw text, so `titel: 2022` or
    /// `kilde: yes` mean what they say instead of becoming a number or a boolean.
    mutating func text(_ node: Node, key: FigureKey) -> String? {
        guard let scalar = node.scalar, node.null == nil else {
            let what = node.scalar == nil ? "must be text, not a list or mapping" : "has no value"
            error(node.mark, "'\(key.rawValue)' \(what)", hint: "write '\(key.rawValue): …' with the text on the same line")
            return nil
        }
        let value = scalar.string.trimmingBlanks
        guard !value.isEmpty else {
            error(node.mark, "'\(key.rawValue)' is empty", hint: "write the text or remove the line")
            return nil
        }
        guard !value.utf8.contains(0) else {
            // The reader keeps NUL out of files; a YAML escape must not bring it back into the page.
            // (By byte, as the front matter checks it: Foundation's `contains` of a string searched
            // through `range(of:)`, ~17,000 instructions per value.)
            error(node.mark, "'\(key.rawValue)' contains a NUL character", hint: "remove the escape \\0, \\x00 or \\u0000 from the value")
            return nil
        }
        return value
    }

    /// `id:` becomes part of the HTML id and of `[@fig:id]` references: keep it to `[a-z0-9-]+`.
    mutating func identifier(_ node: Node) -> String? {
        guard let value = text(node, key: .id) else { return nil }
        let allowed = value.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard allowed else {
            error(node.mark, "'id' may only contain a–z, 0–9 and '-', not '\(value)'",
                  hint: "try 'id: \(Self.slug(value))'")
            return nil
        }
        return value
    }

    /// A suggestion for a bad id: lower-case, Danish letters spelt out, everything else as '-'.
    static func slug(_ text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            switch character {
            case "æ": out += "ae"
            case "ø": out += "oe"
            case "å": out += "aa"
            case "a"..."z", "0"..."9": out.append(character)
            default: if !out.hasSuffix("-") { out += "-" }
            }
        }
        let trimmed = out.drop(while: { $0 == "-" })
        return String(trimmed.reversed().drop(while: { $0 == "-" }).reversed())
    }

    /// `data:` is relative to `Content/` and must name a CSV file inside it.
    mutating func path(_ node: Node) -> String? {
        guard let value = text(node, key: .data) else { return nil }
        if value.hasPrefix("/") || value.split(separator: "/").contains("..") {
            error(node.mark, "'data' must be a path inside Content/, not '\(value)'",
                  hint: "write it relative to Content/, e.g. 'data: data/forankring.csv'")
            return nil
        }
        guard value.lowercased().hasSuffix(".csv") else {
            error(node.mark, "'data' must name a .csv file, not '\(value)'", hint: "e.g. 'data: data/forankring.csv'")
            return nil
        }
        return value
    }

    /// One of a fixed set of words, with a did-you-mean hint.
    mutating func oneOf<Value>(
        _ node: Node, key: FigureKey, _ cases: [Value], name: (Value) -> String, aliases: [String: String] = [:]
    ) -> Value? {
        guard let value = text(node, key: key) else { return nil }
        if let match = cases.first(where: { name($0) == value }) { return match }
        let names = cases.map(name)
        error(node.mark, "'\(key.rawValue)' cannot be '\(value)'",
              hint: Suggestion.hint(for: value, among: names, aliases: aliases, what: "allowed values are"))
        return nil
    }

    mutating func bool(_ node: Node, key: FigureKey) -> Bool? {
        if let value = node.bool { return value }
        error(node.mark, "'\(key.rawValue)' must be true or false, not '\(node.scalar?.string ?? "…")'",
              hint: "write '\(key.rawValue): true' or '\(key.rawValue): false'")
        return nil
    }

    /// A whole number of percent, 0–100.
    mutating func percent(_ node: Node, key: FigureKey) -> Int? {
        if let value = node.wholeNumber, (0...100).contains(value) { return value }
        error(node.mark, "'\(key.rawValue)' must be a whole number from 0 to 100, not '\(node.scalar?.string ?? "…")'",
              hint: "e.g. '\(key.rawValue): 5' prints labels in segments of 5 % and more")
        return nil
    }

    /// `skala:` – a list of distinct, non-empty category names, in order.
    mutating func scaleList(_ node: Node) -> [String]? {
        guard let sequence = node.sequence else {
            error(node.mark, "'skala' must be a list of answer categories",
                  hint: "write e.g. 'skala: [Slet ikke, I mindre grad, I nogen grad, I høj grad, I meget høj grad, Ved ikke]'")
            return nil
        }
        guard !sequence.isEmpty else {
            // An empty list is no scale; without this it was accepted and every CSV row then failed.
            error(node.mark, "'skala' is an empty list",
                  hint: "list the answer categories in order, e.g. 'skala: [Nej, Ja]', or leave out 'skala' for the default")
            return nil
        }
        var categories: [String] = []
        var valid = true
        for item in sequence {
            guard let category = text(item, key: .skala) else {
                valid = false
                continue
            }
            if categories.contains(category) {
                error(item.mark, "'skala' lists '\(category)' twice", hint: "every answer category must be named once")
                valid = false
            }
            categories.append(category)
        }
        return valid ? categories : nil
    }

    /// `ved_ikke:` names the category left out of means. Absent: "Ved ikke" when the scale has it.
    /// `null` or an empty string: no such category.
    mutating func dontKnowCategory(_ node: Node?, scale: [String]) -> String? {
        guard let node else {
            return scale.contains(FigureSpec.defaultDontKnow) ? FigureSpec.defaultDontKnow : nil
        }
        guard let scalar = node.scalar else {
            error(node.mark, "'ved_ikke' must be one category name", hint: "e.g. 'ved_ikke: Ved ikke', or 'ved_ikke: null' for none")
            return nil
        }
        let value = scalar.string.trimmingBlanks
        if node.null != nil || value.isEmpty { return nil }
        guard scale.contains(value) else {
            if !scale.isEmpty {
                error(node.mark, "'ved_ikke' is '\(value)', which is not in the scale",
                      hint: Suggestion.hint(for: value, among: scale, what: "the scale's categories are"))
            }
            return nil
        }
        return value
    }

    /// The palette and the mean need 2–7 valued points, and "Ved ikke" drawn last, apart from them.
    mutating func checkPoints(scale: [String], dontKnow: String?, at mark: Mark?) {
        let points = scale.filter { $0 != dontKnow }.count
        if !FigureSpec.supportedPoints.contains(points) {
            let range = FigureSpec.supportedPoints
            error(mark, "the scale has \(points) valued categories; figures support \(range.lowerBound)–\(range.upperBound)",
                  hint: "list \(range.lowerBound)–\(range.upperBound) categories in 'skala' (plus an optional 'Ved ikke')")
        }
        if let dontKnow, scale.last != dontKnow {
            error(mark, "'\(dontKnow)' must be the last category of the scale",
                  hint: "move '\(dontKnow)' to the end of 'skala'; it is drawn in grey after the valued answers")
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and no-break spaces – what surrounds a value in a
    /// figure spec or a CSV cell (no Foundation needed). Not `String.trimmingSpaces()`, which
    /// trims Foundation's whole `whitespaces` set from headings and front matter.
    var trimmingBlanks: String {
        // Most values have nothing to trim: when the first byte cannot begin a space, tab or
        // no-break space (C2 A0) and the last cannot end one, neither the first nor the last
        // Character is one (the Character walk below was a third of reading a Likert CSV).
        let whole = String(self)  // free for the String values this is called on
        if let first = whole.utf8.first, let last = whole.utf8.last,
           first != 0x20, first != 0x09, first != 0xC2, last != 0x20, last != 0x09, last != 0xA0 {
            return whole
        }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
