/// The answers of one `effect` question as a table: solutions (rows) × roles (columns).
public struct EffectMatrix: Hashable, Sendable {
    /// One cell: the rating and the optional note.
    public struct Cell: Hashable, Sendable {
        public var rating: EffectRating
        public var note: String?

        public init(rating: EffectRating, note: String?) {
            self.rating = rating
            self.note = note
        }
    }

    public var question: Question
    public var solutions: [String]
    public var roles: [RoleDeclaration]
    /// `cells[solution][role]`; nil where not answered (or skipped).
    public var cells: [[Cell?]]

    public init(question: Question, solutions: [String], roles: [RoleDeclaration], cells: [[Cell?]]) {
        self.question = question
        self.solutions = solutions
        self.roles = roles
        self.cells = cells
    }

    /// The sum of the scores per solution (`++` = 2 … `--` = -2), for a quick comparison.
    public var totals: [Int] {
        cells.map { row in row.reduce(0) { $0 + ($1?.rating.score ?? 0) } }
    }

    /// The matrices of every effect question looping over solutions and roles, in play order.
    static func all(context: RuntimeContext) -> [EffectMatrix] {
        let scenario = context.scenario
        let effects = scenario.questions.all
            .filter { $0.question.keyword == .effect }
            .sorted { ($0.stepIndex, $0.question.range.start) < ($1.stepIndex, $1.question.range.start) }
        var out: [EffectMatrix] = []
        for info in effects {
            let kinds = info.loops.map(LoopBinding.Kind.init)
            guard kinds.count == 2, kinds.contains(.solution), kinds.contains(.role) else { continue }
            let solutions = context.solutions(in: .top)
            let cells = solutions.indices.map { s in
                scenario.roles.map { role -> Cell? in
                    let components = kinds.map { $0 == .solution ? String(s + 1) : role.id.name }
                    guard
                        case .effect(let rating, let note)? = context.answers[
                            AnswerKey(info.question.id.name, components)]
                    else { return nil }
                    return Cell(rating: rating, note: note)
                }
            }
            out.append(
                EffectMatrix(
                    question: info.question, solutions: solutions, roles: scenario.roles, cells: cells))
        }
        return out
    }
}
