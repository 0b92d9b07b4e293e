import Testing
@testable import RapportCore

@Suite struct HTMLEscapingTests {
    @Test(arguments: [
        ("Læring & trivsel", "Læring &amp; trivsel"),
        ("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        ("\" onmouseover=\"x", "&quot; onmouseover=&quot;x"),
        ("ingenting", "ingenting"),
        ("", ""),
    ])
    func escapes(_ input: String, _ expected: String) {
        #expect(HTMLEscaping.escape(input) == expected)
    }

    /// The fast path's byte test is exactly the five characters `escape` replaces.
    @Test func theSpecialBytesAreTheFiveEscapedCharacters() {
        let special = Set("&<>\"'".utf8)
        for byte in UInt8.min...UInt8.max {
            #expect(HTMLEscaping.isSpecial(byte) == special.contains(byte), "byte \(byte)")
        }
        // A special character anywhere in a long text (past any short-string fast path) is found.
        let long = String(repeating: "æbleskiver og kaffe ", count: 20)
        #expect(HTMLEscaping.escape(long + "'") == long + "&#39;")
        #expect(HTMLEscaping.escape(long) == long)
    }

    @Test func placeholdersAreFilledInOnePassAndUnknownOnesKept() {
        let html = "a<!--rapport:figur:0-->b<!--rapport:xref:1-->c<!--rapport:nope:2-->d<!--rapport:xref:9-->"
        let filled = Placeholder.fill(html) { kind, index in
            kind == .figure ? "[F\(index)]" : (index == 1 ? "[X]" : nil)
        }
        #expect(filled == "a[F0]b[X]c<!--rapport:nope:2-->d<!--rapport:xref:9-->")
    }

    /// The byte-writing form assembles the page from slices of the input and the written bytes:
    /// non-ASCII text around and inside the replacements survives, a kept marker stays whole.
    @Test func writtenReplacementsKeepTheTextAroundThem() {
        let html = "æ<!--rapport:figur:0-->ø<!--rapport:xref:1-->å🙂<!--rapport:tabel:2-->"
        let filled = Placeholder.fill(html) { kind, index, out in
            switch kind {
            case .figure: out.append(contentsOf: "<figure>Ø\(index)</figure>".utf8)
            case .crossReference: return false
            case .tableLabel: break
            }
            return true
        }
        #expect(filled == "æ<figure>Ø0</figure>ø<!--rapport:xref:1-->å🙂")
        let bytes = Placeholder.fillBytes(html) { kind, index, out in
            guard kind == .figure else { return kind == .tableLabel }
            out.append(contentsOf: "<figure>Ø\(index)</figure>".utf8)
            return true
        }
        #expect(String(decoding: bytes, as: UTF8.self) == filled)
        #expect(Placeholder.fillBytes("ingen markører æ") { _, _, _ in true } == Array("ingen markører æ".utf8))
    }
}

@Suite struct HTMLByteEscapingTests {
    @Test(arguments: ["Læring & trivsel", "<script>alert('x')</script>", "\" onmouseover=\"x", "ingenting", "", "👩‍👩‍👧 < ÆØÅ",
                      "&", "&&", "a&", "&a", "<>\"'&", "æ'ø",
                      // Longer than a small string's 15 bytes (stored out of line), specials at both ends.
                      "'" + String(repeating: "æø å", count: 12) + "&"])
    func byteEscapingEqualsStringEscaping(_ input: String) {
        var runs = Array("før:".utf8)
        HTMLEscaping.forEachEscapedRun(of: input) { runs.append(contentsOf: $0) }
        #expect(String(decoding: runs, as: UTF8.self) == "før:" + HTMLEscaping.escape(input))
        let writer = MarkupWriter()
        writer.element("p", ["title": input], text: "før:" + input)
        #expect(writer.markup == "<p title=\"\(HTMLEscaping.escape(input))\">før:\(HTMLEscaping.escape(input))</p>\n")
    }
}
