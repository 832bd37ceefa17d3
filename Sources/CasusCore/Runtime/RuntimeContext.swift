/// What an answer lookup found.
enum AnswerLookup: Hashable, Sendable {
    case answered(AnswerValue)
    case skipped
    /// Not asked yet, or not reachable from this scope.
    case missing
}

/// The scenario, the group and the answers so far: what interpolation, conditions and the
/// walk consult. Lookups are dictionary based, so each costs O(loop depth).
struct RuntimeContext: Sendable {
    let scenario: Scenario
    let setup: GroupSetup?
    /// The answers so far. A walk that is given answers on its way (`Engine.play(from:supply:)`)
    /// adds them to its own copy, which its conditions and interpolations read.
    var answers: [AnswerKey: AnswerValue]
    var skipped: Set<AnswerKey>
    var loopKinds: [String: [LoopBinding.Kind]] { scenario.loopKinds }
    var solutionsId: String? { scenario.solutionsQuestionID }

    init(scenario: Scenario, setup: GroupSetup?, answers: [AnswerKey: AnswerValue], skipped: Set<AnswerKey>) {
        self.scenario = scenario
        self.setup = setup
        self.answers = answers
        self.skipped = skipped
    }

    var language: Language { scenario.metadata.language }
    var members: [String] { setup?.members ?? [] }

    /// The question id a name refers to (`solutions` and `oplossingen` both reach the solutions).
    func questionId(_ name: String) -> String? {
        if scenario.questions[name] != nil { return name }
        if Lexicon.isSolutions(name) { return solutionsId }
        return nil
    }

    /// The key of question `id` as seen from `scope`: each of its loops takes the innermost
    /// matching binding, so `{beleving}` inside a later role loop finds that role's answer.
    func key(_ id: String, in scope: PlayScope) -> AnswerKey? {
        guard let kinds = loopKinds[id] else { return nil }
        return scope.key(id, loops: kinds)
    }

    func lookup(_ key: AnswerKey) -> AnswerLookup {
        if let value = answers[key] { return .answered(value) }
        if skipped.contains(key) { return .skipped }
        return .missing
    }

    /// The answer that `name` refers to from `scope`.
    func lookup(name: String, in scope: PlayScope) -> AnswerLookup {
        guard let id = questionId(name), let key = key(id, in: scope) else { return .missing }
        return lookup(key)
    }

    /// The solutions as seen from `scope` (empty before they are given).
    func solutions(in scope: PlayScope) -> [String] {
        guard let id = solutionsId, case .answered(.list(let items)) = lookup(name: id, in: scope) else {
            return []
        }
        return items
    }

    /// The member who has `job`.
    func member(with job: Job) -> String? { setup?.jobs[job] }
}
