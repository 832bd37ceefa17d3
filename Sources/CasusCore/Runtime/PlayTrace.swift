/// What one walk of the engine reached: the statements, the branch taken at each `als`, the
/// options chosen. `casus test` records it during the run's own walk instead of walking the
/// scenario a second time.
struct PlayTrace: Sendable {
    /// Conditional range → branch indices taken (`branches.count` = none of the conditions).
    var branches: [SourceRange: Set<Int>] = [:]
    var options: Set<SourceRange> = []
    var statements: Set<SourceRange> = []
    var steps: Set<Int> = []
    /// Ids of (non-vote) questions that got an answer.
    var questionsAsked: Set<String> = []

    mutating func chose(_ value: AnswerValue, of question: Question) {
        if case .choice(let text) = value, let option = question.options.first(where: { $0.text == text }) {
            options.insert(option.range)
        }
    }

    /// Adds what `other` reached.
    mutating func merge(_ other: PlayTrace) {
        branches.merge(other.branches) { $0.union($1) }
        options.formUnion(other.options)
        statements.formUnion(other.statements)
        steps.formUnion(other.steps)
        questionsAsked.formUnion(other.questionsAsked)
    }
}
