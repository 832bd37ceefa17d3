/// How a block body ended.
enum BlockEnd {
    /// `einde` was read.
    case end(SourceRange)
    /// `anders als …` was read (its condition tokens follow the keywords).
    case elseIf(SourceLine, ArraySlice<Token>)
    /// `anders` was read.
    case otherwise(SourceLine)
    /// The block was not closed. `propagate` is true when the enclosing blocks cannot be
    /// closed either (end of file, or a new `stap`), which was reported once already.
    case unclosed(propagate: Bool)
}

extension Parser {
    /// Parses statements until `einde`, `anders`, a new `stap` or the end of the file.
    mutating func parseBody(allowElse: Bool) -> ([Statement], BlockEnd) {
        var body: [Statement] = []
        while let line = peekCodeLine() {
            var lexer = lexer(line)
            let (tokens, rest, unterminated) = lexer.tokens(stopAtColon: true)
            guard let first = tokens.first else {
                index += 1
                reportUnterminated(line, unterminated)
                skipIndented(under: line)
                continue
            }
            guard first.isWord else {
                index += 1
                reportNotCode(line, first)
                continue
            }
            let firstKey = first.key
            var keyword = Keyword(word: firstKey)
            let isMetadata = MetadataKey(word: firstKey) != nil
            if keyword == nil, !isMetadata {
                // A misspelt keyword: report it, then read the line as the keyword it most
                // likely is, so the rest of the file does not collapse into follow-on errors.
                let candidates = Keyword.statements.flatMap(\.spellings)
                if let nearest = nearestKeyword(to: first.spelling, in: candidates) {
                    reportUnknownWord(line, first, candidates: candidates, skipText: false)
                    keyword = Keyword(word: nearest)
                }
            }
            if keyword == .end || keyword == .else, closesOuterBlock(line) {
                reportUnclosed(openers[openers.count - 1], runsUntil: line.number - 1)
                return (body, .unclosed(propagate: false))
            }
            if keyword == .end {
                index += 1
                if tokens.count > 1 {
                    report(.malformedLine, range(line, tokens[1]), ParserMessages.nothingAfter("`\(first.spelling)`", tokens[1].spelling))
                }
                return (body, .end(range(line, first)))
            }
            if keyword == .else {
                index += 1
                guard allowElse else {
                    if tokens.count == 1, reopenConditional(&body, elseLine: line, keyword: first) {
                        if case .unclosed(propagate: true) = lastEnd { return (body, lastEnd) }
                        continue
                    }
                    report(.misplacedElse, range(line, first), ParserMessages.elseWithoutIf)
                    continue
                }
                if tokens.count > 1, Keyword(word: tokens[1].key) == .if {
                    return (body, .elseIf(line, tokens.dropFirst(2)))
                }
                if tokens.count > 1 {
                    report(.malformedLine, range(line, tokens[1]), ParserMessages.unexpected(tokens[1].spelling),
                          fixIt: FixIt(ParserMessages.didYouMean("anders als")))
                }
                return (body, .otherwise(line))
            }
            if keyword == .step {
                reportUnclosed(openers[openers.count - 1], runsUntil: line.number - 1)
                return (body, .unclosed(propagate: true))
            }
            if tokens.count > 1, tokens[1].isPunct(.colon), isMetadata {
                index += 1
                report(.misplacedLine, range(line, first), ParserMessages.notHere(first.spelling, ParserMessages.onlyTopLevel))
                continue
            }
            guard let keyword else {
                index += 1
                reportUnknownWord(line, first, candidates: Keyword.statements.flatMap(\.spellings))
                continue
            }
            switch keyword {
            case .caseText, .role, .info, .include, .sheet:
                index += 1
                report(.misplacedLine, range(line, first), ParserMessages.notHere(first.spelling, ParserMessages.onlyTopLevel))
                skipIndented(under: line)
                continue
            case .heading, .show:
                index += 1
                report(.misplacedLine, range(line, first), ParserMessages.notHere(first.spelling, ParserMessages.onlyInSheet))
                continue
            case .note, .step, .say, .ask, .solutions, .effect, .vote, .if, .else, .end, .forEach:
                break
            }
            index += 1
            let (statement, childEnd) = parseStatementWithEnd(
                line, tokens: tokens, rest: rest, unterminated: unterminated, keyword: keyword)
            if let statement { body.append(statement) }
            if case .unclosed(propagate: true)? = childEnd { return (body, .unclosed(propagate: true)) }
        }
        reportUnclosed(openers[openers.count - 1], runsUntil: nil)
        return (body, .unclosed(propagate: true))
    }

    /// `anders` right after the `einde` of an `als` without one: that `einde` came too early.
    /// One error, and the `anders` body is read as the `als`'s, so its own `einde` closes it
    /// (no "`einde` without a block" later). `lastEnd` says how that body ended.
    private mutating func reopenConditional(_ body: inout [Statement], elseLine: SourceLine, keyword: Token) -> Bool {
        guard case .conditional(var previous)? = body.last, let early = previous.endRange, previous.elseBody == nil,
            let opener = lines.first(where: { $0.number == previous.range.start.line })
        else { return false }
        report(
            .misplacedElse, range(elseLine, keyword), ParserMessages.elseAfterEnd(early.start.line),
            notes: [DiagnosticNote(ParserMessages.earlyEndHere, at: early)],
            fixIt: FixIt(ParserMessages.removeEarlyEnd(early.start.line), replacement: "", range: early))
        var openerLexer = lexer(opener)
        let ifWord = openerLexer.tokens(stopAtColon: true).tokens.first.map { $0.spelling } ?? "als"
        openers.append((ifWord, opener))
        let (elseBody, end) = parseBody(allowElse: false)
        openers.removeLast()
        previous.elseBody = elseBody
        if case .end(let r) = end { previous.endRange = r } else { previous.endRange = nil }
        body[body.count - 1] = .conditional(previous)
        lastEnd = end
        return true
    }

    /// An `einde` indented less than the innermost open block but exactly as much as an outer
    /// one most likely closes that outer block: the inner one lacks its `einde`. Indentation is
    /// cosmetic, so this only decides which line an error points at.
    private func closesOuterBlock(_ line: SourceLine) -> Bool {
        guard let inner = openers.last, line.indent < inner.line.indent else { return false }
        return openers.dropLast().contains { $0.line.indent == line.indent }
    }

    /// Parses a statement that starts on `line`; block statements consume their body.
    mutating func parseStatement(
        _ line: SourceLine, tokens: [Token], rest: LinePiece?, unterminated: Int?, keyword: Keyword
    ) -> Statement? {
        parseStatementWithEnd(line, tokens: tokens, rest: rest, unterminated: unterminated, keyword: keyword).0
    }

    private mutating func parseStatementWithEnd(
        _ line: SourceLine, tokens: [Token], rest: LinePiece?, unterminated: Int?, keyword: Keyword
    ) -> (Statement?, BlockEnd?) {
        switch keyword {
        case .say:
            return (parseTextOwner(line, tokens: tokens, rest: rest, keyword: tokens[0].spelling).map { .say($0) }, nil)
        case .note:
            return (parseTextOwner(line, tokens: tokens, rest: rest, keyword: tokens[0].spelling).map { .note($0) }, nil)
        case .ask: return (parseQuestionLine(line, tokens, rest, unterminated, .ask), nil)
        case .solutions: return (parseQuestionLine(line, tokens, rest, unterminated, .solutions), nil)
        case .effect: return (parseQuestionLine(line, tokens, rest, unterminated, .effect), nil)
        case .vote: return (parseQuestionLine(line, tokens, rest, unterminated, .vote), nil)
        case .if:
            guard enterBlock(line, tokens[0]) else { return (nil, nil) }
            defer { openers.removeLast() }
            let (conditional, end) = parseConditional(line, tokens: tokens)
            return (conditional.map { .conditional($0) }, end)
        case .forEach:
            guard enterBlock(line, tokens[0]) else { return (nil, nil) }
            defer { openers.removeLast() }
            let (loop, end) = parseLoop(line, tokens: tokens)
            return (loop.map { .loop($0) }, end)
        case .else, .end, .step, .caseText, .role, .info, .include, .sheet, .heading, .show:
            return (nil, nil)
        }
    }

    /// A question line; nil (with its id remembered as broken) when it cannot be read.
    /// Never inlined: `parseStatementWithEnd` recurses once per nested block, and the question
    /// parser's locals in its frame made 50 nested blocks overflow a 2 MB stack under
    /// AddressSanitizer (`make fuzz`).
    @inline(never)
    private mutating func parseQuestionLine(
        _ line: SourceLine, _ tokens: [Token], _ rest: LinePiece?, _ unterminated: Int?, _ keyword: QuestionKeyword
    ) -> Statement? {
        if let unterminated {
            report(.unclosedQuote, range(line, unterminated, unterminated + 1), ParserMessages.unterminatedString)
            skipIndented(under: line)
            noteBrokenQuestion(line, tokens, keyword: keyword)
            return nil
        }
        let question = parseQuestion(line, tokens: tokens, rest: rest, keyword: keyword)
        if question == nil { noteBrokenQuestion(line, tokens, keyword: keyword) }
        return question.map { .question($0) }
    }

    /// Remembers the id of a question line that could not be read (its error is reported), so
    /// the checker does not report every later use of that id as a second, misleading error.
    private mutating func noteBrokenQuestion(_ line: SourceLine, _ tokens: [Token], keyword: QuestionKeyword) {
        switch keyword {
        case .solutions: brokenNames.formUnion(Lexicon.solutions)
        case .effect: brokenNames.insert(tokens.count > 1 ? tokens[1].word ?? "effect" : "effect")
        case .ask, .vote: if tokens.count > 1, let name = tokens[1].word { brokenNames.insert(name) }
        }
    }

    /// Remembers the ids of the questions in a block dropped for a broken `als` or `voor` line.
    private mutating func noteBrokenBody(_ body: [Statement]) {
        for statement in body {
            switch statement {
            case .question(let q) where q.keyword == .solutions: brokenNames.formUnion(Lexicon.solutions)
            case .question(let q): brokenNames.insert(q.id.name)
            case .conditional(let c): c.branches.forEach { noteBrokenBody($0.body) }; noteBrokenBody(c.elseBody ?? [])
            case .loop(let l): noteBrokenBody(l.body)
            case .say, .note: break
            }
        }
    }

    /// Pushes a block opener; past the nesting cap, reports once and skips the whole nested
    /// region iteratively (no recursion, so 20,000 nested blocks cannot overflow the stack).
    private mutating func enterBlock(_ line: SourceLine, _ token: Token) -> Bool {
        guard openers.count < Parser.maxNesting else {
            report(.nestedTooDeep, range(line, token), ParserMessages.tooDeep)
            skipNestedRegion()
            return false
        }
        openers.append((token.spelling, line))
        return true
    }

    /// Skips lines until the block that was just opened is balanced by `einde` lines.
    private mutating func skipNestedRegion() {
        var depth = 1
        while depth > 0, index < lines.count {
            let line = lines[index]
            index += 1
            guard !line.isBlank, !line.isComment else { continue }
            var lexer = lexer(line)
            let (tokens, _, _) = lexer.tokens(stopAtColon: true)
            guard let keyword = Keyword(word: tokens.first?.key) else { continue }
            switch keyword {
            case .if, .forEach: depth += 1
            case .end: depth -= 1
            case .step:
                index -= 1
                return
            case .caseText, .role, .info, .note, .include, .sheet, .say, .ask, .solutions, .effect, .vote, .else,
                .heading, .show:
                break
            }
        }
    }

    // MARK: - Steps

    mutating func parseStep(_ line: SourceLine, keyword: String) -> Step? {
        var lexer = lexer(line)
        let (tokens, _, unterminated) = lexer.tokens(stopAtColon: false)
        var title = ""
        if let unterminated {
            // `stap "Presentatie (15 min)`: the title's closing quote most likely belongs before
            // the time; the fix shows the line that way and the step is read with that title.
            let quoted = untilBudget(line, afterColumn: unterminated)
            title = quoted.title
            let closed = "\"\(quoted.title)\"" + (quoted.budget.map { " \($0)" } ?? "")
            let fixIt = quoted.title.isEmpty ? nil : FixIt(
                ParserMessages.didYouMean(closed), replacement: closed, range: range(line, unterminated, line.contentEnd))
            report(.unclosedQuote, range(line, unterminated, unterminated + 1), ParserMessages.unterminatedString, fixIt: fixIt)
        }
        var i = 1
        if i < tokens.count, let s = tokens[i].value {
            title = s
            i += 1
        } else {
            // An unquoted title runs up to the budget's `(`.
            let start = i
            while i < tokens.count, !tokens[i].isPunct(.openParen) { i += 1 }
            if i > start {
                title = text(from: tokens[start], through: tokens[i - 1])
            }
        }
        if title.isEmpty && unterminated == nil {
            let at = i < tokens.count ? range(line, tokens[i]) : range(line, tokens[0])
            report(.malformedLine, at, ParserMessages.expected(ParserMessages.aTitle, after: keyword))
        }
        var budget: Int?
        var budgetRange: SourceRange?
        if i < tokens.count, unterminated == nil {
            if tokens[i].isPunct(.openParen), i + 3 == tokens.count, case .number(let n) = tokens[i + 1].kind,
                tokens[i + 2].matches(Lexicon.minutes)
            {
                // `(10 min` without its `)`: read as meant, with the fix.
                budget = n
                let end = SourceRange(
                    file: path, start: SourceLocation(line: line.number, column: tokens[i + 2].endColumn),
                    end: SourceLocation(line: line.number, column: tokens[i + 2].endColumn))
                report(.malformedBudget, range(line, tokens[i]), ParserMessages.unclosedParen,
                       fixIt: FixIt(ParserMessages.didYouMean("(\(n) \(tokens[i + 2].spelling))"), replacement: ")", range: end))
            } else if tokens[i].isPunct(.openParen), i + 3 == tokens.count, case .number(let n) = tokens[i + 1].kind,
                tokens[i + 2].isPunct(.closeParen)
            {
                // `(10)`: minutes are meant; read as meant, with the fix.
                budget = n
                report(.malformedBudget, range(line, tokens[i + 1]), ParserMessages.expected(ParserMessages.aBudget, after: title.isEmpty ? keyword : "\"\(title)\""),
                       fixIt: FixIt(ParserMessages.didYouMean("(\(n) min)"), replacement: "\(n) min", range: range(line, tokens[i + 1])))
            } else if tokens[i].isPunct(.openParen), i + 3 < tokens.count, case .number(let n) = tokens[i + 1].kind,
                tokens[i + 2].matches(Lexicon.minutes), tokens[i + 3].isPunct(.closeParen)
            {
                budget = n
                budgetRange = range(line, tokens[i].column, tokens[i + 3].endColumn)
                i += 4
                if i < tokens.count {
                    report(.malformedLine, range(line, tokens[i]), ParserMessages.nothingAfter("`(\(n) min)`", tokens[i].spelling))
                }
            } else {
                report(.malformedBudget, range(line, tokens[i]), ParserMessages.expected(ParserMessages.aBudget, after: title.isEmpty ? keyword : "\"\(title)\""))
            }
        }
        openers.append((keyword, line))
        defer { openers.removeLast() }
        let (body, end) = parseBody(allowElse: false)
        var endRange: SourceRange?
        if case .end(let r) = end { endRange = r }
        return Step(
            title: title, budgetMinutes: budget, body: body, range: contentRange(line), endRange: endRange,
            keywordRange: range(line, tokens[0]), budgetRange: budgetRange)
    }

    /// The text after an unclosed quote at `column`, split before a trailing `(N min)`.
    private func untilBudget(_ line: SourceLine, afterColumn column: Int) -> (title: String, budget: String?) {
        let scalars = Array(line.content.unicodeScalars.dropFirst(column - line.contentColumn + 1))
        let text = String(String.UnicodeScalarView(scalars))
        guard let open = text.lastIndex(of: "(") else { return (text.trimmingTrailingSpaces(), nil) }
        let title = String(text[..<open]).trimmingTrailingSpaces()
        // Only a title followed by a complete time is clear; anything else gets no fix.
        guard text.hasSuffix(")"), !title.trimmingCharacters(in: " ").isEmpty else { return ("", nil) }
        return (title, String(text[open...]))
    }

    // MARK: - Conditions

    private mutating func parseConditional(_ line: SourceLine, tokens: [Token]) -> (Conditional?, BlockEnd) {
        var branches: [Conditional.Branch] = []
        var elseBody: [Statement]?
        var condition = parseCondition(
            line, tokens.dropFirst(), after: tokens[0].spelling, at: tokens[0].column..<tokens[0].endColumn)
        var branchLine = line
        while true {
            let (body, end) = parseBody(allowElse: true)
            if let condition {
                if elseBody == nil || branches.isEmpty {
                    branches.append(Conditional.Branch(condition: condition, body: body, range: contentRange(branchLine)))
                }
            } else {
                // A broken condition: its body is left out (the error is reported), and the
                // questions in it are not reported again where they are used.
                noteBrokenBody(body)
            }
            switch end {
            case .end(let r):
                return (make(branches, elseBody, line, r), end)
            case .unclosed:
                return (make(branches, elseBody, line, nil), end)
            case .elseIf(let elseLine, let rest):
                if elseBody != nil {
                    report(.misplacedElse, openingWords(elseLine), ParserMessages.elseAfterElse)
                }
                branchLine = elseLine
                let column = elseLine.contentColumn
                condition = parseCondition(elseLine, rest, after: "anders als", at: column..<(column + 1))
            case .otherwise(let elseLine):
                if elseBody != nil {
                    report(.misplacedElse, openingWords(elseLine), ParserMessages.elseAfterElse)
                }
                let (body, end) = parseBody(allowElse: true)
                elseBody = body
                switch end {
                case .end(let r): return (make(branches, elseBody, line, r), end)
                case .unclosed: return (make(branches, elseBody, line, nil), end)
                case .elseIf(let l, _), .otherwise(let l):
                    report(.misplacedElse, openingWords(l), ParserMessages.elseAfterElse)
                    // Skip to this block's `einde`, keeping what was parsed.
                    let (_, end2) = parseBody(allowElse: true)
                    if case .end(let r) = end2 { return (make(branches, elseBody, line, r), end2) }
                    return (make(branches, elseBody, line, nil), end2)
                }
            }
        }
    }

    private mutating func make(_ branches: [Conditional.Branch], _ elseBody: [Statement]?, _ line: SourceLine, _ end: SourceRange?) -> Conditional? {
        guard !branches.isEmpty else {
            noteBrokenBody(elseBody ?? [])
            return nil
        }
        return Conditional(branches: branches, elseBody: elseBody, range: contentRange(line), endRange: end)
    }

    // MARK: - Loops

    private mutating func parseLoop(_ line: SourceLine, tokens: [Token]) -> (Loop?, BlockEnd) {
        let source = parseLoopHeader(line, tokens)
        let (body, end) = parseBody(allowElse: false)
        guard let (source, variable) = source else {
            noteBrokenBody(body)
            return (nil, end)
        }
        var endRange: SourceRange?
        if case .end(let r) = end { endRange = r }
        return (Loop(source: source, variable: variable, body: body, range: contentRange(line), endRange: endRange), end)
    }

    /// Other words for `elk`/`elke` that people write after `voor`.
    static let eachForms = ["ieder": "elk", "iedere": "elke", "alle": "elke", "every": "each", "all": "each"]
    /// The plural of a built-in loop's variable, for `voor elke rollen`.
    static let loopPlurals = [
        "rollen": "rol", "leden": "lid", "oplossingen": "oplossing", "roles": "role", "members": "member",
        "solutions": "solution",
    ]

    /// A loop line with one word wrong that is clear from the rest (`voor ieder lid`,
    /// `voor elke rollen`, `voor elk punt lijst` without `in`): one error with the fix, and
    /// the tokens as meant, so the loop's body is checked as written.
    private mutating func loopAsMeant(_ line: SourceLine, _ tokens: [Token]) -> [Token] {
        var fixes: [(at: Int, replacement: String, message: LocalizedText)] = []
        let eachForm = tokens.count >= 3 ? Self.eachForms[tokens[1].key ?? ""] : nil
        if let eachForm, tokens[2].isWord {
            fixes.append((1, eachForm, ParserMessages.eachInOtherWords(tokens[0].spelling, tokens[1].spelling, eachForm)))
        }
        let each = eachForm != nil || tokens.count >= 3 && tokens[1].matches(Lexicon.each)
        if tokens.count == 3, each, let singular = Self.loopPlurals[tokens[2].key ?? ""] {
            fixes.append((2, singular, ParserMessages.loopPlural(tokens[2].spelling, singular)))
        } else if tokens.count == 4, each, tokens[2].isWord, tokens[3].isWord, !tokens[3].matches(Lexicon.in),
            Keyword(word: tokens[2].key) == nil, Self.loopPlurals[tokens[2].key ?? ""] == nil,
            !tokens[2].matches(Lexicon.roleLoop + Lexicon.memberLoop + Lexicon.solutionLoop)
        {
            fixes.append((3, "in \(tokens[3].spelling)", ParserMessages.loopWithoutIn(tokens[2].spelling, tokens[3].spelling)))
        }
        guard let first = fixes.first, let last = fixes.last else { return tokens }
        // One error for the line, whose fix covers every word it changes (`voor alle rollen`).
        var corrected = tokens.map(\.spelling)
        for fix in fixes { corrected[fix.at] = fix.replacement }
        let at = range(line, tokens[first.at].column, tokens[last.at].endColumn)
        report(.malformedLoop, at, first.message,
               fixIt: FixIt(ParserMessages.didYouMean(corrected.joined(separator: " ")),
                            replacement: corrected[first.at...last.at].joined(separator: " "), range: at))
        var meant = tokens
        for fix in fixes.reversed() {
            let old = tokens[fix.at]
            if fix.at == 3 {
                meant.insert(Token(kind: .word, text: "in", column: old.column, endColumn: old.column), at: 3)
            } else {
                meant[fix.at] = Token(kind: .word, text: Substring(fix.replacement), column: old.column, endColumn: old.endColumn)
            }
        }
        return meant
    }

    private mutating func parseLoopHeader(_ line: SourceLine, _ written: [Token]) -> (LoopSource, Identifier)? {
        let tokens = loopAsMeant(line, written)
        guard tokens.count >= 3, tokens[1].matches(Lexicon.each), let kind = tokens[2].word else {
            let at = tokens.count >= 2 ? range(line, tokens[1]) : range(line, tokens[0])
            report(.malformedLoop, at, ParserMessages.expected(ParserMessages.aLoop, after: tokens[0].spelling))
            return nil
        }
        let variable = Identifier(kind, at: range(line, tokens[2]))
        if tokens.count >= 4, tokens[3].matches(Lexicon.in) {
            guard tokens.count >= 5, let list = tokens[4].word else {
                report(.malformedLoop, range(line, tokens[3]), ParserMessages.expected(ParserMessages.aName, after: tokens[3].spelling),
                      fixIt: FixIt(ParserMessages.loopVariableHint))
                return nil
            }
            if tokens.count > 5 {
                report(.malformedLine, range(line, tokens[5]), ParserMessages.nothingAfter("`\(text(from: tokens[0], through: tokens[4]))`", tokens[5].spelling))
            }
            return (.items(variable: variable, list: Identifier(list, at: range(line, tokens[4]))), variable)
        }
        if tokens.count > 3 {
            report(.malformedLine, range(line, tokens[3]), ParserMessages.nothingAfter("`\(text(from: tokens[0], through: tokens[2]))`", tokens[3].spelling))
            return nil
        }
        if tokens[2].matches(Lexicon.roleLoop) { return (.roles, variable) }
        if tokens[2].matches(Lexicon.memberLoop) { return (.members, variable) }
        if tokens[2].matches(Lexicon.solutionLoop) { return (.solutions, variable) }
        let all = Lexicon.roleLoop + Lexicon.memberLoop + Lexicon.solutionLoop
        var fixIt = FixIt(ParserMessages.loopVariableHint)
        if let nearest = Suggestion.nearest(to: kind, in: all) {
            fixIt = FixIt(ParserMessages.didYouMean(nearest), replacement: nearest, range: range(line, tokens[2]))
        }
        report(.malformedLoop, range(line, tokens[2]), ParserMessages.expected(ParserMessages.aLoop, after: tokens[0].spelling), fixIt: fixIt)
        return nil
    }

    // MARK: - Sheet layout

    mutating func parseSheet(_ line: SourceLine, keyword: String) -> SheetLayout? {
        var entries: [SheetLayout.Entry] = []
        while let inner = peekCodeLine() {
            var lexer = lexer(inner)
            let (tokens, rest, _) = lexer.tokens(stopAtColon: true)
            guard let first = tokens.first, let kw = Keyword(word: first.key) else {
                index += 1
                if let token = tokens.first { reportUnknownWord(inner, token, candidates: ["kop", "heading", "toon", "show", "einde", "end"]) }
                continue
            }
            let word = first.spelling
            switch kw {
            case .end:
                index += 1
                return SheetLayout(entries: entries, range: contentRange(line), endRange: range(inner, first))
            case .heading:
                index += 1
                if tokens.count >= 2, !tokens[1].isPunct(.colon) {
                    // `kop Presentatie`: the heading without its colon, read as meant.
                    report(.malformedLine, range(inner, first), ParserMessages.metadataWithoutColon(word),
                           fixIt: FixIt(ParserMessages.didYouMean("\(word):"), replacement: "\(word):", range: range(inner, first)))
                    let text = inner.piece(after: first).trimmed()
                    entries.append(.heading(text.map { String($0.text) } ?? "", text.map(range) ?? range(inner, first)))
                    continue
                }
                guard tokens.count >= 2, tokens[1].isPunct(.colon), let rest else {
                    report(.malformedLine, range(inner, first), ParserMessages.expected(LocalizedText(nl: "`:` en een kop", en: "`:` and a heading"), after: word))
                    continue
                }
                let text = rest.trimmed()
                entries.append(.heading(text.map { String($0.text) } ?? "", text.map(range) ?? range(inner, rest.column, rest.column)))
            case .show:
                index += 1
                var lexer2 = self.lexer(inner)
                let all = lexer2.tokens(stopAtColon: false).tokens.dropFirst()
                var names: [Identifier] = []
                var expectName = true
                for token in all {
                    if expectName, let name = token.word {
                        names.append(Identifier(name, at: range(inner, token)))
                        expectName = false
                    } else if !expectName, token.isPunct(.comma) {
                        expectName = true
                    } else {
                        report(.malformedLine, range(inner, token), ParserMessages.unexpected(token.spelling, ParserMessages.namesNeedCommas))
                        break
                    }
                }
                if names.isEmpty {
                    report(.malformedLine, range(inner, first), ParserMessages.expected(ParserMessages.aName, after: word))
                } else {
                    entries.append(.show(names))
                }
            case .step:
                reportUnclosed((keyword, line), runsUntil: inner.number - 1)
                return SheetLayout(entries: entries, range: contentRange(line), endRange: nil)
            case .caseText, .role, .info, .note, .include, .sheet, .say, .ask, .solutions, .effect, .vote, .if,
                .else, .forEach:
                index += 1
                report(.misplacedLine, range(inner, first), ParserMessages.notHere(word, LocalizedText(
                    nl: "in `blad` staan alleen `kop:` en `toon`", en: "a `sheet` holds only `heading:` and `show`")))
                skipIndented(under: inner)
            }
        }
        reportUnclosed((keyword, line), runsUntil: nil)
        return SheetLayout(entries: entries, range: contentRange(line), endRange: nil)
    }
}
