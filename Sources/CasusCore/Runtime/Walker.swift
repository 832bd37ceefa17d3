/// Walks a scenario's steps in order over the answers so far and stops at the first question
/// without an answer. Each statement instance is visited once and every answer lookup is a
/// dictionary access, so a walk is linear in the size of the played-out scenario.
struct Walker {
    let context: RuntimeContext
    let interpolator: Interpolator
    let conditions: ConditionEvaluator

    /// Output since the last answered question.
    private(set) var pending: [PlayOutput] = []
    private(set) var transcript: [TranscriptEntry] = []
    private(set) var votes: [VoteResult] = []
    private(set) var prompt: Prompt?
    /// When set, a question without an answer is put to it; a value it returns is taken as
    /// the answer and the walk goes on (`casus test` plays a whole run in one walk).
    var supply: ((Prompt) -> AnswerValue?)?
    /// The answers `supply` gave, in order.
    private(set) var supplied: [(AnswerKey, AnswerValue)] = []
    private var step = StepInfo(index: 0, total: 0, title: "", budgetMinutes: nil)

    init(context: RuntimeContext) {
        self.context = context
        self.interpolator = Interpolator(context: context)
        self.conditions = ConditionEvaluator(context: context)
    }

    mutating func run() {
        let scenario = context.scenario
        for index in scenario.steps.indices {
            step = Engine.stepInfo(scenario, index)
            pending.append(.stepStarted(step))
            if walk(scenario.steps[index].body, .top) { return }
        }
    }

    /// Walks `statements`; true when it stopped at a prompt.
    private mutating func walk(_ statements: [Statement], _ scope: PlayScope) -> Bool {
        for statement in statements {
            switch statement {
            case .say(let text):
                pending.append(.say(interpolator.render(text, in: scope)))
            case .note:
                break
            case .question(let question):
                if question.type == .vote {
                    if vote(question, scope) { return true }
                } else if ask(question, scope) {
                    return true
                }
            case .conditional(let conditional):
                if let branch = conditional.branches.first(where: {
                    conditions.evaluate($0.condition, in: scope)
                }) {
                    if walk(branch.body, scope) { return true }
                } else if let body = conditional.elseBody {
                    if walk(body, scope) { return true }
                }
            case .loop(let loop):
                for binding in bindings(loop, scope) {
                    if walk(loop.body, scope.adding(binding)) { return true }
                }
            }
        }
        return false
    }

    private func key(_ question: Question, _ scope: PlayScope) -> AnswerKey {
        AnswerKey(question.id.name, scope.bindings.map(\.component))
    }

    /// Records an answered question or stops at it; true when stopped.
    private mutating func ask(_ question: Question, _ scope: PlayScope) -> Bool {
        let key = key(question, scope)
        let options = self.options(question, scope)
        return pass(key, question, scope, kind: .question, options: options, speaker: scope.member)
    }

    private mutating func pass(
        _ key: AnswerKey, _ question: Question, _ scope: PlayScope, kind: Prompt.Kind,
        options: [PromptOption], speaker: String?
    ) -> Bool {
        let text = interpolator.render(question.prompt, in: scope)
        switch context.lookup(key) {
        case .answered(let value):
            passed(key, question, text, value)
            return false
        case .skipped:
            passed(key, question, text, nil)
            return false
        case .missing:
            let candidate = Prompt(
                key: key, question: question, kind: kind, text: text, options: options, speaker: speaker,
                step: step)
            if let supply, let value = supply(candidate) {
                context.book.answers[key] = value
                supplied.append((key, value))
                passed(key, question, text, value)
                return false
            }
            prompt = candidate
            return true
        }
    }

    private mutating func passed(
        _ key: AnswerKey, _ question: Question, _ text: String, _ value: AnswerValue?
    ) {
        pending.removeAll(keepingCapacity: true)
        transcript.append(
            TranscriptEntry(key: key, question: question, stepIndex: step.index, prompt: text, value: value))
    }

    /// Every member votes in order; a clear winner is derived, a tie asks the group.
    private mutating func vote(_ question: Question, _ scope: PlayScope) -> Bool {
        let key = key(question, scope)
        let options =
            question.options.isEmpty ? context.solutions(in: scope) : question.options.map(\.text)
        // A vote without options (no solutions given) has nothing to ask.
        guard !options.isEmpty else { return false }
        let promptOptions = options.map { PromptOption(value: $0, label: $0) }
        var ballots: [VoteResult.Ballot] = []
        for member in context.members {
            let ballotKey = key.appending(member)
            if pass(
                ballotKey, question, scope, kind: .ballot(voter: member), options: promptOptions,
                speaker: member)
            {
                return true
            }
            if case .answered(.choice(let option)) = context.lookup(ballotKey) {
                ballots.append(.init(member: member, option: option))
            } else {
                ballots.append(.init(member: member, option: nil))
            }
        }
        let (tally, leaders) = VoteResult.tally(options: options, ballots: ballots)
        var winner: String?
        var decidedByGroup = false
        if leaders.count == 1 {
            winner = leaders[0]
        } else {
            let tied = leaders.map { PromptOption(value: $0, label: $0) }
            if pass(key, question, scope, kind: .tieBreak(tally: tally), options: tied, speaker: nil) {
                return true
            }
            if case .answered(.vote(let decision)) = context.lookup(key) {
                winner = decision.chosen
                decidedByGroup = true
            }
        }
        votes.append(
            VoteResult(
                key: key, question: question, options: options, ballots: ballots, tally: tally,
                leaders: leaders,
                winner: winner, decidedByGroup: decidedByGroup))
        return false
    }

    private func options(_ question: Question, _ scope: PlayScope) -> [PromptOption] {
        switch question.type {
        case .choice: return question.options.map { PromptOption(value: $0.text, label: $0.text) }
        case .member: return context.members.map { PromptOption(value: $0, label: $0) }
        case .role: return context.scenario.roles.map { PromptOption(value: $0.id.name, label: $0.name) }
        case .vote:
            let texts = question.options.isEmpty ? context.solutions(in: scope) : question.options.map(\.text)
            return texts.map { PromptOption(value: $0, label: $0) }
        case .text, .longText, .list, .yesNo, .scale, .effect: return []
        }
    }

    private func bindings(_ loop: Loop, _ scope: PlayScope) -> [LoopBinding] {
        let variable = loop.variable.name
        switch loop.source {
        case .roles:
            return context.scenario.roles.map {
                LoopBinding(
                    kind: .role, variable: variable, component: $0.id.name, value: $0.name,
                    conditionValue: $0.id.name)
            }
        case .members:
            return context.members.map {
                LoopBinding(kind: .member, variable: variable, component: $0, value: $0, conditionValue: $0)
            }
        case .solutions:
            return context.solutions(in: scope).enumerated().map {
                LoopBinding(
                    kind: .solution, variable: variable, component: String($0 + 1), value: $1,
                    conditionValue: $1)
            }
        case .items(let itemVariable, let list):
            guard case .answered(.list(let items)) = context.lookup(name: list.name, in: scope) else {
                return []
            }
            return items.enumerated().map {
                LoopBinding(
                    kind: .item(list: list.name), variable: itemVariable.name, component: String($0 + 1),
                    value: $1,
                    conditionValue: $1)
            }
        }
    }
}
