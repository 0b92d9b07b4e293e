/// Link destinations that must never reach a page: they run script or smuggle content.
enum URLSafety {
    private static let dangerousSchemes: Set<String> = ["javascript", "vbscript", "data", "file"]

    static func isDangerous(_ destination: String) -> Bool {
        // Fast path: without a colon there is no scheme at all.
        guard destination.utf8.contains(UInt8(ascii: ":")) else { return false }
        if destination.hasPrefix("https://") || destination.hasPrefix("http://") || destination.hasPrefix("mailto:") { return false }
        // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
        let compact = destination.unicodeScalars.prefix(64)
            .filter { $0.value > 0x20 }
            .map { Character($0) }
        guard let colon = compact.firstIndex(of: ":") else { return false }
        let scheme = String(compact[..<colon]).lowercased()
        return dangerousSchemes.contains(scheme)
    }
}
