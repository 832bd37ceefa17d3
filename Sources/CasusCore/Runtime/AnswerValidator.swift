/// Decides which stored answers still fit the scenario: the question exists, the key has its
/// loop arity, its role/member/number components exist, and the value fits the question's
/// type. Answers that do not fit are *orphaned*: kept in the journal, ignored in play.
struct AnswerValidator {
    let scenario: Scenario
    let setup: GroupSetup?
    /// The raw answers, needed to know how many solutions and list items exist.
    let raw: [AnswerKey: AnswerValue]

    init(scenario: Scenario, setup: GroupSetup?, raw: [AnswerKey: AnswerValue]) {
        self.scenario = scenario
        self.setup = setup
        self.raw = raw
    }

    /// True when `key` addresses a question instance the scenario (still) has.
    func keyFits(_ key: AnswerKey) -> Bool {
        guard let info = scenario.questions[key.questionId], let kinds = scenario.loopKinds[key.questionId] else {
            return false
        }
        let isBallot = info.question.type == .vote && key.components.count == kinds.count + 1
        guard key.components.count == kinds.count || isBallot else { return false }
        for (kind, component) in zip(kinds, key.components) {
            switch kind {
            case .role:
                if scenario.role(component) == nil { return false }
            case .member:
                if !(setup?.members.contains(component) ?? false) { return false }
            case .solution:
                guard let n = Int(component), n >= 1 else { return false }
                if let count = listCount(scenario.solutionsQuestion?.id.name), n > count { return false }
            case .item(let list):
                guard let n = Int(component), n >= 1 else { return false }
                if let count = listCount(list), n > count { return false }
            }
        }
        if isBallot, !(setup?.members.contains(key.components.last!) ?? false) { return false }
        return true
    }

    /// The item count of a list question outside loops; nil when unknown (then not checked).
    private func listCount(_ id: String?) -> Int? {
        guard let id, scenario.loopKinds[id]?.isEmpty ?? false else { return nil }
        if case .list(let items)? = raw[AnswerKey(id)] { return items.count }
        return 0
    }

    /// True when `value` is a possible answer to the question of `key`.
    func valueFits(_ value: AnswerValue, _ key: AnswerKey) -> Bool {
        guard let info = scenario.questions[key.questionId] else { return false }
        let question = info.question
        switch (question.type, value) {
        case (.text, .text), (.text, .longText), (.longText, .longText), (.longText, .text): return true
        // A longer list (an edited journal) would expand loops past the checked limits.
        case (.list, .list(let items)): return items.count <= Limits.maxListItems
        case (.yesNo, .yesNo), (.effect, .effect): return true
        case (.choice, .choice(let option)):
            return question.options.contains { RuntimeText.fold($0.text) == RuntimeText.fold(option) }
        case (.scale(let min, let max), .scale(let n)): return (min...max).contains(n)
        case (.member, .member(let name)): return setup?.members.contains(name) ?? false
        case (.role, .role(let id)): return scenario.role(id) != nil
        case (.vote, .choice(let option)):
            let isBallot = key.components.count == info.loops.count + 1
            guard isBallot else { return false }
            // Solutions may be re-numbered by edits; listed options must still exist.
            return question.options.isEmpty
                || question.options.contains { RuntimeText.fold($0.text) == RuntimeText.fold(option) }
        case (.vote, .vote): return key.components.count == info.loops.count
        case (.text, _), (.longText, _), (.list, _), (.yesNo, _), (.choice, _), (.scale, _), (.member, _),
            (.role, _), (.effect, _), (.vote, _):
            return false
        }
    }
}
