/// A condition could not be parsed; reported once for the whole line.
struct ExpressionError: Error {
    var token: Token?
    var message: LocalizedText
    /// C021 for a malformed condition; C014 for nesting past `Parser.maxNesting`.
    var code: DiagnosticCode = .unreadableCondition
}

/// Recursive descent over one line's tokens: `of` < `en` < `niet` < comparison < primary.
struct ExpressionParser {
    /// A slice of the line's tokens (no copy for the condition): indices are the line's.
    let tokens: ArraySlice<Token>
    let file: String
    /// The tokens' line number.
    let line: Int
    var position: Int
    var depth = 0
    /// `en`/`of` read so far: a chain is flat in the text but as deep as it is long in the
    /// tree, and every pass over a condition recurses through that depth.
    var operators = 0
    static let maxOperators = 100

    mutating func parse() throws -> Expression {
        let e = try parseOr()
        if position < tokens.endIndex {
            let extra = tokens[position]
            throw ExpressionError(
                token: extra,
                message: ParserMessages.unexpected(spelling(extra), extra.isPunct(.slash) ? ParserMessages.slashInCondition : ParserMessages.joinConditions))
        }
        return e
    }

    private func range(_ t: Token) -> SourceRange {
        SourceRange(file: file, line: line, column: t.column, length: max(t.endColumn - t.column, 1))
    }

    private func spelling(_ t: Token) -> String { t.spelling }

    /// True when the current token is one of the words of `set`.
    private func currentMatches(_ set: [String]) -> Bool {
        position < tokens.endIndex && tokens[position].matches(set)
    }

    private var current: Token? { position < tokens.endIndex ? tokens[position] : nil }

    private mutating func parseOr() throws -> Expression {
        var left = try parseAnd()
        while currentMatches(Lexicon.or) {
            try countOperator()
            position += 1
            left = .or(left, try parseAnd())
        }
        return left
    }

    private mutating func parseAnd() throws -> Expression {
        var left = try parseNot()
        while currentMatches(Lexicon.and) {
            try countOperator()
            position += 1
            left = .and(left, try parseNot())
        }
        return left
    }

    private mutating func parseNot() throws -> Expression {
        if let t = current, currentMatches(Lexicon.not) {
            position += 1
            try enter()
            defer { depth -= 1 }
            let inner = try parseNot()
            return .not(inner, range(t).union(inner.range))
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws -> Expression {
        let left = try parsePrimary()
        if let t = current, case .punct(let p) = t.kind, let op = ComparisonOperator(rawValue: p.rawValue) {
            position += 1
            return .compare(left, op, try parsePrimary())
        }
        return left
    }

    private mutating func countOperator() throws {
        operators += 1
        if operators > Self.maxOperators {
            throw ExpressionError(token: current, message: LimitMessages.conditionTooLong(Self.maxOperators), code: .conditionTooLong)
        }
    }

    private mutating func enter() throws {
        depth += 1
        if depth > Parser.maxNesting { throw ExpressionError(token: current, message: ParserMessages.tooDeep, code: .nestedTooDeep) }
    }

    private mutating func parsePrimary() throws -> Expression {
        guard let t = current else {
            throw ExpressionError(token: tokens.last, message: ParserMessages.expected(ParserMessages.aCondition, after: tokens.last.map(spelling) ?? ""))
        }
        position += 1
        switch t.kind {
        case .punct(.openParen):
            try enter()
            defer { depth -= 1 }
            let inner = try parseOr()
            guard let close = current, close.isPunct(.closeParen) else {
                throw ExpressionError(token: t, message: ParserMessages.unclosedParen)
            }
            position += 1
            return inner
        case .number(let n):
            return .number(n, range(t))
        case .string:
            return .string(t.value ?? "", range(t))
        case .word:
            let key = t.key
            if let key, Lexicon.yes.contains(key) { return .boolean(true, range(t)) }
            if let key, Lexicon.no.contains(key) { return .boolean(false, range(t)) }
            if let key, Lexicon.count.contains(key) {
                guard let n = current, n.isWord else {
                    throw ExpressionError(token: current ?? t, message: ParserMessages.expected(ParserMessages.aName, after: spelling(t)))
                }
                position += 1
                return .count(Identifier(spelling(n), at: range(n)), range(t).union(range(n)))
            }
            if let key, Lexicon.connectives.contains(key) {
                throw ExpressionError(token: t, message: ParserMessages.unexpected(spelling(t), ParserMessages.conditionStart))
            }
            return .name(Identifier(spelling(t), at: range(t)))
        case .punct, .invalid:
            throw ExpressionError(
                token: t, message: ParserMessages.unexpected(spelling(t), t.isPunct(.slash) ? ParserMessages.slashInCondition : ParserMessages.conditionStart))
        }
    }
}

extension Parser {
    /// Parses the condition of `als`/`anders als`; reports and returns nil when broken.
    /// `keyword` is how the keyword before the condition is named in messages, `columns`
    /// where a missing condition is reported.
    mutating func parseCondition(_ line: SourceLine, _ tokens: ArraySlice<Token>, after keyword: String, at columns: Range<Int>) -> Expression? {
        guard !tokens.isEmpty else {
            report(.unreadableCondition, range(line, columns.lowerBound, columns.upperBound), ParserMessages.expected(ParserMessages.aCondition, after: keyword))
            return nil
        }
        var parser = ExpressionParser(tokens: tokens, file: path, line: line.number, position: tokens.startIndex)
        do {
            return try parser.parse()
        } catch let e as ExpressionError {
            if e.code == .unreadableCondition, let hint = everydayCondition(line, tokens) {
                report(.unreadableCondition, hint.range, hint.message, fixIt: hint.fixIt)
                return nil
            }
            report(e.code, e.token.map { range(line, $0) } ?? contentRange(line), e.message)
            return nil
        } catch {
            return nil
        }
    }

    /// A condition in everyday words, with the word at fault and what to write instead:
    /// `geen X` → `niet X`, `X en/of Y` → `X of Y`, `X is ja` → `X = ja`, `X is niet Y` →
    /// `X != Y`, `X niet` → `niet X`.
    private func everydayCondition(
        _ line: SourceLine, _ tokens: ArraySlice<Token>
    ) -> (range: SourceRange, message: LocalizedText, fixIt: FixIt)? {
        let words = tokens.map { $0.key ?? $0.spelling }
        let all = Array(tokens)
        func hint(_ from: Int, _ to: Int, _ written: String, _ replacement: String) -> (SourceRange, LocalizedText, FixIt) {
            let at = range(line, all[from].column, all[to].endColumn)
            // The fix shows the whole condition as it reads after it, not only the word.
            let before = from > 0 ? [text(from: all[0], through: all[from - 1])] : []
            let after = to + 1 < all.count ? [text(from: all[to + 1], through: all[all.count - 1])] : []
            let condition = (before + [replacement] + after).joined(separator: " ")
            return (at, ParserMessages.everydayCondition(written, replacement),
                    FixIt(ParserMessages.didYouMean(condition), replacement: replacement, range: at))
        }
        for (i, word) in words.enumerated() {
            if word == "geen" || word == "none" {
                return hint(i, i, all[i].spelling, word == "geen" ? "niet" : "not")
            }
            if i + 2 < words.count, Lexicon.and.contains(word), words[i + 1] == "/", Lexicon.or.contains(words[i + 2]) {
                return hint(i, i + 2, text(from: all[i], through: all[i + 2]), all[i + 2].spelling)
            }
            if i >= 1, word == "is" || word == "equals", i + 1 < words.count {
                if Lexicon.not.contains(words[i + 1]), i + 2 < words.count {
                    return hint(i, i + 1, text(from: all[i], through: all[i + 1]), "!=")
                }
                return hint(i, i, all[i].spelling, "=")
            }
            if i >= 1, Lexicon.not.contains(word), all[i - 1].isWord, !Lexicon.connectives.contains(words[i - 1]),
                i + 1 == words.count || Lexicon.and.contains(words[i + 1]) || Lexicon.or.contains(words[i + 1])
            {
                let name = all[i - 1].spelling
                let replacement = "\(all[i].spelling) \(name)"
                let at = range(line, all[i - 1].column, all[i].endColumn)
                return (at, ParserMessages.notComesFirst(replacement),
                        FixIt(ParserMessages.didYouMean(replacement), replacement: replacement, range: at))
            }
        }
        return nil
    }
}
