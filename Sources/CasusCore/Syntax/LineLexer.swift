/// Tokenizes the code part of one line, from a start column, stopping at `#` (a comment) or,
/// when `stopAtColon` is set, at the first `:` outside quotes (what follows is prose).
///
/// Works on UTF-8 bytes; token columns are byte columns (see `SourceLine`).
struct LineLexer {
    /// The whole file's bytes; the lexer reads only `line`'s.
    let source: [UInt8]
    let line: SourceLine
    /// 1-based byte column of the next byte.
    var position: Int

    init(source: [UInt8], line: SourceLine, fromColumn column: Int) {
        self.source = source
        self.line = line
        self.position = column
    }

    @inline(__always) private func byte(_ column: Int) -> UInt8 { line.byte(column, in: source) }

    /// Tokens up to the end of the line or a comment. When `stopAtColon` is true the colon is
    /// returned as the last token and `restColumn` tells where the prose starts.
    mutating func tokens(stopAtColon: Bool) -> (tokens: [Token], restColumn: Int?, unterminatedString: Int?) {
        var result: [Token] = []
        let end = line.count
        while position <= end {
            let c = byte(position)
            if c == 0x20 || c == 0x09 {
                position += 1
                continue
            }
            if c == UInt8(ascii: "#") { break }
            let start = position
            if c == UInt8(ascii: ":") {
                position += 1
                result.append(Token(kind: .punct(.colon), column: start, endColumn: position))
                if stopAtColon { return (result, position, nil) }
                continue
            }
            if c >= 0x80 {
                // Multi-byte: quotes and operators we know, letters of any script, or junk.
                let (scalar, length) = decodeScalar(at: position)
                switch scalar {
                case "\u{201C}", "\u{201E}":
                    position += length
                    guard let token = quoted(start: start, curly: true) else { return (result, nil, start) }
                    result.append(token)
                case "\u{2260}":
                    position += length
                    result.append(Token(kind: .punct(.notEqual), column: start, endColumn: position))
                case "\u{2212}":
                    position += length
                    result.append(Token(kind: .punct(.minus), column: start, endColumn: position))
                default:
                    if scalar.properties.isAlphabetic {
                        result.append(word(start: start))
                    } else {
                        position += length
                        result.append(Token(kind: .invalid(scalar), column: start, endColumn: position))
                    }
                }
                continue
            }
            if Self.isASCIIWordStart(c) {
                result.append(word(start: start))
                continue
            }
            if Self.isDigit(c) {
                var value = 0
                while position <= end, Self.isDigit(byte(position)) {
                    // Saturate instead of overflowing on absurd numbers.
                    value = value > 100_000_000 ? value : value * 10 + Int(byte(position) - 48)
                    position += 1
                }
                result.append(Token(kind: .number(value), column: start, endColumn: position))
                continue
            }
            if c == UInt8(ascii: "\"") {
                position += 1
                guard let token = quoted(start: start, curly: false) else { return (result, nil, start) }
                result.append(token)
                continue
            }
            let next: UInt8 = position + 1 <= end ? byte(position + 1) : 0
            let pair: Punct? = switch (c, next) {
            case (UInt8(ascii: "!"), UInt8(ascii: "=")): .notEqual
            case (UInt8(ascii: "<"), UInt8(ascii: "=")): .lessOrEqual
            case (UInt8(ascii: ">"), UInt8(ascii: "=")): .greaterOrEqual
            case (UInt8(ascii: "+"), UInt8(ascii: "+")): .plusPlus
            case (UInt8(ascii: "-"), UInt8(ascii: "-")): .minusMinus
            case (UInt8(ascii: "="), UInt8(ascii: "=")): .equal
            default: nil
            }
            if let pair {
                position += 2
                result.append(Token(kind: .punct(pair), column: start, endColumn: position))
                continue
            }
            switch c {
            case UInt8(ascii: "("): result.append(punct(.openParen, start))
            case UInt8(ascii: ")"): result.append(punct(.closeParen, start))
            case UInt8(ascii: ","): result.append(punct(.comma, start))
            case UInt8(ascii: "="): result.append(punct(.equal, start))
            case UInt8(ascii: "<"): result.append(punct(.less, start))
            case UInt8(ascii: ">"): result.append(punct(.greater, start))
            case UInt8(ascii: "+"): result.append(punct(.plus, start))
            case UInt8(ascii: "-"): result.append(punct(.minus, start))
            case UInt8(ascii: "/"): result.append(punct(.slash, start))
            default:
                position += 1
                result.append(Token(kind: .invalid(Unicode.Scalar(c)), column: start, endColumn: position))
            }
        }
        return (result, nil, nil)
    }

    private mutating func punct(_ p: Punct, _ start: Int) -> Token {
        position += 1
        return Token(kind: .punct(p), column: start, endColumn: position)
    }

    /// A word: ASCII letters, digits and `_`, and letters of any script.
    private mutating func word(start: Int) -> Token {
        let end = line.count
        while position <= end {
            let b = byte(position)
            if b < 0x80 {
                guard Self.isASCIIWordStart(b) || Self.isDigit(b) else { break }
                position += 1
            } else {
                let (scalar, length) = decodeScalar(at: position)
                guard scalar.properties.isAlphabetic || Self.isCombiningMark(scalar) else { break }
                position += length
            }
        }
        return Token(kind: .word, column: start, endColumn: position)
    }

    /// The rest of a quoted string after its opening quote; nil when it never closes. A
    /// straight quote closes any string; `”` closes only one opened with a curly quote.
    private mutating func quoted(start: Int, curly: Bool) -> Token? {
        let end = line.count
        let contentStart = position
        while position <= end {
            let (scalar, length) = byte(position) < 0x80
                ? (Unicode.Scalar(byte(position)), 1) : decodeScalar(at: position)
            if scalar == "\"" || (curly && scalar == "\u{201D}") {
                let content = Token.Kind.string(contentColumn: Int32(contentStart), contentEnd: Int32(position))
                position += length
                return Token(kind: content, column: start, endColumn: position)
            }
            position += length
        }
        return nil
    }

    /// Decodes the (valid, already checked) UTF-8 scalar at a byte column.
    private func decodeScalar(at column: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(byte(column))
        let length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1
        guard column + length - 1 <= line.count else { return ("\u{FFFD}", 1) }
        var value: UInt32
        switch length {
        case 2: value = b0 & 0x1F
        case 3: value = b0 & 0x0F
        case 4: value = b0 & 0x07
        default: return ("\u{FFFD}", 1)
        }
        for k in 1..<length { value = value << 6 | UInt32(byte(column + k) & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    @inline(__always) static func isASCIIWordStart(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    static func isWordStart(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return isASCIIWordStart(UInt8(c.value)) }
        return c.properties.isAlphabetic
    }

    static func isWordPart(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return isASCIIWordStart(UInt8(c.value)) || isDigit(UInt8(c.value)) }
        return c.properties.isAlphabetic || isCombiningMark(c)
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
