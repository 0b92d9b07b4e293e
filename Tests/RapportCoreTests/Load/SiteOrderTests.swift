import Testing
@testable import RapportCore

/// The page order (navigation, previous/next, overview tables) against its plain definition: the
/// sort by ranked keys must give exactly what comparing the pages pairwise gives.
@Suite struct SiteOrderTests {
    static func page(_ kind: PageKind, _ path: String, title: String, details: PageDetails = .none) -> Page {
        Page(kind: kind, source: SourceFile(relativePath: path, displayPath: "Content/" + path, text: ""), path: path,
             metadata: PageMetadata(title: title), details: details, body: "", bodyLineOffset: 0)
    }

    static func project(_ path: String, title: String, kommune: String) -> Page {
        page(.project, path, title: title, details: .project(ProjectInfo(
            kommune: kommune, focusArea: "", targetGroup: nil, period: "", status: "", elements: [], partners: [],
            daycare: nil, elementLocations: [])))
    }

    /// The comparison the sort had before it used keys.
    static func plainOrder(_ pages: [Page]) -> [Page] {
        let rank: [PageKind: Int] = [.home: 0, .chapterIndex: 1, .chapter: 2, .projectIndex: 3, .project: 4,
                                     .elementIndex: 5, .element: 6, .standalone: 7]
        return pages.sorted { a, b in
            if a.kind != b.kind { return rank[a.kind, default: 9] < rank[b.kind, default: 9] }
            switch (a.details, b.details) {
            case (.chapter(let x), .chapter(let y)) where x.number != y.number: return x.number < y.number
            case (.element(let x), .element(let y)) where x.number != y.number: return x.number < y.number
            case (.project(let x), .project(let y)) where x.kommune != y.kommune: return danishOrder(x.kommune, y.kommune)
            default:
                if a.metadata.title != b.metadata.title { return danishOrder(a.metadata.title, b.metadata.title) }
                return a.source.relativePath < b.source.relativePath
            }
        }
    }

    @Test func keysGiveThePlainOrder() {
        let kommuner = ["Vejle", "Aarhus", "Ærø", "Odense", "Åbenrå", "Esbjerg", "vejle", "Østerbro", "Aabenraa"]
        let titles = ["Læring i fællesskab", "Børn og forældre", "Alle med", "Æblehaven", "Åben dør", "alle med"]
        var pages: [Page] = [
            Self.page(.standalone, "tilgaengelighed.md", title: "Tilgængelighed"),
            Self.page(.home, "index.md", title: "Forside"),
            Self.page(.projectIndex, "projekter/_index.md", title: "Projekter"),
            Self.page(.chapterIndex, "kapitler/_index.md", title: "Kapitler"),
            Self.page(.elementIndex, "elementer/_index.md", title: "Elementer"),
            Self.page(.standalone, "om.md", title: "Om rapporten"),
        ]
        for number in [3, 1, 2, 10] {
            pages.append(Self.page(.chapter, "kapitler/k\(number).md", title: "Kapitel \(number)",
                                   details: .chapter(ChapterInfo(number: number, isPlaceholder: false))))
        }
        for number in [9, 2, 5] {
            pages.append(Self.page(.element, "elementer/e\(number).md", title: "Element \(number)",
                                   details: .element(ElementInfo(number: number, group: ""))))
        }
        for index in 0..<60 {
            // Three projects per kommune in a row, so each kommune has several titles to order
            // (among them "Æblehaven" and "Åben dør", whose bytes sort the other way round).
            pages.append(Self.project("projekter/p\(index).md", title: titles[index % titles.count],
                                      kommune: kommuner[(index / 3) % kommuner.count]))
        }
        let ordered = SiteLoader.order(pages).map(\.source.relativePath)
        #expect(ordered == Self.plainOrder(pages).map(\.source.relativePath))
        #expect(ordered.first == "index.md")
        #expect(Array(ordered[1...5]) == ["kapitler/_index.md", "kapitler/k1.md", "kapitler/k2.md", "kapitler/k3.md", "kapitler/k10.md"])
    }
}
