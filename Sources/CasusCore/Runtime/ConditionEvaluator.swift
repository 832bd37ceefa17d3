/// Evaluates `als` conditions over the answers so far.
///
/// A skipped (or not yet given) answer is *unknown*. Unknown propagates the three-valued way
/// (`niet unknown` is unknown, `unknown en nee` is false, `unknown of ja` is true) and a
/// condition that ends up unknown counts as **false**: a branch is only taken when the
/// answers say so.
public struct ConditionEvaluator: Sendable {
    let context: RuntimeContext

    init(context: RuntimeContext) {
        self.context = context
    }

    /// An evaluator over these answers.
    public init(
        scenario: Scenario, setup: GroupSetup?, answers: [AnswerKey: AnswerValue],
        skipped: Set<AnswerKey> = []
    ) {
        self.init(
            context: RuntimeContext(scenario: scenario, setup: setup, answers: answers, skipped: skipped))
    }

    /// Whether `expression` holds in `scope`; unknown counts as false.
    public func evaluate(_ expression: Expression, in scope: PlayScope = .top) -> Bool {
        truth(expression, scope) ?? false
    }

    private enum Value {
        case bool(Bool)
        case number(Int)
        case text(String)
    }

    private func truth(_ e: Expression, _ scope: PlayScope) -> Bool? {
        switch e {
        case .not(let inner, _):
            return truth(inner, scope).map { !$0 }
        case .and(let a, let b):
            let x = truth(a, scope)
            let y = truth(b, scope)
            if x == false || y == false { return false }
            if x == true && y == true { return true }
            return nil
        case .or(let a, let b):
            let x = truth(a, scope)
            let y = truth(b, scope)
            if x == true || y == true { return true }
            if x == false && y == false { return false }
            return nil
        case .compare(let a, let op, let b):
            guard let x = value(a, scope), let y = value(b, scope) else { return nil }
            return compare(x, op, y)
        case .name, .number, .string, .boolean, .count:
            switch value(e, scope) {
            case .bool(let b): return b
            case .number(let n): return n != 0
            case .text(let s): return !s.isEmpty
            case nil: return nil
            }
        }
    }

    private func value(_ e: Expression, _ scope: PlayScope) -> Value? {
        switch e {
        case .name(let id):
            let name = id.name
            if let binding = scope.binding(named: name) { return .text(binding.conditionValue) }
            if context.questionId(name) != nil {
                guard case .answered(let answer) = context.lookup(name: name, in: scope) else { return nil }
                return value(of: answer)
            }
            if context.scenario.role(name) != nil { return .text(name) }
            return nil
        case .number(let n, _): return .number(n)
        case .string(let s, _): return .text(s)
        case .boolean(let b, _): return .bool(b)
        case .count(let id, _): return count(id.name, scope).map(Value.number)
        case .not, .and, .or, .compare: return truth(e, scope).map(Value.bool)
        }
    }

    private func value(of answer: AnswerValue) -> Value {
        switch answer {
        case .yesNo(let b): return .bool(b)
        case .scale(let n): return .number(n)
        case .list(let items): return .number(items.count)
        case .text(let s), .longText(let s), .choice(let s), .member(let s), .role(let s): return .text(s)
        case .effect(let rating, _): return .text(rating.rawValue)
        case .vote(let decision): return .text(decision.chosen)
        }
    }

    private func count(_ name: String, _ scope: PlayScope) -> Int? {
        if name == "leden" || name == "members" { return context.members.count }
        guard context.questionId(name) != nil else { return nil }
        switch context.lookup(name: name, in: scope) {
        case .answered(.list(let items)): return items.count
        case .answered, .skipped, .missing: return nil
        }
    }

    private func compare(_ x: Value, _ op: ComparisonOperator, _ y: Value) -> Bool? {
        switch (x, y) {
        case (.number(let a), .number(let b)): return order(a, op, b)
        case (.bool(let a), .bool(let b)): return equality(a == b, op)
        case (.bool(let a), .text(let s)), (.text(let s), .bool(let a)):
            guard let b = Self.yesNo(s) else { return equality(false, op) }
            return equality(a == b, op)
        case (.number(let a), .text(let s)):
            guard let b = Int(RuntimeText.trim(s)) else { return order(String(a), op, RuntimeText.fold(s)) }
            return order(a, op, b)
        case (.text(let s), .number(let b)):
            guard let a = Int(RuntimeText.trim(s)) else { return order(RuntimeText.fold(s), op, String(b)) }
            return order(a, op, b)
        case (.text(let a), .text(let b)): return order(RuntimeText.fold(a), op, RuntimeText.fold(b))
        case (.bool, .number), (.number, .bool): return equality(false, op)
        }
    }

    private func order<T: Comparable>(_ a: T, _ op: ComparisonOperator, _ b: T) -> Bool {
        switch op {
        case .equal: a == b
        case .notEqual: a != b
        case .less: a < b
        case .lessOrEqual: a <= b
        case .greater: a > b
        case .greaterOrEqual: a >= b
        }
    }

    private func equality(_ equal: Bool, _ op: ComparisonOperator) -> Bool? {
        switch op {
        case .equal: equal
        case .notEqual: !equal
        case .less, .lessOrEqual, .greater, .greaterOrEqual: nil
        }
    }

    static func yesNo(_ s: String) -> Bool? {
        switch RuntimeText.fold(s) {
        case "ja", "j", "yes", "y": true
        case "nee", "n", "no": false
        default: nil
        }
    }
}
