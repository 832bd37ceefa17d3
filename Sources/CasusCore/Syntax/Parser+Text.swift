extension Parser {
    /// Inline text after the owner's colon (may be empty) plus the block indented under it.
    mutating func parseText(owner: SourceLine, inlineColumn: Int) -> Text {
        let (inline, column) = restOfLine(owner, from: inlineColumn)
        let block = takeTextLines(under: owner)
        let inlinePart = inline.isEmpty ? nil : (owner, column)
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
    mutating func buildText(_ block: [SourceLine], inline: (SourceLine, Int)?) -> Text {
        var segments: [Text.Segment] = []
        var literal = ""
        var pendingBreak: String? = nil
        var first: SourceRange?
        var last: SourceRange?

        func flush() {
            if !literal.isEmpty {
                segments.append(.literal(literal))
                literal = ""
            }
        }

        var pieces: [(SourceLine, Int)] = []
        if let inline { pieces.append(inline) }
        pieces += block.map { ($0, $0.contentColumn) }

        var sawBlank = false
        var started = false
        for (line, column) in pieces {
            if line.isBlank {
                sawBlank = true
                continue
            }
            let end = line.scalars.count
            var stop = end
            while stop > column - 1, line.scalars[stop - 1] == " " || line.scalars[stop - 1] == "\t" { stop -= 1 }
            let content = Array(line.scalars[(column - 1)..<stop])
            let lineRange = range(line, column, stop + 1)
            if first == nil { first = lineRange }
            last = lineRange
            if started {
                if sawBlank {
                    pendingBreak = "\n\n"
                } else if Self.startsListItem(content) {
                    pendingBreak = "\n"
                } else {
                    pendingBreak = " "
                }
            }
            sawBlank = false
            started = true
            if let b = pendingBreak {
                literal += b
                pendingBreak = nil
            }
            appendInterpolated(content, line: line, column: column, literal: &literal, segments: &segments)
        }
        flush()
        let whole = first.map { f in last.map { f.union($0) } ?? f } ?? range(block.first ?? inline!.0, 1, 2)
        return Text(segments: segments, range: whole)
    }

    static func startsListItem(_ content: [Unicode.Scalar]) -> Bool {
        guard let c = content.first else { return false }
        if (c == "-" || c == "*" || c == "•") && content.count > 1 && content[1] == " " { return true }
        if ("0"..."9").contains(c) {
            var i = 0
            while i < content.count, ("0"..."9").contains(content[i]) { i += 1 }
            return i < content.count && (content[i] == "." || content[i] == ")")
        }
        return false
    }

    /// Splits one line of prose into literal text and `{name}` interpolations.
    private mutating func appendInterpolated(
        _ content: [Unicode.Scalar], line: SourceLine, column: Int, literal: inout String,
        segments: inout [Text.Segment]
    ) {
        var i = 0
        while i < content.count {
            let c = content[i]
            if c == "{" && i + 1 < content.count && content[i + 1] == "{" {
                literal.unicodeScalars.append("{")
                i += 2
                continue
            }
            if c == "}" && i + 1 < content.count && content[i + 1] == "}" {
                literal.unicodeScalars.append("}")
                i += 2
                continue
            }
            guard c == "{" else {
                literal.unicodeScalars.append(c)
                i += 1
                continue
            }
            let open = i
            var close = i + 1
            while close < content.count, content[close] != "}", content[close] != "{" { close += 1 }
            let openColumn = column + open
            guard close < content.count, content[close] == "}" else {
                error("C009", range(line, openColumn, openColumn + 1), ParserMessages.unclosedBrace,
                      fixIt: FixIt(ParserMessages.braceHint))
                literal.unicodeScalars.append(c)
                i += 1
                continue
            }
            let inner = String(String.UnicodeScalarView(content[(open + 1)..<close]))
            let name = inner.trimmingCharacters(in: " ")
            let innerRange = range(line, openColumn, column + close + 1)
            if name.isEmpty {
                error("C009", innerRange, ParserMessages.emptyInterpolation)
            } else if !Self.isName(name) {
                error("C009", innerRange, ParserMessages.badInterpolation(inner), fixIt: FixIt(ParserMessages.braceHint))
            } else {
                if !literal.isEmpty {
                    segments.append(.literal(literal))
                    literal = ""
                }
                segments.append(.interpolation(Identifier(name, at: innerRange)))
            }
            i = close + 1
        }
    }

    static func isName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, LineLexer.isWordStart(first) else { return false }
        return s.unicodeScalars.allSatisfy(LineLexer.isWordPart)
    }
}

extension String {
    func trimmingCharacters(in set: Unicode.Scalar) -> String {
        var scalars = Array(unicodeScalars)
        while scalars.first == set { scalars.removeFirst() }
        while scalars.last == set { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
