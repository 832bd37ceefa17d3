/// One physical line of a scenario, split into indentation and content.
///
/// Columns are 1-based and count Unicode scalars, everywhere in the core: in tokens, in the
/// tree and in diagnostics (the LSP converts them to UTF-16 at its edge, the renderer to what
/// a terminal shows). A line's text is a slice of the file's text, not a copy.
struct SourceLine: Sendable {
    /// Tab stops are this many columns apart, for indentation and for showing a line.
    static let tabWidth = 4

    /// 1-based line number.
    let number: Int
    /// The line without its line break.
    let text: Substring
    /// Indentation width; a tab counts up to the next multiple of `tabWidth`.
    let indent: Int
    /// True when the indentation holds a tab (messages about indentation name it).
    let indentHasTab: Bool
    /// What follows the indentation, without trailing blanks; empty on a blank line.
    let content: Substring
    /// The column where `content` starts.
    let contentColumn: Int

    var isBlank: Bool { content.isEmpty }
    /// A code comment line: `# …` as the first thing on the line.
    var isComment: Bool { content.unicodeScalars.first == "#" }
    /// The column just past the content's last character.
    var contentEnd: Int { contentColumn + content.scalarCount }
    /// The content with its line and column.
    var contentPiece: LinePiece { LinePiece(text: content, line: number, column: contentColumn) }

    /// The rest of the content after `token` (a token of this line).
    func piece(after token: Token) -> LinePiece {
        LinePiece(text: Substring(content.unicodeScalars[token.text.endIndex...]), line: number, column: token.endColumn)
    }

    /// True when the line is longer than `Parser.maxLineLength` scalars (bytes are counted
    /// first: a line of fewer bytes cannot be too long).
    var isTooLong: Bool {
        text.utf8.count > Parser.maxLineLength && text.scalarCount > Parser.maxLineLength
    }

    /// Splits text into lines (`\n`, `\r\n` and `\r` all end a line).
    static func split(_ text: String) -> [SourceLine] {
        var lines: [SourceLine] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        // Line breaks are ASCII, so every index found here is also a scalar boundary.
        while i < utf8.endIndex {
            let b = utf8[i]
            if b == 0x0A || b == 0x0D {
                lines.append(SourceLine(number: lines.count + 1, text: Substring(utf8[start..<i])))
                utf8.formIndex(after: &i)
                if b == 0x0D, i < utf8.endIndex, utf8[i] == 0x0A { utf8.formIndex(after: &i) }
                start = i
                continue
            }
            utf8.formIndex(after: &i)
        }
        if start < utf8.endIndex {
            lines.append(SourceLine(number: lines.count + 1, text: Substring(utf8[start...])))
        }
        return lines
    }

    /// Measures indentation and content of line `number`, whose text is `text`.
    init(number: Int, text: Substring) {
        self.number = number
        self.text = text
        // Blanks are ASCII, so the UTF-8 bytes suffice (no decoding) and every index where a
        // blank starts or ends is a scalar boundary; one byte is one column.
        let utf8 = text.utf8
        var i = utf8.startIndex
        var column = 1
        // A byte order mark at the very start is neither indentation nor content.
        if number == 1, text.unicodeScalars.first == "\u{FEFF}" {
            i = text.unicodeScalars.index(after: i)
            column += 1
        }
        var indent = 0
        var sawTab = false
        while i < utf8.endIndex, utf8[i] == Self.space || utf8[i] == Self.tab {
            if utf8[i] == Self.tab {
                indent += Self.tabWidth - indent % Self.tabWidth
                sawTab = true
            } else {
                indent += 1
            }
            utf8.formIndex(after: &i)
            column += 1
        }
        var end = utf8.endIndex
        while end > i {
            let before = utf8.index(before: end)
            guard utf8[before] == Self.space || utf8[before] == Self.tab else { break }
            end = before
        }
        self.indent = indent
        self.indentHasTab = sawTab
        self.content = Substring(utf8[i..<end])
        self.contentColumn = column
    }

    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
}
