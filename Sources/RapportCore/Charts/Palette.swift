import Foundation

/// An sRGB colour, with the WCAG 2.1 arithmetic needed to prove that text and shapes are readable.
public struct RGBColor: Sendable, Hashable, CustomStringConvertible {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// From a 24-bit literal such as `0x2F6699` (the palette is written as hex, like a designer's).
    public init(hex: UInt32) {
        self.init(UInt8((hex >> 16) & 0xFF), UInt8((hex >> 8) & 0xFF), UInt8(hex & 0xFF))
    }

    /// `#2f6699`, as written into SVG.
    /// (Seven bytes written in place, a small string without heap storage: building it from strings,
    /// then from arrays, was 5 % and then 1 % of a build with figures.)
    public var description: String {
        String(unsafeUninitializedCapacity: 7) { bytes in
            writeHex(to: bytes.baseAddress!)
            return 7
        }
    }

    /// Writes `description`'s seven bytes at `start`.
    func writeHex(to start: UnsafeMutablePointer<UInt8>) {
        let digits: StaticString = "0123456789abcdef"
        digits.withUTF8Buffer { hex in
            start[0] = UInt8(ascii: "#")
            start[1] = hex[Int(red >> 4)]
            start[2] = hex[Int(red & 0xF)]
            start[3] = hex[Int(green >> 4)]
            start[4] = hex[Int(green & 0xF)]
            start[5] = hex[Int(blue >> 4)]
            start[6] = hex[Int(blue & 0xF)]
        }
    }

    /// WCAG 2.1 relative luminance (sRGB channels linearised, weighted 0.2126/0.7152/0.0722).
    public var relativeLuminance: Double {
        0.2126 * Self.linearChannel[Int(red)] + 0.7152 * Self.linearChannel[Int(green)] + 0.0722 * Self.linearChannel[Int(blue)]
    }

    /// The linearised value of each 8-bit channel, computed once (`pow` per call was measurable:
    /// label colours are chosen by contrast for every bar segment).
    private static let linearChannel: [Double] = (0...255).map { channel in
        let c = Double(channel) / 255
        return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }

    /// WCAG contrast ratio, 1…21.
    public func contrast(with other: RGBColor) -> Double {
        let (a, b) = (relativeLuminance, other.relativeLuminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    public static let white = RGBColor(hex: 0xFFFFFF)
}

/// The figure colours, chosen once and checked by tests.
///
/// Likert answers use a diverging orange → blue ramp (no red/green, so it reads with the common
/// colour-vision deficiencies; orange and blue carry no "bad/good" judgement, which matters because
/// "I meget høj grad" is bad news when the question is about barriers). "Ved ikke" is neutral grey and
/// drawn apart from the scale. Each colour was picked so that black or white text on it has at
/// least 4.5:1 contrast (WCAG 1.4.3); `PaletteTests` proves it for every supported scale size.
public enum Palette {
    /// Dark text on light segments, and outside the bars via `currentColor`.
    public static let ink = RGBColor(hex: 0x1A1A1A)
    /// Outline for legend swatches and bars too light to reach 3:1 against white (WCAG 1.4.11).
    public static let outline = RGBColor(hex: 0x767676)
    /// "Ved ikke".
    public static let dontKnow = RGBColor(hex: 0xB0B0B0)

    private static let ramps: [Int: [UInt32]] = [
        2: [0xB4541F, 0x2F6699],
        3: [0xD9782F, 0xE8E1D0, 0x5B93C2],
        4: [0xB4541F, 0xF0A868, 0x8EBBDA, 0x2F6699],
        5: [0xB4541F, 0xF0A868, 0xE8E1D0, 0x8EBBDA, 0x2F6699],
        6: [0x8A3410, 0xD9782F, 0xF6C99A, 0xA9CCE3, 0x5B93C2, 0x1B3F66],
        7: [0x8A3410, 0xD9782F, 0xF6C99A, 0xE8E1D0, 0xA9CCE3, 0x5B93C2, 0x1B3F66],
    ]

    /// Colours for `points` valued categories, most negative first. Sizes outside
    /// `FigureSpec.supportedPoints` (which the parser rejects) fall back to the nearest size and
    /// repeat, so rendering never fails.
    public static func likert(points: Int) -> [RGBColor] {
        let size = min(max(points, FigureSpec.supportedPoints.lowerBound), FigureSpec.supportedPoints.upperBound)
        let ramp = (ramps[size] ?? []).map { RGBColor(hex: $0) }
        guard !ramp.isEmpty else { return [] }
        return (0..<max(points, 0)).map { ramp[$0 % ramp.count] }
    }

    /// Colours for the columns of `søjler` figures, in series order; each has ≥ 3:1 against white.
    public static let series: [RGBColor] = [0x2F6699, 0xD9782F, 0x0F7B7B, 0x8B5A9E, 0x9C6B1F, 0x5F5F5F].map {
        RGBColor(hex: $0)
    }

    /// The colour of series number `index` (wraps around, although the loader allows no more series
    /// than colours).
    public static func series(_ index: Int) -> RGBColor {
        series[index % series.count]
    }

    /// The text colour for a label printed on `fill`: whichever of `ink` and white contrasts more.
    public static func label(on fill: RGBColor) -> RGBColor {
        fill.contrast(with: ink) >= fill.contrast(with: .white) ? ink : .white
    }

    /// Whether a shape in `fill` on the white page needs an outline to be seen (WCAG 1.4.11: 3:1).
    public static func needsOutline(_ fill: RGBColor) -> Bool {
        fill.contrast(with: .white) < 3
    }
}
