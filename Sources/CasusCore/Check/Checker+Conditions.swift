extension Checker {
    /// Checks that `expression` is a well-typed condition (true or false).
    mutating func checkCondition(_ expression: Expression, scope: [LoopScope]) {
        guard let kind = kindOf(expression, scope: scope) else { return }
        if kind != .boolean {
            let name: String
            if case .name(let id) = expression { name = id.name } else { name = "…" }
            report(.typeMismatch, expression.range, CheckerMessages.notACondition(name, kind.name), fixIt: FixIt(CheckerMessages.compareHint))
        }
    }

    /// The kind of value an expression has; nil after an error was reported.
    private mutating func kindOf(_ expression: Expression, scope: [LoopScope]) -> ValueKind? {
        switch expression {
        case .name(let id):
            // A role id on its own is a role literal, e.g. in `rol = slachtoffer`.
            guard let meaning = resolveUse(id, scope: scope) else { return nil }
            switch meaning {
            case .answer(let i): return ValueKind(asked.all[i].question)
            case .loopVariable(let source):
                switch source {
                case .roles: return .role
                case .members: return .member
                case .solutions, .items: return .text
                }
            case .role(let r): return .roleLiteral(roles[r].id.name)
            case .builtin:
                return Lexicon.members.contains(id.name) ? .list : .text
            }
        case .number: return .number
        case .string(let s, _): return .string(s)
        case .boolean: return .boolean
        case .count(let id, _):
            if Lexicon.members.contains(id.name) { return .number }
            guard let meaning = resolveUse(id, scope: scope) else { return nil }
            if case .answer(let i) = meaning, case .list = asked.all[i].question.type { return .number }
            report(.countOfNonList, id.range, CheckerMessages.countOfNonList(id.name))
            return nil
        case .not(let inner, _):
            checkCondition(inner, scope: scope)
            return .boolean
        case .and(let a, let b), .or(let a, let b):
            checkCondition(a, scope: scope)
            checkCondition(b, scope: scope)
            return .boolean
        case .compare(let a, let op, let b):
            let left = kindOf(a, scope: scope)
            let right = kindOf(b, scope: scope)
            guard let left, let right else { return .boolean }
            checkComparison(left, op, right, a, b, range: expression.range)
            return .boolean
        }
    }

    private mutating func checkComparison(
        _ left: ValueKind, _ op: ComparisonOperator, _ right: ValueKind, _ a: Expression, _ b: Expression,
        range: SourceRange
    ) {
        switch op {
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            if left != .number || right != .number {
                report(.typeMismatch, range, CheckerMessages.orderNeedsNumbers(op.rawValue))
            }
            return
        case .equal, .notEqual:
            break
        }
        if compatible(left, right, b) || compatible(right, left, a) { return }
        // A misspelt option or role gets a pointed message.
        if case .option(let options) = left, case .string(let s) = right {
            reportOption(s, options, b)
            return
        }
        if case .option(let options) = right, case .string(let s) = left {
            reportOption(s, options, a)
            return
        }
        if case .effect = left, case .string(let s) = right {
            report(.typeMismatch, b.range, CheckerMessages.unknownEffect(s))
            return
        }
        if case .effect = right, case .string(let s) = left {
            report(.typeMismatch, a.range, CheckerMessages.unknownEffect(s))
            return
        }
        let yesNo = left == .boolean || right == .boolean
        report(.typeMismatch, range, CheckerMessages.typeMismatch(left.name, right.name),
              fixIt: yesNo ? FixIt(CheckerMessages.yesNoHint) : nil)
    }

    private func compatible(_ l: ValueKind, _ r: ValueKind, _ rhs: Expression) -> Bool {
        switch (l, r) {
        case (.boolean, .boolean), (.number, .number): return true
        case (.text, .string), (.text, .text), (.member, .string), (.member, .member), (.string, .string): return true
        case (.option(let options), .string(let s)):
            // Exact spelling first: `lowercased()` builds two strings per option.
            return options.contains(s) || options.contains { $0.lowercased() == s.lowercased() }
        case (.option, .text), (.option, .option): return true
        case (.role, .roleLiteral), (.role, .role), (.roleLiteral, .roleLiteral): return true
        case (.role, .string(let s)): return roles.contains { $0.name.lowercased() == s.lowercased() || $0.id.name == s }
        case (.effect, .string(let s)): return ["++", "+", "0", "-", "--"].contains(s)
        case (.boolean, _), (.number, _), (.text, _), (.option, _), (.role, _), (.member, _), (.list, _),
            (.roleLiteral, _), (.string, _), (.effect, _):
            return false
        }
    }

    private mutating func reportOption(_ value: String, _ options: [String], _ at: Expression) {
        let nearest = Suggestion.nearest(to: value, in: options)
            ?? options.first { $0.lowercased().hasPrefix(value.lowercased()) }
        let question: String = {
            for info in asked.all.sorted(by: { $0.question.id.name < $1.question.id.name }) where info.question.options.map(\.text) == options {
                return info.question.id.name
            }
            return "…"
        }()
        report(.unknownOption, at.range, CheckerMessages.unknownOption(value, question),
              fixIt: nearest.map { FixIt(CheckerMessages.didYouMean("\"\($0)\""), replacement: "\"\($0)\"", range: at.range) })
    }
}
