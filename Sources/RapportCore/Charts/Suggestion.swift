/// "Did you mean …?" for misspelt keys and values.
///
/// A typo should cost the author one glance at the error, not a trip to the README. Uses the optimal
/// string alignment distance (Levenshtein plus swapping two neighbours), because the common slips
/// are a transposed pair (`titel` ↔ `title`) or a missing letter; English names that authors reach
/// for by habit are mapped explicitly.
enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a likely typo; else `nil`.
    static func closest(to word: String, among candidates: [String], aliases: [String: String] = [:]) -> String? {
        let lowered = word.lowercased()
        if let alias = aliases[lowered] { return alias }
        if let exact = candidates.first(where: { $0.lowercased() == lowered }) { return exact }
        let limit = lowered.count <= 3 ? 1 : 2
        // The distance table has length × length cells: two long texts (a scale category and a CSV
        // header cell of 40,000 characters each) would need gigabytes. Such words are no typos.
        guard lowered.count <= 200 else { return nil }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where abs(candidate.count - lowered.count) <= limit {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// A hint sentence: "did you mean 'titel'?" or the list of allowed values.
    static func hint(for word: String, among candidates: [String], aliases: [String: String] = [:], what: String)
        -> String
    {
        if let match = closest(to: word, among: candidates, aliases: aliases) {
            return "did you mean '\(match)'?"
        }
        return "\(what): " + candidates.map { "'\($0)'" }.joined(separator: ", ")
    }

    /// Optimal string alignment distance over `Character`s (so "ø" counts as one letter).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a)
        let y = Array(b)
        guard !x.isEmpty else { return y.count }
        guard !y.isEmpty else { return x.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { table[i][0] = i }
        for j in 0...y.count { table[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var value = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    value = min(value, table[i - 2][j - 2] + 1)
                }
                table[i][j] = value
            }
        }
        return table[x.count][y.count]
    }
}
