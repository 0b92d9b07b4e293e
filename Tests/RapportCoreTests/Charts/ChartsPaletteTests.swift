import Testing
@testable import RapportCore

/// The palette's accessibility, proved with the WCAG 2.1 formulas for every scale size a figure
/// can have (2–7 valued categories, each with and without "Ved ikke").
@Suite struct ChartsPaletteTests {
    @Test func contrastFormulaMatchesKnownValues() {
        #expect(RGBColor(hex: 0x000000).contrast(with: .white) == 21)
        #expect(RGBColor.white.contrast(with: .white) == 1)
        // #767676 is the well-known lightest grey with 4.5:1 on white.
        let grey = RGBColor(hex: 0x767676).contrast(with: .white)
        #expect(grey > 4.5 && grey < 4.6)
        #expect(RGBColor(hex: 0x2F6699).description == "#2f6699")
        #expect(RGBColor(hex: 0x0A00FF).description == "#0a00ff")
    }

    @Test(arguments: FigureSpec.supportedPoints)
    func everySegmentLabelHasEnoughContrast(points: Int) {
        let colors = Palette.likert(points: points)
        #expect(colors.count == points)
        #expect(Set(colors).count == points, "colours must be distinct")
        for fill in colors + [Palette.dontKnow] {
            let text = Palette.label(on: fill)
            let ratio = text.contrast(with: fill)
            #expect(ratio >= 4.5, "label \(text) on \(fill): \(ratio):1 (WCAG 1.4.3 needs 4.5:1)")
        }
    }

    @Test(arguments: FigureSpec.supportedPoints)
    func dontKnowStandsApartFromTheScale(points: Int) {
        #expect(!Palette.likert(points: points).contains(Palette.dontKnow))
    }

    /// Legend swatches: 3:1 against the white page (WCAG 1.4.11), or an outline that has it.
    @Test(arguments: FigureSpec.supportedPoints)
    func legendSwatchesAreVisibleOnWhite(points: Int) {
        #expect(Palette.outline.contrast(with: .white) >= 3)
        for fill in Palette.likert(points: points) + [Palette.dontKnow] {
            let visible = fill.contrast(with: .white) >= 3 || Palette.needsOutline(fill)
            #expect(visible, "\(fill)")
        }
        let writer = MarkupWriter()
        writer.swatch(x: 0, y: 0, fill: Palette.dontKnow)
        let swatch = writer.markup
        #expect(swatch.contains("stroke=\"\(Palette.outline)\""))
    }

    /// Neighbouring segments are separated by a white line; it must show against at least one of the
    /// two neighbours, so the boundary is visible without telling the colours apart.
    @Test(arguments: FigureSpec.supportedPoints)
    func separatorsShowBetweenNeighbours(points: Int) {
        let colors = Palette.likert(points: points) + [Palette.dontKnow]
        for (left, right) in zip(colors, colors.dropFirst()) {
            let strongest = max(left.contrast(with: .white), right.contrast(with: .white))
            #expect(strongest >= 1.5, "\(left) | \(right)")
        }
    }

    @Test func seriesColoursAreDistinctAndVisibleOnWhite() {
        #expect(Palette.series.count >= ColumnTable.maximumSeries)
        #expect(Set(Palette.series).count == Palette.series.count)
        for fill in Palette.series {
            #expect(fill.contrast(with: .white) >= 3, "\(fill)")
        }
    }

    @Test func labelColourFollowsTheFill() {
        #expect(Palette.label(on: RGBColor(hex: 0x1B3F66)) == .white)
        #expect(Palette.label(on: RGBColor(hex: 0xE8E1D0)) == Palette.ink)
    }
}
