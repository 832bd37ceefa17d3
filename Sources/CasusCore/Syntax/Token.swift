/// A token of a code line. Prose (text blocks, prompts) is never tokenized.
///
/// A token holds no text, only where it is on its line: most words are only compared with
/// keywords, so a `String` is made only where the tree needs one
/// (`Parser.word(_:_:)`, `Parser.string(_:_:)`). Tokens are plain values, cheap to copy.
struct Token: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// Letters, digits and `_`; keywords are words too. The word is the token's bytes.
        case word
        case number(Int)
        /// `"…"` (straight or curly quotes); the value is the bytes between the byte columns
        /// `contentColumn` and `contentEnd`, without the quotes.
        case string(contentColumn: Int32, contentEnd: Int32)
        /// `( ) , : = != < <= > >= + ++ - -- /`
        case punct(Punct)
        /// A character that cannot start any token.
        case invalid(Unicode.Scalar)
    }

    var kind: Kind
    /// 1-based columns, end exclusive.
    var column: Int
    var endColumn: Int

    var isWord: Bool {
        if case .word = kind { return true }
        return false
    }

    /// A plain enum compare: a `String` payload made every `isPunct` a string comparison.
    func isPunct(_ p: Punct) -> Bool {
        if case .punct(let q) = kind { return q == p }
        return false
    }

    /// How the token is written, for messages; `line` is the token's line in `source`.
    func spelling(_ line: SourceLine, in source: [UInt8]) -> String {
        switch kind {
        case .word: line.text(column, endColumn, in: source)
        case .number(let n): String(n)
        case .string(let from, let to): "\"\(line.text(Int(from), Int(to), in: source))\""
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
