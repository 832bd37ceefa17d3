extension Parser {
    /// Inline text after the owner's colon (may be empty) plus the block indented under it.
    mutating func parseText(owner: SourceLine, inlineColumn: Int) -> Text {
        let block = takeTextLines(under: owner)
        let inlinePart = restStart(owner, from: inlineColumn).map { (owner, $0) }
        if inlinePart == nil && block.isEmpty {
            return Text(segments: [], range: range(owner, inlineColumn, inlineColumn + 1))
        }
        return buildText(block, inline: inlinePart)
    }

    /// Joins text lines into paragraphs and parses `{name}` interpolations.
    ///
    /// Lines within a paragraph are joined with a space (the terminal re-wraps them); an empty
    /// line starts a new paragraph; a line that starts like a list item (`- `, `* `, `• `,
    /// `1.`) starts a new line so lists stay lists.
    mutating func buildText(_ block: ArraySlice<SourceLine>, inline: (SourceLine, Int)?) -> Text {
        var segments: [Text.Segment] = []
        // The literal since the last interpolation, as UTF-8.
        var literal: [UInt8] = []
        // The first and the last non-blank line and their columns; the text's range covers them.
        var first: (line: SourceLine, column: Int, stop: Int)?
        var last: (line: SourceLine, column: Int, stop: Int)?

        var sawBlank = false
        var started = false
        // Piece -1 is the inline text after the colon, then the block's lines (no array of
        // pieces built for this).
        for k in (inline == nil ? 0 : -1)..<block.count {
            let line = k < 0 ? inline!.0 : block[block.startIndex + k]
            let column = k < 0 ? inline!.1 : line.contentColumn
            if line.isBlank {
                sawBlank = true
                continue
            }
            let stop = line.trimmedEnd
            if first == nil { first = (line, column, stop) }
            last = (line, column, stop)
            if started {
                if sawBlank {
                    literal.append(0x0A)
                    literal.append(0x0A)
                } else if startsListItem(line, column) {
                    literal.append(0x0A)
                } else {
                    literal.append(0x20)
                }
            }
            sawBlank = false
            started = true
            appendInterpolated(line, from: column, to: stop, literal: &literal, segments: &segments)
        }
        let whole: SourceRange
        if let first, let last {
            whole = range(first.line, first.column, first.stop).union(range(last.line, last.column, last.stop))
        } else {
            whole = range(block.first ?? inline!.0, 1, 2)
        }
        segments.append(.literal(String(decoding: literal, as: UTF8.self)))
        return Text(segments: segments, range: whole)
    }

    func startsListItem(_ line: SourceLine, _ column: Int) -> Bool {
        let end = line.count
        guard column <= end else { return false }
        let c = byte(line, column)
        let next: UInt8 = column + 1 <= end ? byte(line, column + 1) : 0
        if (c == UInt8(ascii: "-") || c == UInt8(ascii: "*")) && next == 0x20 { return true }
        // "• " is E2 80 A2.
        if c == 0xE2, column + 3 <= end, byte(line, column + 1) == 0x80, byte(line, column + 2) == 0xA2 { return true }
        if LineLexer.isDigit(c) {
            var i = column
            while i <= end, LineLexer.isDigit(byte(line, i)) { i += 1 }
            return i <= end && (byte(line, i) == UInt8(ascii: ".") || byte(line, i) == UInt8(ascii: ")"))
        }
        return false
    }

    /// Splits one line of prose into literal text and `{name}` interpolations: the literal
    /// so far becomes a segment before each interpolation.
    private mutating func appendInterpolated(
        _ line: SourceLine, from column: Int, to stop: Int, literal: inout [UInt8],
        segments: inout [Text.Segment]
    ) {
        let open = UInt8(ascii: "{")
        let close = UInt8(ascii: "}")
        var i = column
        while i < stop {
            let c = byte(line, i)
            if c != open && c != close {
                // Plain prose: copy the run up to the next brace in one go.
                let rest = source[line.offsets(i, stop)]
                let run = rest[..<(rest.firstIndex { $0 == open || $0 == close } ?? rest.endIndex)]
                literal.append(contentsOf: run)
                i += run.count
                continue
            }
            if c == open && i + 1 < stop && byte(line, i + 1) == open {
                literal.append(open)
                i += 2
                continue
            }
            if c == close && i + 1 < stop && byte(line, i + 1) == close {
                literal.append(close)
                i += 2
                continue
            }
            guard c == open else {
                literal.append(c)
                i += 1
                continue
            }
            var end = i + 1
            while end < stop, byte(line, end) != close, byte(line, end) != open { end += 1 }
            guard end < stop, byte(line, end) == close else {
                report(.brokenInterpolation, range(line, i, i + 1), ParserMessages.unclosedBrace, fixIt: FixIt(ParserMessages.braceHint))
                literal.append(c)
                i += 1
                continue
            }
            // The name without surrounding spaces, trimmed on the bytes: a space is one byte
            // and never part of another character.
            var nameStart = i + 1
            var nameEnd = end
            while nameStart < nameEnd, byte(line, nameStart) == 0x20 { nameStart += 1 }
            while nameEnd > nameStart, byte(line, nameEnd - 1) == 0x20 { nameEnd -= 1 }
            let innerRange = range(line, i, end + 1)
            if nameStart == nameEnd {
                report(.brokenInterpolation, innerRange, ParserMessages.emptyInterpolation)
            } else if !isName(line, nameStart, nameEnd) {
                report(.brokenInterpolation, innerRange, ParserMessages.badInterpolation(text(line, i + 1, end)), fixIt: FixIt(ParserMessages.braceHint))
            } else {
                segments.append(.literal(String(decoding: literal, as: UTF8.self)))
                segments.append(.interpolation(Identifier(text(line, nameStart, nameEnd), at: innerRange)))
                literal.removeAll()
            }
            i = end + 1
        }
    }

    /// True when the bytes between two columns of `line` are a name (as the lexer reads
    /// words). ASCII is checked on the bytes; anything else as Unicode scalars.
    private func isName(_ line: SourceLine, _ from: Int, _ to: Int) -> Bool {
        let bytes = source[line.offsets(from, to)]
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return Self.isName(text(line, from, to)) }
        guard let first = bytes.first, LineLexer.isASCIIWordStart(first) else { return false }
        return bytes.allSatisfy { LineLexer.isASCIIWordStart($0) || LineLexer.isDigit($0) }
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
