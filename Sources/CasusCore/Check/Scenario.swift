/// A checked scenario with its includes resolved: what the runtime plays and the sheet shows.
///
/// Only built by `ScenarioLoader` when there are no errors, so the runtime may rely on every
/// name being defined, every answer being asked before it is used, and types matching.
public struct Scenario: Hashable, Sendable {
    /// The main file's path as given.
    public var path: String
    public var metadata: Metadata
    public var caseText: Text?
    public var roles: [RoleDeclaration]
    public var infos: [InfoDeclaration]
    /// Facilitator notes at the top level.
    public var notes: [Text]
    /// All steps in play order, included files spliced in where they were included.
    public var steps: [Step]
    public var sheet: SheetLayout?
    /// Every question, with the step and the loops around it.
    public let questions: QuestionTable

    public init(
        path: String, metadata: Metadata, caseText: Text?, roles: [RoleDeclaration],
        infos: [InfoDeclaration], notes: [Text], steps: [Step], sheet: SheetLayout?,
        questions: QuestionTable
    ) {
        self.path = path
        self.metadata = metadata
        self.caseText = caseText
        self.roles = roles
        self.infos = infos
        self.notes = notes
        self.steps = steps
        self.sheet = sheet
        self.questions = questions
        self.solutionsQuestionID = questions.all.first { $0.question.keyword == .solutions }?.question.id.name
        self.loopKinds = questions.mapValues { $0.loops.map(LoopBinding.Kind.init) }
    }

    /// The id of the `oplossingen` question, found once: the runtime asks for it per answer.
    public let solutionsQuestionID: String?
    /// The kinds of the loops around each question, by question id, found once: every answer
    /// builds a runtime context and checks its key against them.
    let loopKinds: [String: [LoopBinding.Kind]]

    /// The role with this id.
    public func role(_ id: String) -> RoleDeclaration? { roles.first { $0.id.name == id } }

    /// The question that defines the solutions (`oplossingen:`), if the scenario has one.
    public var solutionsQuestion: Question? {
        solutionsQuestionID.flatMap { questions[$0]?.question }
    }
}

/// A question plus its place: which step and which loops surround it (outermost first).
public struct QuestionInfo: Hashable, Sendable {
    public var question: Question
    public var stepIndex: Int
    public var loops: [LoopSource]

    public init(question: Question, stepIndex: Int, loops: [LoopSource]) {
        self.question = question
        self.stepIndex = stepIndex
        self.loops = loops
    }
}

/// The scenario's metadata, with defaults filled in.
public struct Metadata: Hashable, Sendable {
    public var title: String
    public var audience: Audience?
    public var language: Language
    public var durationMinutes: Int?
    public var source: String?
    public var author: String?
    /// How many members a group may have (default 2...6).
    public var members: ClosedRange<Int>
    /// The jobs handed out at the start (default: all three).
    public var jobs: [Job]

    public init(
        title: String, audience: Audience? = nil, language: Language = .nl,
        durationMinutes: Int? = nil, source: String? = nil, author: String? = nil,
        members: ClosedRange<Int> = 2...6, jobs: [Job] = Job.allCases
    ) {
        self.title = title
        self.audience = audience
        self.language = language
        self.durationMinutes = durationMinutes
        self.source = source
        self.author = author
        self.members = members
        self.jobs = jobs
    }
}

/// `doelgroep: vo, havo 4` — the school type and the level.
public struct Audience: Hashable, Sendable, Codable {
    public enum School: String, Hashable, Sendable, Codable {
        /// voortgezet onderwijs (secondary)
        case vo
        /// primair onderwijs (primary)
        case po
    }

    public var school: School
    /// Free text such as `havo 4` or `groep 8`.
    public var level: String?

    public init(school: School, level: String?) {
        self.school = school
        self.level = level
    }
}

/// Group jobs, handed out at the start of a session.
public enum Job: String, Hashable, Sendable, Codable, CaseIterable {
    /// notulist: writes everything down ("Spreek af dat iemand alles noteert").
    case scribe
    /// presentator: gives the presentation of at most three minutes.
    case presenter
    /// tijdbewaker: watches the step budgets.
    case timekeeper

    /// The job's name as written in scenarios and shown to the group.
    public func name(_ language: Language) -> String {
        switch (self, language) {
        case (.scribe, .nl): "notulist"
        case (.scribe, .en): "scribe"
        case (.presenter, .nl): "presentator"
        case (.presenter, .en): "presenter"
        case (.timekeeper, .nl): "tijdbewaker"
        case (.timekeeper, .en): "timekeeper"
        }
    }

    /// The job named `word` in either language.
    public init?(word: String) {
        let lower = word.lowercased()
        guard let job = Job.allCases.first(where: { $0.name(.nl) == lower || $0.name(.en) == lower })
        else { return nil }
        self = job
    }
}
