/// A token of a code line. Prose (text blocks, prompts) is never tokenized.
///
/// A token carries its text (a slice of the line, quotes included for a string) and where it
/// is on its line, in columns that count Unicode scalars (see `SourceLine`).
struct Token: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// Letters, digits and `_`; keywords are words too.
        case word
        case number(Int)
        /// `"…"` (straight or curly quotes); `value` is the text between the quotes.
        case string
        /// `( ) , : = != < <= > >= + ++ - -- /`
        case punct(Punct)
        /// A character that cannot start any token.
        case invalid(Unicode.Scalar)
    }

    var kind: Kind
    /// The token as written.
    var text: Substring
    /// 1-based columns, end exclusive.
    var column: Int
    var endColumn: Int

    var isWord: Bool { kind == .word }

    /// A plain enum compare: a `String` payload made every `isPunct` a string comparison.
    func isPunct(_ p: Punct) -> Bool { kind == .punct(p) }

    /// The word this token is; nil for other tokens.
    var word: String? { isWord ? String(text) : nil }

    /// The word lowercased, as the lexicon looks words up; nil for other tokens.
    var key: String? { isWord ? text.lowercased() : nil }

    /// True when the token is one of the (lowercase) words of `set`, in any case.
    func matches(_ set: [String]) -> Bool {
        guard let key else { return false }
        return set.contains(key)
    }

    /// The value of a string token, without its quotes; nil for other tokens.
    var value: String? {
        guard kind == .string else { return nil }
        return String(Substring(text.unicodeScalars.dropFirst().dropLast()))
    }

    /// How the token is written, for messages (a string always in straight quotes).
    var spelling: String {
        switch kind {
        case .word: String(text)
        case .number(let n): String(n)
        case .string: "\"\(value ?? "")\""
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
