/// A token of a code line. Prose (text blocks, prompts) is never tokenized.
struct Token: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// Letters, digits and `_`; keywords are words too.
        case word(String)
        case number(Int)
        /// `"…"` (straight or curly quotes); the value without quotes.
        case string(String)
        /// `( ) , : = != < <= > >= + ++ - -- /`
        case punct(Punct)
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

    /// A plain enum compare: a `String` payload made every `isPunct` a string comparison.
    func isPunct(_ p: Punct) -> Bool {
        if case .punct(let q) = kind { return q == p }
        return false
    }

    /// How the token is written, for messages.
    var spelling: String {
        switch kind {
        case .word(let w): w
        case .number(let n): String(n)
        case .string(let s): "\"\(s)\""
        case .punct(let p): p.rawValue
        case .invalid(let s): String(s)
        }
    }
}

/// The punctuation of code lines, spelled as written (`≠` and `−` lex as `!=` and `-`).
enum Punct: String, Hashable, Sendable, ExpressibleByStringLiteral {
    case openParen = "(", closeParen = ")", comma = ",", colon = ":", equal = "=", notEqual = "!="
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case plus = "+", plusPlus = "++", minus = "-", minusMinus = "--", slash = "/"

    /// For tests (`.punct("(")`); the parser uses the cases, a literal would parse at run time.
    init(stringLiteral value: String) {
        guard let p = Punct(rawValue: value) else { preconditionFailure("not punctuation: \(value)") }
        self = p
    }
}
