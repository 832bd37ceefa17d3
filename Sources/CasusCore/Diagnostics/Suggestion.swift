/// "Did you mean …?" — the nearest candidate by edit distance, when it is near enough.
public enum Suggestion {
    /// Longer words get no suggestion.
    public static let maxWordLength = 64

    /// The candidate closest to `word` (case-insensitive), if within a distance that still
    /// looks like a typo: one edit for short words, up to a third of the length for longer.
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        // A word longer than any real keyword or name is no typo; comparing it would only cost.
        guard !word.isEmpty, word.utf8.count <= maxWordLength * 4 else { return nil }
        let target = Array(word.lowercased().unicodeScalars)
        guard target.count <= maxWordLength else { return nil }
        let limit = max(1, min(3, target.count / 3))
        var best: (String, Int)?
        for candidate in candidates {
            let c = Array(candidate.lowercased().unicodeScalars)
            if abs(c.count - target.count) > limit { continue }
            let d = distance(target, c, limit: limit)
            if d <= limit, d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }

    /// Damerau-Levenshtein (adjacent transpositions count as one edit), cut off at `limit`:
    /// any result above `limit` means "too far". Only the band of cells within `limit` of the
    /// diagonal is computed, so two long, similar names cost O(length × limit), not O(length²).
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if a == b { return 0 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let far = limit + 1
        if abs(a.count - b.count) > limit { return far }
        var previous2 = [Int](repeating: far, count: b.count + 1)
        var previous = (0...b.count).map { min($0, far) }
        var current = [Int](repeating: far, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - limit)
            let high = min(b.count, i + limit)
            current[0] = min(i, far)
            current[low - 1] = low == 1 ? current[0] : far
            var rowMin = low == 1 ? current[0] : far
            if low <= high {
                for j in low...high {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var v = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        v = min(v, previous2[j - 2] + 1)
                    }
                    current[j] = min(v, far)
                    rowMin = min(rowMin, current[j])
                }
            }
            if high < b.count { current[high + 1] = far }
            if rowMin > limit { return far }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
