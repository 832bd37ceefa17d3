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
    /// The tokens' line and the file's bytes, for the words' text.
    let line: SourceLine
    let source: [UInt8]
    var position: Int
    var depth = 0
    /// `en`/`of` read so far: a chain is flat in the text but as deep as it is long in the
    /// tree, and every pass over a condition recurses through that depth.
    var operators = 0
    static let maxOperators = 100

    mutating func parse() throws -> Expression {
        let e = try parseOr()
        if position < tokens.endIndex {
            throw ExpressionError(token: tokens[position], message: ParserMessages.unexpected(spelling(tokens[position])))
        }
        return e
    }

    /// The token's range in the scalar columns people see (token columns count bytes).
    private func range(_ t: Token) -> SourceRange {
        let from = line.scalarColumn(t.column, in: source)
        let to = line.scalarColumn(t.endColumn, in: source)
        return SourceRange(file: file, line: line.number, column: from, length: max(to - from, 1))
    }

    private func spelling(_ t: Token) -> String { t.spelling(line, in: source) }

    /// True when the current token is one of the words of `set`.
    private func currentMatches(_ set: [String]) -> Bool {
        guard position < tokens.endIndex, tokens[position].isWord else { return false }
        return set.contains(line.text(tokens[position].column, tokens[position].endColumn, in: source).lowercased())
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
        case .string(let from, let to):
            return .string(line.text(Int(from), Int(to), in: source), range(t))
        case .word:
            let key: String? = line.text(t.column, t.endColumn, in: source).lowercased()
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
                throw ExpressionError(token: t, message: ParserMessages.unexpected(spelling(t)))
            }
            return .name(Identifier(spelling(t), at: range(t)))
        case .punct, .invalid:
            throw ExpressionError(token: t, message: ParserMessages.unexpected(spelling(t)))
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
        var parser = ExpressionParser(tokens: tokens, file: path, line: line, source: source, position: tokens.startIndex)
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
        let words = tokens.map { $0.isWord ? spelling(line, $0).lowercased() : spelling(line, $0) }
        let all = Array(tokens)
        func hint(_ from: Int, _ to: Int, _ written: String, _ replacement: String) -> (SourceRange, LocalizedText, FixIt) {
            let at = range(line, all[from].column, all[to].endColumn)
            return (at, ParserMessages.everydayCondition(written, replacement),
                    FixIt(ParserMessages.didYouMean(replacement), replacement: replacement, range: at))
        }
        for (i, word) in words.enumerated() {
            if word == "geen" || word == "none" {
                return hint(i, i, spelling(line, all[i]), word == "geen" ? "niet" : "not")
            }
            if i + 2 < words.count, Lexicon.and.contains(word), words[i + 1] == "/", Lexicon.or.contains(words[i + 2]) {
                return hint(i, i + 2, text(line, all[i].column, all[i + 2].endColumn), spelling(line, all[i + 2]))
            }
            if i >= 1, word == "is" || word == "equals", i + 1 < words.count {
                if Lexicon.not.contains(words[i + 1]), i + 2 < words.count {
                    return hint(i, i + 1, text(line, all[i].column, all[i + 1].endColumn), "!=")
                }
                return hint(i, i, spelling(line, all[i]), "=")
            }
            if i >= 1, Lexicon.not.contains(word), all[i - 1].isWord, !Lexicon.connectives.contains(words[i - 1]),
                i + 1 == words.count || Lexicon.and.contains(words[i + 1]) || Lexicon.or.contains(words[i + 1])
            {
                let name = spelling(line, all[i - 1])
                let replacement = "\(spelling(line, all[i])) \(name)"
                let at = range(line, all[i - 1].column, all[i].endColumn)
                return (at, ParserMessages.notComesFirst(replacement),
                        FixIt(ParserMessages.didYouMean(replacement), replacement: replacement, range: at))
            }
        }
        return nil
    }
}
