/// Tokenizes the code part of one line, stopping at `#` (a comment) or, when `stopAtColon` is
/// set, at the first `:` outside quotes (what follows is prose).
///
/// Walks the line's Unicode scalars; a token's columns count scalars (see `SourceLine`). Code
/// is almost all ASCII, so a scalar is read from its UTF-8 byte when it is one (no decoding);
/// the two views share their indices.
struct LineLexer {
    private let scalars: Substring.UnicodeScalarView
    private let utf8: Substring.UTF8View
    /// The next scalar and its 1-based column.
    private var index: Substring.Index
    private var column: Int
    private let lineNumber: Int

    /// A lexer for the content of `line`.
    init(line: SourceLine) {
        scalars = line.content.unicodeScalars
        utf8 = line.content.utf8
        index = scalars.startIndex
        column = line.contentColumn
        lineNumber = line.number
    }

    private var current: Unicode.Scalar? { index < utf8.endIndex ? scalar(at: index) : nil }

    private var next: Unicode.Scalar? {
        guard index < utf8.endIndex else { return nil }
        let after = self.index(after: index)
        return after < utf8.endIndex ? scalar(at: after) : nil
    }

    private func scalar(at i: Substring.Index) -> Unicode.Scalar {
        let byte = utf8[i]
        return byte < 0x80 ? Unicode.Scalar(byte) : scalars[i]
    }

    private func index(after i: Substring.Index) -> Substring.Index {
        utf8[i] < 0x80 ? utf8.index(after: i) : scalars.index(after: i)
    }

    private mutating func advance() {
        index = self.index(after: index)
        column += 1
    }

    /// Tokens up to the end of the line or a comment. When `stopAtColon` is true the colon is
    /// returned as the last token and `rest` is the prose after it.
    mutating func tokens(stopAtColon: Bool) -> (tokens: [Token], rest: LinePiece?, unterminatedString: Int?) {
        var result: [Token] = []
        while let c = current {
            if c == " " || c == "\t" {
                advance()
                continue
            }
            if c == "#" { break }
            let start = (index, column)
            switch c {
            case ":":
                advance()
                result.append(token(.punct(.colon), from: start))
                if stopAtColon {
                    let rest = LinePiece(text: Substring(utf8[index...]), line: lineNumber, column: column)
                    return (result, rest, nil)
                }
            case "\"", "\u{201C}", "\u{201E}":
                advance()
                guard let token = quoted(from: start, curly: c != "\"") else { return (result, nil, start.1) }
                result.append(token)
            case "0"..."9":
                var value = 0
                while let d = current, ("0"..."9").contains(d) {
                    // Saturate instead of overflowing on absurd numbers.
                    value = value > 100_000_000 ? value : value * 10 + Int(d.value - 48)
                    advance()
                }
                result.append(token(.number(value), from: start))
            case _ where Self.isWordStart(c):
                while let w = current, Self.isWordPart(w) { advance() }
                result.append(token(.word, from: start))
            default:
                if let (punct, length) = self.punct(c, next) {
                    for _ in 0..<length { advance() }
                    result.append(token(.punct(punct), from: start))
                } else {
                    advance()
                    result.append(token(.invalid(c), from: start))
                }
            }
        }
        return (result, nil, nil)
    }

    /// The punctuation that starts with `c` (followed by `next`) and its length; nil for
    /// other characters. `==`, as other languages write it, is `=`.
    private func punct(_ c: Unicode.Scalar, _ next: Unicode.Scalar?) -> (Punct, length: Int)? {
        switch (c, next) {
        case ("!", "="): (.notEqual, 2)
        case ("<", "="): (.lessOrEqual, 2)
        case (">", "="): (.greaterOrEqual, 2)
        case ("+", "+"): (.plusPlus, 2)
        case ("-", "-"): (.minusMinus, 2)
        case ("=", "="): (.equal, 2)
        case ("\u{2260}", _): (.notEqual, 1)
        case ("\u{2212}", _): (.minus, 1)
        case ("(", _): (.openParen, 1)
        case (")", _): (.closeParen, 1)
        case (",", _): (.comma, 1)
        case ("=", _): (.equal, 1)
        case ("<", _): (.less, 1)
        case (">", _): (.greater, 1)
        case ("+", _): (.plus, 1)
        case ("-", _): (.minus, 1)
        case ("/", _): (.slash, 1)
        default: nil
        }
    }

    private func token(_ kind: Token.Kind, from start: (Substring.Index, Int)) -> Token {
        Token(kind: kind, text: Substring(utf8[start.0..<index]), column: start.1, endColumn: column)
    }

    /// The rest of a quoted string after its opening quote; nil when it never closes. A
    /// straight quote closes any string; `”` closes only one opened with a curly quote.
    private mutating func quoted(from start: (Substring.Index, Int), curly: Bool) -> Token? {
        while let c = current {
            advance()
            if c == "\"" || (curly && c == "\u{201D}") { return token(.string, from: start) }
        }
        return nil
    }

    static func isWordStart(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? (c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c)) : c.properties.isAlphabetic
    }

    static func isWordPart(_ c: Unicode.Scalar) -> Bool {
        isWordStart(c) || ("0"..."9").contains(c) || (!c.isASCII && isCombiningMark(c))
    }

    /// Combining accents, so a name typed in decomposed form (`e` + U+0308, as some editors
    /// save it) stays one name; Swift compares such strings canonically, so `reünie` in either
    /// form is the same id.
    static func isCombiningMark(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    /// The quote that closes a string opened by `c`, if `c` opens one.
    static func closingQuote(for c: Unicode.Scalar) -> Unicode.Scalar? {
        switch c {
        case "\"": "\""
        case "\u{201C}", "\u{201E}": "\u{201D}"
        default: nil
        }
    }
}
