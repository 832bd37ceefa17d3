/// A stretch of one line's text with the column where it starts: the prose after a code
/// line's colon, a text line, an option's text.
struct LinePiece: Sendable {
    var text: Substring
    /// The line's number.
    var line: Int
    /// 1-based column (Unicode scalars) of the first character of `text`.
    var column: Int

    /// The column just past the last character.
    var endColumn: Int { column + text.scalarCount }

    /// Without its leading blanks; nil when nothing else is left.
    func trimmed() -> LinePiece? {
        var rest = text.unicodeScalars[...]
        var column = self.column
        while let c = rest.first, c == " " || c == "\t" {
            rest = rest.dropFirst()
            column += 1
        }
        return rest.isEmpty ? nil : LinePiece(text: Substring(rest), line: line, column: column)
    }

    /// The piece without its first character.
    func droppingFirst() -> LinePiece {
        LinePiece(text: Substring(text.unicodeScalars.dropFirst()), line: line, column: column + 1)
    }
}
