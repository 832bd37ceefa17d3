/// The name under the cursor and what the line says around it.
struct WordAtPosition {
    var word: String
    /// 1-based scalar columns of the word, end exclusive.
    var startColumn: Int
    var endColumn: Int
    /// True when the word is the first word of its line (a keyword's place).
    var isFirstWord: Bool

    static func isNameCharacter(_ s: Unicode.Scalar) -> Bool {
        s == "_" || s.properties.isAlphabetic || ("0"..."9").contains(s)
    }

    /// The word around `column` (1-based scalars) in `line`; nil when the cursor is not on one.
    init?(line: Substring, column: Int) {
        let scalars = Array(line.unicodeScalars)
        var start = min(max(column - 1, 0), scalars.count)
        var end = start
        while start > 0, Self.isNameCharacter(scalars[start - 1]) { start -= 1 }
        while end < scalars.count, Self.isNameCharacter(scalars[end]) { end += 1 }
        guard start < end else { return nil }
        word = String(String.UnicodeScalarView(scalars[start..<end]))
        startColumn = start + 1
        endColumn = end + 1
        isFirstWord = scalars[..<start].allSatisfy { $0 == " " || $0 == "\t" }
    }
}
