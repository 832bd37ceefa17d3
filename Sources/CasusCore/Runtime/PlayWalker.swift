/// Walks a scenario's steps in order over the answers so far and stops at the first question
/// without an answer. Each statement instance is visited once and every answer lookup is a
/// dictionary access, so a walk is linear in the size of the played-out scenario.
///
/// It owns its answers: an answer `supply` gives mid-walk goes into its own context, which
/// the conditions and interpolations read from then on.
struct PlayWalker: StatementWalker {
    private(set) var context: RuntimeContext
    var interpolator: Interpolator { Interpolator(context: context) }
    var conditions: ConditionEvaluator { ConditionEvaluator(context: context) }

    /// Output since the last answered question.
    private(set) var pending: [PlayOutput] = []
    private(set) var transcript = Transcript()
    private(set) var votes: [VoteResult] = []
    private(set) var prompt: Prompt?
    /// When set, a question without an answer is put to it; a value it returns is taken as
    /// the answer and the walk goes on (`casus test` plays a whole run in one walk).
    var supply: ((Prompt) -> AnswerValue?)?
    /// The answers `supply` gave, in order.
    private(set) var supplied: [(AnswerKey, AnswerValue)] = []
    /// What the walk reached, when asked for (`casus test`'s coverage).
    var trace: PlayTrace?
    /// Where the step of `prompt` began, so the walk after its answer can start there.
    private(set) var promptStepStart: StepStart?
    private var firstStep = 0
    private var step = StepInfo(index: 0, total: 0, title: "", budgetMinutes: nil)
    private var scope = PlayScope.top

    init(context: RuntimeContext) {
        self.context = context
    }

    /// A walk that starts at `start`'s step with what `previous` (a walk over fewer answers,
    /// none of them in an earlier step) produced before that step.
    init(context: RuntimeContext, from start: StepStart, after previous: SessionState) {
        self.context = context
        firstStep = start.stepIndex
        pending = start.pending
        transcript = previous.transcript.prefix(steps: start.transcriptSteps)
        votes = Array(previous.votes.prefix(start.voteCount))
    }

    mutating func run() {
        let scenario = context.scenario
        for index in scenario.steps.indices[firstStep...] {
            let start = StepStart(
                stepIndex: index, pending: pending, transcriptSteps: transcript.stepCount, voteCount: votes.count)
            step = Engine.stepInfo(scenario, index)
            pending.append(.stepStarted(step))
            trace?.steps.insert(index)
            walk(scenario.steps[index].body)
            if prompt != nil {
                promptStepStart = start
                return
            }
        }
    }

    /// Stops at the first prompt.
    mutating func willVisit(_ statement: Statement) -> Bool {
        if prompt != nil { return true }
        if trace != nil, let range = statement.playedRange { trace?.statements.insert(range) }
        return false
    }

    mutating func visitSay(_ text: Text) {
        pending.append(.say(interpolator.render(text, in: scope)))
    }

    mutating func visitQuestion(_ question: Question) {
        if question.type == .vote { vote(question, scope) } else { ask(question, scope) }
    }

    mutating func visitConditional(_ conditional: Conditional) {
        let conditions = self.conditions
        let index = conditional.branches.firstIndex { conditions.evaluate($0.condition, in: scope) }
        trace?.branches[conditional.range, default: []].insert(index ?? conditional.branches.count)
        if let index {
            walk(conditional.branches[index].body)
        } else if let body = conditional.elseBody {
            walk(body)
        }
    }

    mutating func visitLoop(_ loop: Loop) {
        let outer = scope
        for binding in bindings(loop, outer) {
            scope = outer.adding(binding)
            descend(into: loop)
            if prompt != nil { return }
        }
        scope = outer
    }

    private func key(_ question: Question, _ scope: PlayScope) -> AnswerKey {
        AnswerKey(question.id.name, scope.bindings.map(\.component))
    }

    /// Records an answered question or stops at it.
    private mutating func ask(_ question: Question, _ scope: PlayScope) {
        let key = key(question, scope)
        let options = self.options(question, scope)
        pass(key, question, scope, kind: .question, options: options, speaker: scope.member)
    }

    /// Records an answered question or stops at it; true when stopped.
    @discardableResult
    private mutating func pass(
        _ key: AnswerKey, _ question: Question, _ scope: PlayScope, kind: Prompt.Kind,
        options: [PromptOption], speaker: String?
    ) -> Bool {
        let text = interpolator.render(question.prompt, in: scope)
        switch context.lookup(key) {
        case .answered(let value):
            passed(key, question, text, value, kind)
            return false
        case .skipped:
            passed(key, question, text, nil, kind)
            return false
        case .missing:
            let candidate = Prompt(
                key: key, question: question, kind: kind, text: text, options: options, speaker: speaker,
                step: step)
            if let supply, let value = supply(candidate) {
                context.answers[key] = value
                supplied.append((key, value))
                passed(key, question, text, value, kind)
                return false
            }
            prompt = candidate
            return true
        }
    }

    private mutating func passed(
        _ key: AnswerKey, _ question: Question, _ text: String, _ value: AnswerValue?, _ kind: Prompt.Kind
    ) {
        if trace != nil, let value {
            switch kind {
            case .question:
                trace?.questionsAsked.insert(question.id.name)
                trace?.chose(value, of: question)
            case .ballot: trace?.chose(value, of: question)
            case .tieBreak: break
            }
        }
        pending.removeAll(keepingCapacity: true)
        transcript.append(
            TranscriptEntry(key: key, question: question, stepIndex: step.index, prompt: text, value: value))
    }

    /// Every member votes in order; a clear winner is derived, a tie asks the group.
    private mutating func vote(_ question: Question, _ scope: PlayScope) {
        let key = key(question, scope)
        let options =
            question.options.isEmpty ? context.solutions(in: scope) : question.options.map(\.text)
        // A vote without options (no solutions given) has nothing to ask.
        guard !options.isEmpty else { return }
        let promptOptions = options.map { PromptOption(value: $0, label: $0) }
        var ballots: [VoteResult.Ballot] = []
        for member in context.members {
            let ballotKey = key.appending(member)
            if pass(
                ballotKey, question, scope, kind: .ballot(voter: member), options: promptOptions,
                speaker: member)
            {
                return
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
                return
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
