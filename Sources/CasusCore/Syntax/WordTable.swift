/// A word as the keyword tables compare it: lowercased, and packed into two integers, so
/// comparing a word of the source with a keyword is two integer compares and needs no
/// `String`.
///
/// Only words of at most 16 ASCII bytes have a key. Every word in the tables is such a
/// word, so a longer ASCII word simply matches nothing; a non-ASCII word goes through
/// `lowercased()` first (it can become ASCII: the Kelvin sign `K` lowercases to `k`).
struct WordKey: Hashable, Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// The longest word with a key.
    static var maxLength: Int { 16 }

    /// The key of ASCII `bytes` (lowercased here); nil when empty, longer than 16 bytes or
    /// not ASCII. Unused bytes are zero, which no word contains.
    @inline(__always) init?(ascii bytes: some Collection<UInt8>) {
        var n = 0
        for b in bytes {
            guard b < 0x80, n < Self.maxLength else { return nil }
            let lower = UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
            if n < 8 { low |= lower << (8 * n) } else { high |= lower << (8 * (n - 8)) }
            n += 1
        }
        guard n > 0 else { return nil }
    }

    /// The key of a word as written, however it is cased.
    init?(_ word: String) {
        if let key = WordKey(ascii: word.utf8) {
            self = key
        } else if word.utf8.contains(where: { $0 >= 0x80 }), let key = WordKey(ascii: word.lowercased().utf8) {
            self = key
        } else {
            return nil
        }
    }

    /// The key of UTF-8 `bytes` of a word as written.
    init?(_ bytes: ArraySlice<UInt8>) {
        if let key = WordKey(ascii: bytes) {
            self = key
        } else if bytes.contains(where: { $0 >= 0x80 }) {
            // Rare: the slow path through `String`, for exactly `lowercased()`'s rules.
            self.init(String(decoding: bytes, as: UTF8.self))
        } else {
            return nil
        }
    }

    /// The bucket of a `WordTable`: the first letter (the same for both cases).
    fileprivate var bucket: Int { Int(low & 0x1F) }
}

/// A small fixed set of words, looked up without hashing and without a `String`.
///
/// Every code line looks up its first word (and question lines their type word); a
/// `Dictionary` lookup SipHashes the whole word each time. Here the words are bucketed by
/// first letter, so a lookup is one or two integer-pair compares.
struct WordTable<Value>: Sendable where Value: Sendable {
    private let buckets: [[(key: WordKey, value: Value)]]

    /// `pairs` hold lowercase words of at most `WordKey.maxLength` ASCII bytes.
    init(_ pairs: [(String, Value)]) {
        var buckets = [[(key: WordKey, value: Value)]](repeating: [], count: 32)
        for (word, value) in pairs {
            guard let key = WordKey(ascii: word.utf8), word == word.lowercased() else {
                preconditionFailure("not a short lowercase ASCII word for a WordTable: \(word)")
            }
            buckets[key.bucket].append((key, value))
        }
        self.buckets = buckets
    }

    /// The value of `key`.
    @inline(__always) func lookup(_ key: WordKey?) -> Value? {
        guard let key else { return nil }
        for entry in buckets[key.bucket] where entry.key == key { return entry.value }
        return nil
    }

    /// The value of `word`, matched case-insensitively.
    func lookup(_ word: String) -> Value? { lookup(WordKey(word)) }
}
