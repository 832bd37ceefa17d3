extension Parser {
    /// Inline text after the owner's colon (may be empty) plus the block indented under it.
    /// `keyword` is the owner's keyword as written, for the message when its text is not
    /// indented under it.
    mutating func parseText(owner: SourceLine, inline: LinePiece, keyword: String? = nil) -> Text {
        var block = takeTextLines(under: owner)
        let inlinePart = inline.trimmed()
        if inlinePart == nil, block.isEmpty, let keyword { block = takeUnindentedText(under: owner, keyword: keyword) }
        if inlinePart == nil && block.isEmpty {
            return Text(segments: [], range: range(owner, inline.column, inline.column + 1))
        }
        return buildText(block, inline: inlinePart)
    }

    /// Joins text lines into paragraphs and parses `{name}` interpolations.
    ///
    /// Lines within a paragraph are joined with a space (the terminal re-wraps them); an empty
    /// line starts a new paragraph; a line that starts like a list item (`- `, `* `, `• `,
    /// `1.`) starts a new line so lists stay lists. `inline` is the text after the owner's
    /// colon, without its leading blanks.
    mutating func buildText(_ block: ArraySlice<SourceLine>, inline: LinePiece?) -> Text {
        var segments: [Text.Segment] = []
        // The literal since the last interpolation.
        var literal = ""
        // The first and the last non-blank piece; the text's range covers them.
        var first: LinePiece?
        var last: LinePiece?
        var sawBlank = false
        for piece in [inline].compactMap({ $0 }) + block.map(\.contentPiece) {
            if piece.text.isEmpty {
                sawBlank = true
                continue
            }
            if first != nil {
                literal += sawBlank ? "\n\n" : startsListItem(piece.text) ? "\n" : " "
            } else {
                first = piece
            }
            last = piece
            sawBlank = false
            appendInterpolated(piece, literal: &literal, segments: &segments)
        }
        let whole: SourceRange
        if let first, let last {
            whole = range(first).union(range(last))
        } else {
            whole = SourceRange(file: path, line: block.first?.number ?? 1, column: 1, length: 1)
        }
        segments.append(.literal(literal))
        return Text(segments: segments, range: whole)
    }

    /// Prose right below an owner with no text of its own, but not indented under it: taken
    /// as its text, with one error for the lot (without this, every line was an unknown word,
    /// and a line starting with `En` was read as `einde`, closing the step).
    private mutating func takeUnindentedText(under owner: SourceLine, keyword: String) -> ArraySlice<SourceLine> {
        var taken: ArraySlice<SourceLine> = []
        var misplaced = 0
        while true {
            let before = taken.count
            while index < lines.count, isUnindentedProse(lines[index], under: owner) {
                taken.append(lines[index])
                index += 1
                misplaced += 1
            }
            // Lines indented under the owner after such prose (a paragraph that is indented, or
            // the rest of the first one) are the same text, not code.
            if !taken.isEmpty { taken += takeTextLines(under: owner) }
            if taken.count == before { break }
        }
        if let first = taken.first {
            report(
                .misplacedLine, range(first, first.contentColumn, first.contentColumn + 1),
                ParserMessages.textNotIndented(keyword, misplaced),
                notes: tabNotes(first), fixIt: FixIt(ParserMessages.indentText(keyword)))
        }
        return taken
    }

    /// A line at the owner's indentation that is no statement: its first word is no keyword
    /// or metadata key, and it has no `:` when the word is near a keyword (`vrag x: …` is a
    /// misspelt question, `En nog iets.` is prose).
    private func isUnindentedProse(_ line: SourceLine, under owner: SourceLine) -> Bool {
        guard !line.isBlank, !line.isComment, !line.isTooLong, line.indent == owner.indent else { return false }
        var lexer = lexer(line)
        let (tokens, _, _) = lexer.tokens(stopAtColon: true)
        guard let first = tokens.first else { return true }
        guard let word = first.word else { return !first.isPunct(.minus) }
        if Keyword(word: first.key) != nil || MetadataKey(word: first.key) != nil { return false }
        let nearKeyword = nearestKeyword(to: word, in: Keyword.statements.flatMap(\.spellings)) != nil
        return !(nearKeyword && tokens.contains { $0.isPunct(.colon) })
    }

    /// True when a text line starts like a list item: `- `, `* `, `• `, `1.` or `1)`.
    func startsListItem(_ text: Substring) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        let first = scalars.next()
        if first == "\u{2022}" { return true }
        if first == "-" || first == "*", scalars.next() == " " { return true }
        let afterDigits = text.unicodeScalars.drop { ("0"..."9").contains($0) }
        return afterDigits.startIndex > text.startIndex && (afterDigits.first == "." || afterDigits.first == ")")
    }

    /// Splits one line of prose into literal text and `{name}` interpolations: the literal
    /// so far becomes a segment before each interpolation. `{{` and `}}` are braces.
    private mutating func appendInterpolated(_ piece: LinePiece, literal: inout String, segments: inout [Text.Segment]) {
        let scalars = piece.text.unicodeScalars
        var i = scalars.startIndex
        var column = piece.column
        func at(_ k: Substring.UnicodeScalarView.Index, _ c: Unicode.Scalar) -> Bool { k < scalars.endIndex && scalars[k] == c }
        while i < scalars.endIndex {
            let c = scalars[i]
            let after = scalars.index(after: i)
            if c != "{" && c != "}" {
                // Plain prose: copy the run up to the next brace in one go. Braces are ASCII, so
                // the bytes find them, and the run's columns are counted on the way.
                let utf8 = piece.text.utf8
                var end = i
                var width = 0
                while end < utf8.endIndex {
                    let byte = utf8[end]
                    if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") { break }
                    if byte & 0xC0 != 0x80 { width += 1 }
                    utf8.formIndex(after: &end)
                }
                literal += Substring(utf8[i..<end])
                column += width
                i = end
                continue
            }
            if at(after, c) {
                literal.unicodeScalars.append(c)
                i = scalars.index(after: after)
                column += 2
                continue
            }
            guard c == "{" else {
                literal.unicodeScalars.append(c)
                i = after
                column += 1
                continue
            }
            guard let close = scalars[after...].firstIndex(where: { $0 == "}" || $0 == "{" }), scalars[close] == "}" else {
                // `{tijdbewaarder bewaakt …`: a name right after the `{` most likely ends there.
                let name = scalars[after...].prefix(while: LineLexer.isWordPart)
                var fixIt = FixIt(ParserMessages.braceHint)
                if let first = name.first, LineLexer.isWordStart(first) {
                    let closed = "{\(String(Substring(name)))}"
                    let span = SourceRange(file: path, line: piece.line, column: column, length: name.count + 1)
                    fixIt = FixIt(ParserMessages.didYouMean(closed), replacement: closed, range: span)
                }
                report(.brokenInterpolation, range(LinePiece(text: "{", line: piece.line, column: column)), ParserMessages.unclosedBrace,
                       fixIt: fixIt)
                literal.unicodeScalars.append(c)
                i = after
                column += 1
                continue
            }
            let inner = Substring(scalars[after..<close])
            let width = inner.scalarCount + 2
            let innerRange = SourceRange(file: path, line: piece.line, column: column, length: width)
            let name = String(inner).trimmingCharacters(in: " ")
            if name.isEmpty {
                report(.brokenInterpolation, innerRange, ParserMessages.emptyInterpolation)
            } else if !Self.isName(name) {
                report(.brokenInterpolation, innerRange, ParserMessages.badInterpolation(String(inner)), fixIt: FixIt(ParserMessages.braceHint))
            } else {
                segments.append(.literal(literal))
                segments.append(.interpolation(Identifier(name, at: innerRange)))
                literal = ""
            }
            i = scalars.index(after: close)
            column += width
        }
    }

    static func isName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, LineLexer.isWordStart(first) else { return false }
        return s.unicodeScalars.allSatisfy(LineLexer.isWordPart)
    }
}

extension String {
    func trimmingCharacters(in set: Unicode.Scalar) -> String {
        guard unicodeScalars.first == set || unicodeScalars.last == set else { return self }
        var view = Substring(self)
        while view.unicodeScalars.first == set { view = Substring(view.unicodeScalars.dropFirst()) }
        while view.unicodeScalars.last == set { view = Substring(view.unicodeScalars.dropLast()) }
        return String(view)
    }
}
