/// A token of a code line. Prose (text blocks, prompts) is never tokenized.
struct Token: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// Letters, digits and `_`; keywords are words too.
        case word(String)
        case number(Int)
        /// `"…"` (straight or curly quotes); the value without quotes.
        case string(String)
        /// `( ) , : = != < <= > >= + ++ - -- /`
        case punct(String)
        /// A character that cannot start any token.
        case invalid(Unicode.Scalar)
    }

    var kind: Kind
    /// 1-based columns, end exclusive.
    var column: Int
    var endColumn: Int

    var word: String? {
        if case .word(let w) = kind { return w }
        return nil
    }

    func isPunct(_ p: String) -> Bool { kind == .punct(p) }

    /// How the token is written, for messages.
    var spelling: String {
        switch kind {
        case .word(let w): w
        case .number(let n): String(n)
        case .string(let s): "\"\(s)\""
        case .punct(let p): p
        case .invalid(let s): String(s)
        }
    }
}
