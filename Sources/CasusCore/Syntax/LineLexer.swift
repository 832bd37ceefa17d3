/// Tokenizes the code part of one line, from a start column, stopping at `#` (a comment) or,
/// when `stopAtColon` is set, at the first `:` outside quotes (what follows is prose).
struct LineLexer {
    let scalars: [Unicode.Scalar]
    var position: Int  // 0-based index into scalars

    init(line: SourceLine, fromColumn column: Int) {
        self.scalars = line.scalars
        self.position = column - 1
    }

    /// Tokens up to the end of the line or a comment. When `stopAtColon` is true the colon is
    /// returned as the last token and `restColumn` tells where the prose starts.
    mutating func tokens(stopAtColon: Bool) -> (tokens: [Token], restColumn: Int?, unterminatedString: Int?) {
        var result: [Token] = []
        while position < scalars.count {
            let c = scalars[position]
            if c == " " || c == "\t" {
                position += 1
                continue
            }
            if c == "#" { break }
            let start = position
            if c == ":" {
                position += 1
                result.append(Token(kind: .punct(":"), column: start + 1, endColumn: position + 1))
                if stopAtColon { return (result, position + 1, nil) }
                continue
            }
            if Self.isWordStart(c) {
                while position < scalars.count, Self.isWordPart(scalars[position]) { position += 1 }
                let text = String(String.UnicodeScalarView(scalars[start..<position]))
                result.append(Token(kind: .word(text), column: start + 1, endColumn: position + 1))
                continue
            }
            if c.properties.numericType != nil, ("0"..."9").contains(c) {
                var value = 0
                while position < scalars.count, ("0"..."9").contains(scalars[position]) {
                    // Saturate instead of overflowing on absurd numbers.
                    value = value > 100_000_000 ? value : value * 10 + Int(scalars[position].value - 48)
                    position += 1
                }
                result.append(Token(kind: .number(value), column: start + 1, endColumn: position + 1))
                continue
            }
            if let close = Self.closingQuote(for: c) {
                position += 1
                var text = String.UnicodeScalarView()
                var closed = false
                while position < scalars.count {
                    let s = scalars[position]
                    position += 1
                    if s == close || (close == "\u{201D}" && s == "\"") {
                        closed = true
                        break
                    }
                    text.append(s)
                }
                if !closed { return (result, nil, start + 1) }
                result.append(Token(kind: .string(String(text)), column: start + 1, endColumn: position + 1))
                continue
            }
            let two = position + 1 < scalars.count ? String(String.UnicodeScalarView([c, scalars[position + 1]])) : ""
            if ["!=", "<=", ">=", "++", "--", "=="].contains(two) {
                position += 2
                result.append(Token(kind: .punct(two == "==" ? "=" : two), column: start + 1, endColumn: position + 1))
                continue
            }
            if "(),=<>+-/≠−".unicodeScalars.contains(c) {
                position += 1
                let p: String = c == "≠" ? "!=" : (c == "−" ? "-" : String(c))
                result.append(Token(kind: .punct(p), column: start + 1, endColumn: position + 1))
                continue
            }
            position += 1
            result.append(Token(kind: .invalid(c), column: start + 1, endColumn: position + 1))
        }
        return (result, nil, nil)
    }

    static func isWordStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic
    }

    static func isWordPart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c) || isCombiningMark(c)
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

    static func closingQuote(for c: Unicode.Scalar) -> Unicode.Scalar? {
        switch c {
        case "\"": "\""
        case "\u{201C}", "\u{201E}": "\u{201D}"
        default: nil
        }
    }
}
