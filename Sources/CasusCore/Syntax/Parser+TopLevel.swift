extension Parser {
    /// Parses the whole file.
    mutating func parseTopLevel() -> [TopLevelItem] {
        var items: [TopLevelItem] = []
        while let line = peekCodeLine() {
            index += 1
            if let item = parseTopLevelLine(line) { items.append(item) }
        }
        return items
    }

    private mutating func parseTopLevelLine(_ line: SourceLine) -> TopLevelItem? {
        var lexer = lexer(line)
        let (tokens, rest, unterminated) = lexer.tokens(stopAtColon: true)
        guard let first = tokens.first else {
            reportUnterminated(line, unterminated)
            return nil
        }
        guard let word = first.word else {
            reportNotCode(line, first)
            return nil
        }
        let firstKey = first.key
        if let key = MetadataKey(word: firstKey), tokens.count >= 2, tokens[1].isPunct(.colon) {
            return parseMetadata(line, key: key, keyToken: first, value: rest ?? LinePiece(text: "", line: line.number, column: line.contentEnd))
        }
        if let key = MetadataKey(word: firstKey), tokens.count >= 2, !tokens[1].isPunct(.colon) {
            // `doelgroep po, groep 8`: metadata without its colon, read as meant.
            let spelled = first.spelling
            report(.malformedLine, range(line, first), ParserMessages.metadataWithoutColon(spelled),
                  fixIt: FixIt(ParserMessages.didYouMean("\(spelled):"), replacement: "\(spelled):", range: range(line, first)))
            return parseMetadata(line, key: key, keyToken: first, value: line.piece(after: first))
        }
        guard let keyword = Keyword(word: firstKey) else {
            // A misspelt top-level keyword is read as the keyword it most likely is.
            if let nearest = nearestKeyword(to: word, in: Keyword.topLevel.flatMap(\.spellings)),
                let guess = Keyword(word: nearest), !(tokens.count >= 2 && tokens[1].isPunct(.colon) && guess == .step)
            {
                reportUnknownWord(line, first, candidates: topLevelCandidates, skipText: false)
                return parseTopLevelLine(line, tokens: tokens, rest: rest, unterminated: unterminated, keyword: guess, word: word, first: first)
            }
            reportUnknownWord(line, first, candidates: topLevelCandidates)
            return nil
        }
        return parseTopLevelLine(line, tokens: tokens, rest: rest, unterminated: unterminated, keyword: keyword, word: word, first: first)
    }

    private mutating func parseTopLevelLine(
        _ line: SourceLine, tokens: [Token], rest: LinePiece?, unterminated: Int?, keyword: Keyword, word: String,
        first: Token
    ) -> TopLevelItem? {
        switch keyword {
        case .caseText:
            guard let text = parseTextOwner(line, tokens: tokens, rest: rest, keyword: word) else { return nil }
            return .caseText(text)
        case .note:
            guard let text = parseTextOwner(line, tokens: tokens, rest: rest, keyword: word) else { return nil }
            return .note(text)
        case .role:
            guard let (id, name, description) = parseNamedBlock(line, tokens: tokens, rest: rest, keyword: word)
            else { return nil }
            return .role(RoleDeclaration(id: id, name: name, description: description, range: contentRange(line)))
        case .info:
            guard let (id, title, body) = parseNamedBlock(line, tokens: tokens, rest: rest, keyword: word)
            else { return nil }
            let text = body ?? Text(segments: [], range: contentRange(line))
            return .info(InfoDeclaration(id: id, title: title, body: text, range: contentRange(line)))
        case .include:
            return parseInclude(line, keyword: word)
        case .step:
            return parseStep(line, keyword: word).map { .step($0) }
        case .sheet:
            return parseSheet(line, keyword: word).map { .sheet($0) }
        case .end:
            report(.endWithoutBlock, range(line, first), ParserMessages.endWithoutBlock)
            return nil
        case .else:
            report(.misplacedElse, range(line, first), ParserMessages.elseWithoutIf)
            skipIndented(under: line)
            return nil
        case .say, .ask, .solutions, .effect, .vote, .if, .forEach:
            report(.misplacedLine, range(line, first), ParserMessages.notHere(word, ParserMessages.onlyInStep))
            // Parse it anyway (and drop it) so its block's `einde` does not cascade.
            openers.append((word, line))
            _ = parseStatement(line, tokens: tokens, rest: rest, unterminated: unterminated, keyword: keyword)
            openers.removeLast()
            return nil
        case .heading, .show:
            report(.misplacedLine, range(line, first), ParserMessages.notHere(word, ParserMessages.onlyInSheet))
            return nil
        }
    }

    var topLevelCandidates: [String] {
        Keyword.topLevel.flatMap(\.spellings) + MetadataKey.allCases.flatMap(\.spellings)
    }

    // MARK: - Metadata

    private mutating func parseMetadata(
        _ line: SourceLine, key: MetadataKey, keyToken: Token, value piece: LinePiece
    ) -> TopLevelItem? {
        let trimmed = piece.trimmed()
        // Metadata lines are code lines: ` # …` is a comment.
        let value = trimmed.map { String($0.text).removingTrailingComment() } ?? ""
        let column = trimmed?.column ?? piece.column
        let valueRange = range(line, column, column + value.unicodeScalars.count)
        if value.isEmpty {
            report(.malformedLine, range(line, keyToken), ParserMessages.missingValue)
            return nil
        }
        return .metadata(MetadataEntry(key: key, value: value, keyRange: range(line, keyToken), valueRange: valueRange))
    }

    // MARK: - Text owners

    /// `casus:` / `zeg:` / `notitie:` with inline text and/or an indented block.
    mutating func parseTextOwner(
        _ line: SourceLine, tokens: [Token], rest: LinePiece?, keyword: String
    ) -> Text? {
        guard tokens.count >= 2, tokens[1].isPunct(.colon), let rest else {
            report(.malformedLine, range(line, tokens[0]), ParserMessages.expected(LocalizedText(nl: "`:`", en: "`:`"), after: keyword),
                  fixIt: FixIt(ParserMessages.didYouMean("\(keyword):"), replacement: "\(keyword):"))
            skipIndented(under: line)
            return nil
        }
        if tokens.count > 2 {
            report(.malformedLine, range(line, tokens[2]), ParserMessages.unexpected(tokens[2].spelling))
            skipIndented(under: line)
            return nil
        }
        var text = parseText(owner: line, inline: rest, keyword: keyword)
        text.keywordRange = range(line, tokens[0].column, tokens[1].endColumn)
        return text
    }

    /// `rol ID: name` / `info ID: title`, with an optional indented block.
    private mutating func parseNamedBlock(
        _ line: SourceLine, tokens: [Token], rest: LinePiece?, keyword: String
    ) -> (Identifier, String, Text?)? {
        guard tokens.count >= 2, let name = tokens[1].word else {
            let at = tokens.count >= 2 ? range(line, tokens[1]) : range(line, tokens[0])
            report(.malformedLine, at, ParserMessages.expected(ParserMessages.aName, after: keyword))
            skipIndented(under: line)
            return nil
        }
        let id = Identifier(name, at: range(line, tokens[1]))
        if tokens.count >= 3, !tokens[2].isPunct(.colon) {
            // `rol ouders de ouders`: the colon left out. One error with the fix, and the line
            // read as meant, so the role is known where it is used.
            let title = line.piece(after: tokens[1]).trimmed().map { String($0.text) } ?? ""
            report(.missingColon, range(line, tokens[1]), ParserMessages.metadataWithoutColon("\(keyword) \(name)"),
                   fixIt: FixIt(ParserMessages.didYouMean("\(keyword) \(name): \(title)"), replacement: "\(name):", range: range(line, tokens[1])))
            let block = takeTextLines(under: line)
            return (id, title, block.isEmpty ? nil : buildText(block, inline: nil))
        }
        guard tokens.count >= 3, tokens[2].isPunct(.colon), let rest else {
            let at = tokens.count >= 3 ? range(line, tokens[2]) : range(line, tokens[1].endColumn, tokens[1].endColumn + 1)
            report(.missingColon, at, ParserMessages.expected(LocalizedText(nl: "`:` en een omschrijving", en: "`:` and a description"), after: "\(keyword) \(name)"))
            skipIndented(under: line)
            return nil
        }
        let title = rest.trimmed().map { String($0.text) } ?? ""
        let block = takeTextLines(under: line)
        let description = block.isEmpty ? nil : buildText(block, inline: nil)
        return (id, title, description)
    }

    // MARK: - Include

    private mutating func parseInclude(_ line: SourceLine, keyword: String) -> TopLevelItem? {
        var lexer = lexer(line)
        let (tokens, _, unterminated) = lexer.tokens(stopAtColon: false)
        if let unterminated {
            report(.unclosedQuote, range(line, unterminated, unterminated + 1), ParserMessages.unterminatedString)
            return nil
        }
        guard tokens.count >= 2, let path = tokens[1].value, !path.isEmpty else {
            let at = tokens.count >= 2 ? range(line, tokens[1]) : range(line, tokens[0])
            report(.malformedLine, at, ParserMessages.expected(ParserMessages.aPath, after: keyword))
            return nil
        }
        if tokens.count > 2 {
            report(.malformedLine, range(line, tokens[2]), ParserMessages.nothingAfter(ParserMessages.theFileName, tokens[2].spelling))
            return nil
        }
        return .include(IncludeDeclaration(path: path, pathRange: range(line, tokens[1]), range: contentRange(line)))
    }

    // MARK: - Shared error reports

    /// The keyword `word` most likely means: another form of it (`tonen` → `toon`), or the
    /// nearest by spelling.
    func nearestKeyword(to word: String, in candidates: [String]) -> String? {
        if let form = Lexicon.keywordForms[word.lowercased()], candidates.contains(form) { return form }
        return Suggestion.nearest(to: word, in: candidates)
    }

    mutating func reportUnknownWord(_ line: SourceLine, _ token: Token, candidates: [String], skipText: Bool = true) {
        let word = token.spelling
        var fixIt: FixIt?
        if let nearest = nearestKeyword(to: word, in: candidates) {
            fixIt = FixIt(ParserMessages.didYouMean(nearest), replacement: nearest, range: range(line, token))
        } else if line.content.split(separator: " ").count > 3 {
            fixIt = FixIt(ParserMessages.proseHint())
        }
        let isProse = fixIt?.replacement == nil && fixIt != nil
        report(.unknownWord, range(line, token), ParserMessages.unknownWord(word), notes: isProse ? tabNotes(line) : [], fixIt: fixIt)
        if skipText { skipIndented(under: line) }
    }

    mutating func reportNotCode(_ line: SourceLine, _ token: Token) {
        if case .invalid(let c) = token.kind {
            report(.invalidCharacter, range(line, token), ParserMessages.invalidCharacter(String(c).debugDescription.dropFirst().dropLast().description),
                  notes: tabNotes(line), fixIt: FixIt(ParserMessages.proseHint()))
        } else if token.isPunct(.minus) {
            // `- …` lines where no question takes options: one error for the run of them.
            skipIndented(under: line)
            var count = 1
            while let next = nextOptionLine(at: line.indent) {
                index = next + 1
                skipIndented(under: lines[next])
                count += 1
            }
            report(.unknownWord, range(line, token), ParserMessages.optionsWithoutQuestion(count), notes: tabNotes(line),
                   fixIt: FixIt(ParserMessages.optionsHint))
            return
        } else if token.isPunct(.slash), line.content.unicodeScalars.dropFirst().first == "/" {
            // `// …`, a comment as other languages write it.
            let slashes = range(line, token.column, token.column + 2)
            report(.unknownWord, slashes, ParserMessages.unexpected("//", ParserMessages.slashesAreNoComment), notes: tabNotes(line),
                   fixIt: FixIt(ParserMessages.didYouMean("#"), replacement: "#", range: slashes))
        } else {
            report(.unknownWord, range(line, token), ParserMessages.unexpected(token.spelling), notes: tabNotes(line),
                   fixIt: FixIt(ParserMessages.proseHint()))
        }
        skipIndented(under: line)
    }

    /// The index of the next `- …` line at `indent` (blank lines may come between); nil when
    /// another kind of line comes first.
    private func nextOptionLine(at indent: Int) -> Int? {
        var k = index
        while k < lines.count, lines[k].isBlank { k += 1 }
        guard k < lines.count, lines[k].indent == indent, !lines[k].isTooLong else { return nil }
        let scalars = lines[k].content.unicodeScalars
        return scalars.first == "-" && scalars.dropFirst().first != "-" ? k : nil
    }

    mutating func reportUnterminated(_ line: SourceLine, _ column: Int?) {
        if let column {
            report(.unclosedQuote, range(line, column, column + 1), ParserMessages.unterminatedString)
        }
    }
}

extension String {
    /// Cuts a ` # comment` (a `#` after whitespace) off a code line's value.
    func removingTrailingComment() -> String {
        var previous: Unicode.Scalar = " "
        var kept = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == "#" && (previous == " " || previous == "\t") && !kept.isEmpty { break }
            kept.append(scalar)
            previous = scalar
        }
        return String(kept).trimmingTrailingSpaces()
    }

    func trimmingTrailingSpaces() -> String {
        guard let last = utf8.last, last == 0x20 || last == 0x09 else { return self }
        var view = Substring(self)
        while let c = view.utf8.last, c == 0x20 || c == 0x09 { view = view.dropLast() }
        return String(view)
    }
}
