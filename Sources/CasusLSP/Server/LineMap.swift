import CasusCore

/// Converts between casus's positions (1-based line, 1-based column in Unicode scalars)
/// and the protocol's (0-based line, 0-based UTF-16 offset), for one text.
struct LineMap: Sendable {
    /// The lines, split as the parser splits them (`\n`, `\r\n`, `\r`).
    let lines: [Substring]

    init(_ text: String) {
        var lines: [Substring] = []
        var start = text.startIndex
        var i = text.startIndex
        // Characters, not scalars: "\r\n" is one Character in Swift.
        while i < text.endIndex {
            let c = text[i]
            if c == "\n" || c == "\r" || c == "\r\n" {
                lines.append(text[start..<i])
                i = text.index(after: i)
                start = i
                continue
            }
            i = text.index(after: i)
        }
        lines.append(text[start..<text.endIndex])
        self.lines = lines
    }

    init(bytes: [UInt8]) {
        self.init(String(decoding: bytes, as: UTF8.self))
    }

    func position(_ location: SourceLocation) -> Position {
        let lineIndex = max(location.line - 1, 0)
        guard lineIndex < lines.count else { return Position(line: lineIndex, character: max(location.column - 1, 0)) }
        var utf16 = 0
        var scalars = 0
        for scalar in lines[lineIndex].unicodeScalars {
            if scalars >= location.column - 1 { break }
            utf16 += scalar.utf16.count
            scalars += 1
        }
        // A column past the end (a point after the last character) keeps its distance.
        utf16 += max(location.column - 1 - scalars, 0)
        return Position(line: lineIndex, character: utf16)
    }

    func range(_ range: SourceRange) -> Range {
        Range(start: position(range.start), end: position(range.end))
    }

    func location(_ position: Position) -> SourceLocation {
        guard position.line < lines.count, position.line >= 0 else {
            return SourceLocation(line: position.line + 1, column: position.character + 1)
        }
        var utf16 = 0
        var column = 1
        for scalar in lines[position.line].unicodeScalars {
            if utf16 >= position.character { break }
            utf16 += scalar.utf16.count
            column += 1
        }
        return SourceLocation(line: position.line + 1, column: column)
    }

    /// The text of line `index` (0-based) before the UTF-16 offset `character`.
    func prefix(_ position: Position) -> Substring {
        guard position.line >= 0, position.line < lines.count else { return "" }
        let line = lines[position.line]
        let column = location(position).column
        return line.unicodeScalars.prefix(column - 1).reduce(into: Substring()) { $0.unicodeScalars.append($1) }
    }

    /// The range covering the whole text, for an edit that replaces it.
    var wholeRange: Range {
        let last = lines.count - 1
        return Range(start: Position(line: 0, character: 0), end: Position(line: last, character: lines[last].utf16.count))
    }
}
