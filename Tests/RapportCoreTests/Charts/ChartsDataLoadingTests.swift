import Testing
@testable import RapportCore

/// CSV files: valid ones become tables; each problem is reported at its line (and column) in the
/// CSV, all of them at once.
@Suite struct ChartsDataLoadingTests {
    static let csvPath = "Content/data/forankring.csv"
    static let header = "spørgsmål,Slet ikke,I mindre grad,I nogen grad,I høj grad,I meget høj grad,Ved ikke"

    static func spec(_ kind: FigureSpec.Kind = .likert) -> FigureSpec {
        let page = SourceLocation(file: "Content/kapitler/forankring.md", line: 10)
        return FigureSpec(id: "forankring", kind: kind, title: "T", dataPath: "data/forankring.csv", location: page,
                          dataLocation: SourceLocation(file: page.file, line: 13, column: 7))
    }

    static func load(_ text: String, kind: FigureSpec.Kind = .likert) -> Result<FigureData, DiagnosticList> {
        let file = SourceFile(relativePath: "data/forankring.csv", displayPath: csvPath, text: text)
        return FigureData.load(for: spec(kind), csv: file)
    }

    static func errors(_ text: String, kind: FigureSpec.Kind = .likert) -> [String] {
        guard case .failure(let list) = load(text, kind: kind) else { return [] }
        return list.diagnostics.map(\.description)
    }

    @Test func likertTable() throws {
        let data = try Self.load("""
            \(Self.header)
            Kommunikationen er mangelfuld,7,18,35,28,10,1
            "Mål, der er for høje",0, 2 ,3,4,5,0

            """).get()
        guard case .likert(let table) = data else {
            Issue.record("expected a Likert table")
            return
        }
        #expect(table.scale == FigureSpec.defaultScale)
        #expect(table.dontKnowIndex == 5)
        #expect(table.rows == [
            LikertTable.Row(question: "Kommunikationen er mangelfuld", counts: [7, 18, 35, 28, 10, 1], line: 2),
            LikertTable.Row(question: "Mål, der er for høje", counts: [0, 2, 3, 4, 5, 0], line: 3),
        ])
    }

    @Test func missingFileIsReportedAtTheDataLine() {
        guard case .failure(let list) = FigureData.load(for: Self.spec(), csv: nil) else {
            Issue.record("expected an error")
            return
        }
        #expect(list.diagnostics.map(\.description) == [
            "Content/kapitler/forankring.md:13:7: error: data file 'data/forankring.csv' does not exist – the path is relative to Content/; check the spelling, e.g. 'data: data/forankring.csv'",
        ])
    }

    @Test func everyBadCellIsReported() {
        let errors = Self.errors("""
            \(Self.header)
            A,7,18,-3,28,10,1
            B,7,18,35,28,10
            C,0,0,0,0,0,0
            D,1,2,3,4,5,
            E,1,2.5,3,4,5,6
            ,1,2,3,4,5,6
            F,1,2,3,4,5,99999999999
            """)
        #expect(errors == [
            "\(Self.csvPath):2:8: error: '-3' is not a count for 'I nogen grad' – counts are numbers of answers and cannot be negative",
            "\(Self.csvPath):3: error: the row has 6 fields, but the header has 7 – each row needs the question and 6 counts; quote a question that holds a comma: \"…\"",
            "\(Self.csvPath):4: error: 'C' has no answers (every count is 0) – remove the row, or fill in the counts",
            "\(Self.csvPath):5:13: error: no count for 'Ved ikke' – write 0 when nobody gave this answer",
            "\(Self.csvPath):6:5: error: '2.5' is not a count for 'I mindre grad' – give the number of answers as a whole number, not a percentage or decimal; Rapport computes the percentages",
            "\(Self.csvPath):7:1: error: the question is empty – write the question's text in the first column",
            "\(Self.csvPath):8:13: error: the count 99999999999 for 'Ved ikke' is implausibly large – counts are numbers of answers (at most 10.000.000)",
        ])
    }

    /// A quoted question spanning two lines: the rows after it keep their real line numbers.
    @Test func quotedLineBreaksKeepLineNumbers() {
        let errors = Self.errors("\(Self.header)\r\n\"To\r\nlinjer\",1,2,3,4,5,6\r\nB,1,x,3,4,5,6\r\n")
        #expect(errors == [
            "\(Self.csvPath):4:5: error: 'x' is not a count for 'I mindre grad' – give the number of answers as a whole number ≥ 0",
        ])
    }

    @Test(arguments: [
        ("spørgsmål,Slet ikke,I mindre grad,I nogen  grad,I høj grad,I meget høj grad,Ved ikke\nA,1,1,1,1,1,1",
         "\(csvPath):1:35: error: column 4 of the header is 'I nogen  grad', expected 'I nogen grad' – did you mean 'I nogen grad'? the header must be '\(header)' (or give the file's own scale with 'skala:')"),
        ("spørgsmål,Slet ikke,I mindre grad,I nogen grad,I høj grad,I meget høj grad\nA,1,1,1,1,1",
         "\(csvPath):1: error: the header lacks the column 'Ved ikke'"),
        ("\(header),Andet\nA,1,1,1,1,1,1,1", "\(csvPath):1:85: error: the header has an extra column 'Andet' that is not in the scale"),
        ("kategori,gennemsnit,n\nA,3.2,40", "\(csvPath):1:1: error: a Likert file must start with the column 'spørgsmål', not 'kategori' – this looks like mean columns: use 'type: søjler'"),
        ("spørgsmål;Slet ikke;I mindre grad\nA;1;2", "\(csvPath):1:1: error: the file is separated by ';', not ','"),
        ("", "\(csvPath):1: error: the data file is empty – the first line must be the header '\(header)'"),
        ("\u{FEFF}\n\n", "\(csvPath):1: error: the data file is empty"),
        ("\(header)\n", "\(csvPath):1: error: the data file has a header but no rows"),
        ("\(header)\n\"A,1,2,3,4,5,6\n", "\(csvPath):2:1: error: a quoted field is never closed"),
    ])
    func fileLevelProblems(text: String, expected: String) {
        let errors = Self.errors(text)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix(expected) == true, "\(errors)")
    }

    @Test func columnsWithTwoSeries() throws {
        let data = try Self.load("""
            kategori,serie,gennemsnit,n
            Forvaltningen,Før,"3,16",71
            Forvaltningen,Efter,2.5,45
            Lederne,Efter,4,45
            """, kind: .columns).get()
        guard case .columns(let table) = data else {
            Issue.record("expected columns")
            return
        }
        #expect(table.series == ["Før", "Efter"])
        #expect(table.points.count == 5)
        #expect(table.categories == [
            ColumnTable.Category(name: "Forvaltningen", values: [
                ColumnTable.Value(mean: Fraction(316, 100), n: 71), ColumnTable.Value(mean: Fraction(5, 2), n: 45),
            ]),
            ColumnTable.Category(name: "Lederne", values: [nil, ColumnTable.Value(mean: Fraction(4, 1), n: 45)]),
        ])
    }

    /// A Likert file behind a søjler figure: each question's mean, with n = the answers the mean is
    /// computed from ("Ved ikke" excluded).
    @Test func columnsFromLikert() throws {
        let data = try Self.load("\(Self.header)\nA,7,18,35,28,10,1\nB,0,0,0,0,0,4", kind: .columns).get()
        guard case .columns(let table) = data else {
            Issue.record("expected columns")
            return
        }
        #expect(table.series == [""])
        #expect(table.categories == [
            ColumnTable.Category(name: "A", values: [ColumnTable.Value(mean: Fraction(310, 98), n: 98)]),
            ColumnTable.Category(name: "B", values: [ColumnTable.Value(mean: nil, n: 0)]),
        ])
    }

    @Test func badColumnRows() {
        let errors = Self.errors("""
            kategori,serie,gennemsnit,n
            A,Før,5.5,10
            A,Før,3,10
            A,Før,3,10
            B,,3,10
            C,Før,tre,0
            """, kind: .columns)
        #expect(errors == [
            "\(Self.csvPath):2:7: error: the mean 5.5 is outside the scale 1 (Slet ikke) to 5 (I meget høj grad) – means of a 5-point scale lie from 1 to 5; give another scale with 'skala:'",
            "\(Self.csvPath):4: error: 'A' / 'Før' appears twice – keep one row per category and series",
            "\(Self.csvPath):5:3: error: the series is empty – name the series, or leave out the 'serie' column",
            "\(Self.csvPath):6:7: error: 'tre' is not a mean – write a decimal number such as 3,16 or 3.16",
            "\(Self.csvPath):6:11: error: '0' is not a number of answers – n is the number of answers behind the mean: a whole number ≥ 1",
        ])
        let header = Self.errors("kategori,middel,n\nA,3,4", kind: .columns)
        #expect(header.first?.hasPrefix("\(Self.csvPath):1: error: the header of a søjler file must be 'kategori,serie,gennemsnit,n' or 'kategori,gennemsnit,n'") == true)
    }

    @Test func csvReaderPositions() throws {
        let csv = try ChartCSV.parse("\u{FEFF}a, b ,\"c\"\"d\"\n\n\"x\ny\",2,\r3,4,").get()
        #expect(csv.records.map { $0.fields.map(\.text) } == [["a", "b", "c\"d"], ["x\ny", "2", ""], ["3", "4", ""]])
        #expect(csv.records.map(\.line) == [1, 3, 5])
        #expect(csv.records[0].fields.map(\.column) == [1, 3, 7])
        #expect(csv.records[1].fields.map(\.column) == [1, 4, 6])
    }

    /// The byte shortcuts of reading a CSV field agree with the Character definitions they replace.
    @Test(arguments: ["", "0", "42", "0042", "1\u{301}", "١٢", "½", "4,5", " 7", "7 ", "\u{00A0}7\u{00A0}", "\t8\t",
                      " \u{301}x", "x \u{301}", "Ved ikke", "æøå", "\r\n", "  ", "a\u{00A0}b"])
    func byteShortcutsAgreeWithCharacters(_ text: String) {
        #expect(text.isASCIIDigits == text.allSatisfy { $0.isASCII && $0.isWholeNumber })
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }
        let trimmed: String
        if let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) {
            trimmed = String(text[first...last])
        } else {
            trimmed = ""
        }
        #expect(text.trimmingBlanks == trimmed)
    }
}
