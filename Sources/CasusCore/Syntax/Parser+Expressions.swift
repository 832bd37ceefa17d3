/// A condition could not be parsed; reported once for the whole line.
struct ExpressionError: Error {
    var token: Token?
    var message: LocalizedText
    /// C021 for a malformed condition; C014 for nesting past `Parser.maxNesting`.
    var code = "C021"
}

/// Recursive descent over one line's tokens: `of` < `en` < `niet` < comparison < primary.
struct ExpressionParser {
    let tokens: [Token]
    let file: SourceFileID
    let line: Int
    var position = 0
    var depth = 0
    /// `en`/`of` read so far: a chain is flat in the text but as deep as it is long in the
    /// tree, and every pass over a condition recurses through that depth.
    var operators = 0
    static let maxOperators = 100

    mutating func parse() throws -> Expression {
        let e = try parseOr()
        if position < tokens.count {
            throw ExpressionError(token: tokens[position], message: ParserMessages.unexpected(tokens[position].spelling))
        }
        return e
    }

    private func range(_ t: Token) -> SourceRange {
        SourceRange(fileID: file, line: line, column: t.column, length: t.endColumn - t.column)
    }

    private var current: Token? { position < tokens.count ? tokens[position] : nil }

    private mutating func parseOr() throws -> Expression {
        var left = try parseAnd()
        while Vocabulary.matches(current?.word, Vocabulary.or) {
            try countOperator()
            position += 1
            left = .or(left, try parseAnd())
        }
        return left
    }

    private mutating func parseAnd() throws -> Expression {
        var left = try parseNot()
        while Vocabulary.matches(current?.word, Vocabulary.and) {
            try countOperator()
            position += 1
            left = .and(left, try parseNot())
        }
        return left
    }

    private mutating func parseNot() throws -> Expression {
        if let t = current, Vocabulary.matches(t.word, Vocabulary.not) {
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
            throw ExpressionError(token: current, message: LimitMessages.conditionTooLong(Self.maxOperators), code: "C014")
        }
    }

    private mutating func enter() throws {
        depth += 1
        if depth > Parser.maxNesting { throw ExpressionError(token: current, message: ParserMessages.tooDeep, code: "C014") }
    }

    private mutating func parsePrimary() throws -> Expression {
        guard let t = current else {
            throw ExpressionError(token: tokens.last, message: ParserMessages.expected(ParserMessages.aCondition, after: tokens.last?.spelling ?? ""))
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
        case .string(let s):
            return .string(s, range(t))
        case .word(let w):
            // Lowercased once for the four word lists (all lowercase) rather than per list.
            let lower = w.lowercasedIfNeeded ?? w
            if Vocabulary.yes.contains(lower) { return .boolean(true, range(t)) }
            if Vocabulary.no.contains(lower) { return .boolean(false, range(t)) }
            if Vocabulary.count.contains(lower) {
                guard let n = current, let name = n.word else {
                    throw ExpressionError(token: current ?? t, message: ParserMessages.expected(ParserMessages.aName, after: w))
                }
                position += 1
                return .count(Identifier(name, at: range(n)), range(t).union(range(n)))
            }
            if Vocabulary.connectives.contains(lower) {
                throw ExpressionError(token: t, message: ParserMessages.unexpected(w))
            }
            return .name(Identifier(w, at: range(t)))
        case .punct, .invalid:
            throw ExpressionError(token: t, message: ParserMessages.unexpected(t.spelling))
        }
    }
}

extension Parser {
    /// Parses the condition of `als`/`anders als`; reports and returns nil when broken.
    mutating func parseCondition(_ line: SourceLine, _ tokens: [Token], after keyword: Token) -> Expression? {
        guard !tokens.isEmpty else {
            error("C021", range(line, keyword), ParserMessages.expected(ParserMessages.aCondition, after: keyword.spelling))
            return nil
        }
        var parser = ExpressionParser(tokens: tokens, file: fileID, line: line.number)
        do {
            return try parser.parse()
        } catch let e as ExpressionError {
            error(e.code, e.token.map { range(line, $0) } ?? contentRange(line), e.message)
            return nil
        } catch {
            return nil
        }
    }
}
