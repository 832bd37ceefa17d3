/// Everything a presentation sheet shows, built from a replayed session. Pure: the caller
/// passes the times (the core never reads a clock).
///
/// The Markdown, HTML and JSON sheets all render this one model, so they never disagree.
public struct SheetModel: Hashable, Sendable {
    /// One answered (or skipped) question as it appears on the sheet.
    public struct Answer: Hashable, Sendable {
        /// The canonical key, e.g. `effect[2][pesters]`.
        public var key: String
        public var questionId: String
        /// The prompt as it was shown to the group.
        public var prompt: String
        /// The answer as text in the sheet's language; nil when skipped.
        public var text: String?
        public var value: AnswerValue?
        /// 0-based step index.
        public var stepIndex: Int
        /// Loop context: role name, solution text, member name, list item; nil when not looped.
        public var role: String?
        public var solution: String?
        /// The role id and the 1-based solution number behind `role` and `solution`.
        public var roleId: String?
        public var solutionNumber: Int?
        public var member: String?
        public var item: String?
        /// The type of the question.
        public var type: AnswerType
        /// The protocol sections the question is tagged with, by their stored (English) names
        /// (`ProtocolSection.storedName`, or `topic`).
        public var protocolSections: [String] = []
    }

    /// One step with its answers and times.
    public struct Step: Hashable, Sendable {
        public var index: Int
        public var title: String
        public var budgetMinutes: Int?
        public var spentSeconds: Double
        public var answers: [Answer]
    }

    /// One role of the scenario.
    public struct Role: Hashable, Sendable {
        public var id: String
        public var name: String
        public var description: String?
    }

    /// One vote: ballots, tally and the chosen option.
    public struct Vote: Hashable, Sendable {
        public var key: String
        public var prompt: String
        public var tally: [VoteCount]
        public var ballots: [VoteResult.Ballot]
        public var chosen: String?
        public var isTie: Bool
        public var decidedByGroup: Bool
    }

    /// One effect matrix: solutions × roles.
    public struct Effects: Hashable, Sendable {
        public var questionId: String
        public var solutions: [String]
        public var roles: [Role]
        /// `cells[solution][role]`, nil where not answered.
        public var cells: [[EffectMatrix.Cell?]]
        public var totals: [Int]
    }

    /// The speaking-time estimate of one long-text answer with a time limit.
    public struct Speech: Hashable, Sendable {
        public var key: String
        public var prompt: String
        public var words: Int
        public var seconds: Double
        public var limitMinutes: Int
        public var isOverLimit: Bool { seconds > Double(limitMinutes) * 60 }
    }

    public var language: Language
    public var title: String
    public var audience: Audience?
    public var source: String?
    public var author: String?
    public var scenarioPath: String
    public var setup: GroupSetup?
    public var caseText: String?
    public var roles: [Role]
    public var steps: [Step]
    public var effects: [Effects]
    public var votes: [Vote]
    public var speeches: [Speech]
    public var layout: SheetLayout?
    /// The id of the `oplossingen:` question, if any.
    public var solutionsQuestionId: String?
    public var finished: Bool
    /// When the session started and when this sheet was made; only the `times` part of
    /// the JSON sheet and the footers show these.
    public var started: Timestamp?
    public var updated: Timestamp?
    /// The computer's offset from UTC in seconds, passed in by the edge (the core has no
    /// clock or time zone), so the footer shows the time the group saw on the wall.
    public var utcOffsetSeconds: Int

    /// Every answer in play order.
    public var answers: [Answer] { steps.flatMap(\.answers) }

    /// The chosen solution: the winner of the last vote that has one.
    public var chosen: String? { votes.last(where: { $0.chosen != nil })?.chosen }

    /// The concrete plan: the first long text answered after the deciding vote, not a timed
    /// presentation (in the opdracht-1 scenarios `concrete_oplossing`).
    public var plan: Answer? {
        guard let vote = votes.last(where: { $0.chosen != nil }) else { return nil }
        let all = answers
        guard let last = all.lastIndex(where: { $0.key == vote.key || $0.key.hasPrefix(vote.key + "[") }) else { return nil }
        let speechKeys = Set(speeches.map(\.key))
        return all[(last + 1)...].first { answer in
            if case .longText = answer.type, !speechKeys.contains(answer.key) { return true }
            return false
        }
    }

    /// The presentation texts with their speaking-time estimate.
    public var pitches: [(answer: Answer, speech: Speech)] {
        speeches.compactMap { speech in answers.first { $0.key == speech.key }.map { ($0, speech) } }
    }

    /// Keys of the answers the decision at the top of the sheet shows, so the transcript
    /// after it does not repeat them.
    public var decisionKeys: Set<String> {
        var keys = Set(speeches.map(\.key))
        if let plan { keys.insert(plan.key) }
        return keys
    }

    /// The answers the transcript shows: every answer except those of the decision.
    public var transcriptAnswers: [Answer] {
        let shown = decisionKeys
        return answers.filter { !shown.contains($0.key) }
    }

    /// True when the sheet has a decision to put first: a chosen solution, a plan or a pitch.
    public var hasDecision: Bool { chosen != nil || !speeches.isEmpty }

    /// Answers about group pressure: question ids containing `druk` (e.g. `groepsdruk`, `hoe_druk`).
    public var pressureAnswers: [Answer] {
        var found: [Answer] = []
        for step in steps {
            for answer in step.answers where Self.isAboutPressure(answer.questionId) { found.append(answer) }
        }
        return found
    }

    static func isAboutPressure(_ id: String) -> Bool {
        // A plain byte search: this runs for every answer on every sheet rewrite.
        let lower = Array(id.utf8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        return contains(lower, Array("druk".utf8)) || contains(lower, Array("pressure".utf8))
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// The speaking time of the presentation: all estimated long texts together.
    public var speakingSeconds: Double { speeches.map(\.seconds).reduce(0, +) }

    /// Words spoken per minute in the estimate.
    public static let wordsPerMinute = 130.0
    /// The limit when a long text gives none: three minutes.
    public static let defaultLimitMinutes = 3

    /// Builds the model from a replayed session in `language`.
    public init(
        state: SessionState, language: Language, started: Timestamp? = nil, updated: Timestamp? = nil,
        utcOffsetSeconds: Int = 0
    ) {
        let scenario = state.scenario
        let labels = SheetLabels(language)
        self.language = language
        title = scenario.metadata.title
        audience = scenario.metadata.audience
        source = scenario.metadata.source
        author = scenario.metadata.author
        scenarioPath = scenario.path
        setup = state.setup
        layout = scenario.sheet
        solutionsQuestionId = scenario.solutionsQuestion?.id.name
        finished = state.hasFinishedMarker || state.next == .finished
        self.started = started
        self.updated = updated
        self.utcOffsetSeconds = utcOffsetSeconds
        let interpolator = state.interpolator
        caseText = scenario.caseText.map { interpolator.render($0) }
        roles = scenario.roles.map {
            Role(id: $0.id.name, name: $0.name, description: $0.description.map { interpolator.render($0) })
        }
        let solutions: [String] = {
            guard let id = scenario.solutionsQuestion?.id.name, case .list(let items)? = state.value(AnswerKey(id))
            else { return [] }
            return items
        }()

        var byStep = Array(repeating: [Answer](), count: scenario.steps.count)
        var speeches: [Speech] = []
        for entry in state.transcript {
            var answer = Answer(
                key: entry.key.description, questionId: entry.key.questionId, prompt: entry.prompt,
                text: entry.value.map { labels.render($0, scenario: scenario) }, value: entry.value,
                stepIndex: entry.stepIndex, role: nil, solution: nil, roleId: nil, solutionNumber: nil, member: nil, item: nil, type: entry.question.type,
                protocolSections: entry.question.protocolTags.map { ProtocolSection.storedTag($0.name) })
            let loops = scenario.questions[entry.key.questionId]?.loops ?? []
            // The loop values met so far, so an item loop finds its list as the engine did:
            // the list asked in the same role or member as this answer, not another one's.
            var outer = PlayScope.top
            for (loop, component) in zip(loops, entry.key.components) {
                defer {
                    let kind = LoopBinding.Kind(loop)
                    outer = outer.adding(LoopBinding(kind: kind, variable: "", component: component, value: component, conditionValue: component))
                }
                switch loop {
                case .roles:
                    answer.role = scenario.role(component)?.name ?? component
                    answer.roleId = component
                case .members: answer.member = component
                case .solutions:
                    answer.solutionNumber = Int(component)
                    answer.solution = Int(component).flatMap { solutions.indices.contains($0 - 1) ? solutions[$0 - 1] : nil } ?? component
                case .items(_, let list):
                    let listLoops = (scenario.questions[list.name]?.loops ?? []).map(LoopBinding.Kind.init)
                    if let listKey = outer.key(list.name, loops: listLoops), case .list(let items)? = state.value(listKey),
                        let n = Int(component), items.indices.contains(n - 1)
                    {
                        answer.item = items[n - 1]
                    } else {
                        answer.item = component
                    }
                }
            }
            // A ballot carries the voting member as one extra component.
            if entry.question.keyword == .vote, entry.key.components.count > loops.count {
                answer.member = entry.key.components.last
            }
            if case .longText(let max?) = entry.question.type, case .longText(let text)? = entry.value {
                let words = SheetModel.wordCount(text)
                speeches.append(
                    Speech(
                        key: answer.key, prompt: entry.prompt, words: words,
                        seconds: Double(words) / SheetModel.wordsPerMinute * 60, limitMinutes: max))
            }
            if byStep.indices.contains(entry.stepIndex) { byStep[entry.stepIndex].append(answer) }
        }
        self.speeches = speeches
        steps = scenario.steps.indices.map { i in
            let timing = state.timings.indices.contains(i) ? state.timings[i].spentSeconds : 0
            return Step(
                index: i, title: scenario.steps[i].title, budgetMinutes: scenario.steps[i].budgetMinutes,
                spentSeconds: timing, answers: byStep[i])
        }
        let roleList = roles
        effects = state.effectMatrices.map { m in
            Effects(
                questionId: m.question.id.name, solutions: m.solutions,
                roles: m.roles.map { r in roleList.first { $0.id == r.id.name } ?? Role(id: r.id.name, name: r.name) },
                cells: m.cells, totals: m.totals)
        }
        votes = state.votes.map { v in
            let prompt = state.transcript.first { $0.key.dropLast == v.key || $0.key == v.key }?.prompt
                ?? interpolator.render(v.question.prompt)
            return Vote(
                key: v.key.description, prompt: prompt, tally: v.tally, ballots: v.ballots, chosen: v.winner,
                isTie: v.isTie, decidedByGroup: v.decidedByGroup)
        }
    }

    /// Words in `text`: pieces between whitespace that hold a letter or a digit.
    /// Read by Unicode scalar, ASCII ones without a property lookup: a sheet counts every
    /// long answer and a report every session's, and splitting into Characters (grapheme
    /// breaking, a lookup per character) was a visible part of a report.
    public static func wordCount(_ text: String) -> Int {
        var count = 0
        var inCountedWord = false
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar) {
                inCountedWord = false
            } else if !inCountedWord, isLetterOrDigit(scalar) {
                inCountedWord = true
                count += 1
            }
        }
        return count
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || ("\t"..."\r").contains(scalar) : scalar.properties.isWhitespace
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("0"..."9").contains(scalar) || ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}

extension SheetModel.Role {
    init(id: String, name: String) {
        self.init(id: id, name: name, description: nil)
    }
}
