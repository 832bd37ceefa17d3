/// A small fixed set of words, looked up without hashing.
///
/// Every code line looks up its first word (and question lines their type word); a
/// `Dictionary` lookup SipHashes the whole word each time. Here the words are bucketed by
/// length and first letter, so a lookup is one or two small-string compares.
struct WordTable<Value>: Sendable where Value: Sendable {
    /// Words are at most this long (longer words are simply never found).
    private static var maxLength: Int { 15 }
    private let buckets: [[(word: String, value: Value)]]

    init(_ pairs: [(String, Value)]) {
        var buckets = [[(word: String, value: Value)]](repeating: [], count: (Self.maxLength + 1) << 5)
        for (word, value) in pairs {
            guard let slot = Self.slot(word) else { preconditionFailure("word too long for a WordTable: \(word)") }
            buckets[slot].append((word, value))
        }
        self.buckets = buckets
    }

    /// Length and first byte; `& 0x1F` puts `A` and `a` in the same bucket.
    @inline(__always) private static func slot(_ word: String) -> Int? {
        let utf8 = word.utf8
        let n = utf8.count
        guard n > 0, n <= maxLength, let first = utf8.first else { return nil }
        return n << 5 | Int(first & 0x1F)
    }

    /// The value of exactly `word`.
    func exact(_ word: String) -> Value? {
        guard let slot = Self.slot(word) else { return nil }
        for entry in buckets[slot] where entry.word == word { return entry.value }
        return nil
    }

    /// The value of `word`, matched case-insensitively (the table's words are lowercase).
    func lookup(_ word: String) -> Value? {
        // Exact spelling first: lowercasing allocates and most words are written in lowercase.
        exact(word) ?? word.lowercasedIfNeeded.flatMap { exact($0) }
    }
}
