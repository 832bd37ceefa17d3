/// Helpers for completion providers and the readline plumbing.
public enum CompletionMatching {
    /// The candidates that start with `word`, ignoring case (Unicode lowercasing),
    /// in their original order.
    public static func prefixMatches(_ word: String, in candidates: [String]) -> [String] {
        let lowered = word.lowercased()
        return candidates.filter { $0.lowercased().hasPrefix(lowered) }
    }

    /// The longest common prefix of `matches` (compared case-insensitively, spelled as in
    /// the first match). If that is shorter than `word`, `word` itself, so that Tab never
    /// deletes what was typed.
    public static func commonPrefix(of matches: [String], atLeast word: String) -> String {
        guard var prefix = matches.first.map(Array.init) else { return word }
        for match in matches.dropFirst() {
            let other = Array(match)
            var length = 0
            while length < min(prefix.count, other.count),
                  String(prefix[length]).lowercased() == String(other[length]).lowercased() {
                length += 1
            }
            prefix.removeLast(prefix.count - length)
        }
        return prefix.count < word.count ? word : String(prefix)
    }
}
