/// The plenary overview of several groups' sheets: per scenario every question with every
/// group's answer side by side, the solutions and votes, where groups agree; and, for
/// Opdracht 2, a draft step plan / anti-bullying protocol ordered by the six topics.
///
/// Pure: built from the groups' `SheetDocument`s; the renderers only read it.
public struct Report: Hashable, Sendable {
    /// One group's answer to one question (or one loop iteration of it).
    public struct Entry: Hashable, Sendable {
        public var group: String
        /// The member in a per-member loop or a ballot.
        public var member: String?
        /// The answer as text; nil when skipped.
        public var text: String?
        /// The items of a list answer.
        public var items: [String]?
        public var isLong: Bool
    }

    /// One row: a question, or one role / solution / item of a looped question, with every
    /// group's answers.
    public struct Row: Hashable, Sendable {
        public var questionId: String
        public var prompt: String
        /// "rol: de mentor · oplossing: Gesprek" and the like; nil when not looped.
        public var context: String?
        public var entries: [Entry]
    }

    /// One step (by title) with its rows in play order.
    public struct Step: Hashable, Sendable {
        public var number: Int
        public var title: String
        public var rows: [Row]
    }

    /// One group's solutions, their effect totals, its vote and its chosen solution.
    public struct GroupSolutions: Hashable, Sendable {
        public var group: String
        public var solutions: [String]
        /// Per solution, the sum of effect scores; empty when no effects were rated.
        public var totals: [Int]
        public var tally: [VoteCount]
        public var chosen: String?
        public var decidedByGroup: Bool
    }

    /// One thing several groups agree on.
    public enum Agreement: Hashable, Sendable {
        /// The same chosen solution (case-insensitive).
        case sameChoice(solution: String, groups: [String])
        /// A solution several groups named.
        case sharedSolution(solution: String, groups: [String])
        /// The effect each group expects of its own chosen solution on one role has the same
        /// sign in every group that rated it (at least two).
        case effectSign(role: String, sign: Int, ratings: [(group: String, rating: String)])

        public static func == (a: Agreement, b: Agreement) -> Bool { a.description == b.description }
        public func hash(into h: inout Hasher) { h.combine(description) }
        var description: String {
            switch self {
            case .sameChoice(let s, let g): "choice|\(s)|\(g)"
            case .sharedSolution(let s, let g): "shared|\(s)|\(g)"
            case .effectSign(let r, let s, let g): "effect|\(r)|\(s)|\(g.map { "\($0.group)=\($0.rating)" })"
            }
        }
    }

    /// Everything about one scenario.
    public struct ScenarioPart: Hashable, Sendable {
        public var title: String
        /// The scenario's file name (without folders).
        public var file: String
        public var groups: [String]
        public var steps: [Step]
        public var solutions: [GroupSolutions]
        public var agreements: [Agreement]
    }

    public var language: Language
    public var scenarios: [ScenarioPart]
    /// The draft protocol, when at least one sheet is an Opdracht 2 session.
    public var draft: ProtocolDraft?

    /// Every group named in the report, in input order.
    public var groups: [String] { scenarios.flatMap(\.groups) }

    public init(sheets: [SheetDocument], language: Language) {
        self.language = language
        let named = sheets.enumerated().map { (name: $0.element.groupName($0.offset, language), input: $0.element) }
        // Scenarios in order of first appearance, keyed by title and file name (the same
        // scenario may have been played from different folders).
        var byScenario = FirstSeen<[(name: String, input: SheetDocument)]>()
        for entry in named {
            let key = entry.input.scenario.title + "\u{0}" + Report.fileName(entry.input.scenario.path)
            byScenario.update(key, [], { $0.append(entry) })
        }
        let labels = SheetLabels(language)
        scenarios = byScenario.values.compactMap { Report.part($0, labels) }
        let opdracht2 = named.filter { $0.input.isOpdracht2 }
        draft = opdracht2.isEmpty ? nil : ProtocolDraft(groups: opdracht2)
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Text compared case-insensitively, with runs of white space as one space.
    static func normalized(_ s: String) -> String {
        s.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func part(_ groups: [(name: String, input: SheetDocument)], _ l: SheetLabels) -> ScenarioPart? {
        guard let first = groups.first?.input else { return nil }
        // Rows in play order: steps by number, within a step in order of first appearance.
        var stepTitles: [Int: String] = [:]
        var rows = FirstSeen<(step: Int, row: Row)>()
        for (name, input) in groups {
            let hidden = hiddenIds(input)
            for answer in input.answers where !hidden.contains(answer.id) {
                stepTitles[answer.step] = stepTitles[answer.step] ?? answer.stepTitle
                let context = rowContext(answer, l)
                let entry = Entry(
                    group: name, member: answer.member, text: answer.skipped ? nil : answer.text,
                    items: answer.type == .list ? answer.items : nil, isLong: answer.type == .long)
                rows.update(
                    answer.id + "\u{0}" + normalized(context ?? ""),
                    (answer.step, Row(questionId: answer.id, prompt: sharedPrompt(answer), context: context, entries: [])),
                    { $0.row.entries.append(entry) })
            }
        }
        let steps = stepTitles.sorted { $0.key < $1.key }.map { number, title in
            Step(number: number, title: title, rows: rows.values.filter { $0.step == number }.map(\.row))
        }
        let solutions = groups.compactMap { (name, input) -> GroupSolutions? in
            let matrix = input.effects.first { !$0.solutions.isEmpty }
            let vote = input.votes.last { $0.chosen != nil } ?? input.votes.last
            guard matrix != nil || vote != nil else { return nil }
            return GroupSolutions(
                group: name, solutions: matrix?.solutions ?? vote?.tally.map(\.option) ?? [],
                totals: matrix?.totals ?? [], tally: vote?.tally ?? [], chosen: input.chosen ?? vote?.chosen,
                decidedByGroup: vote?.decidedByGroup ?? false)
        }
        return ScenarioPart(
            title: first.scenario.title, file: fileName(first.scenario.path), groups: groups.map(\.name),
            steps: steps, solutions: solutions, agreements: agreements(groups))
    }

    /// The prompt of a per-member question without the member's name in front ("Anna, hoe
    /// kun je…" → "Hoe kun je…"): the row holds every group's members.
    static func sharedPrompt(_ answer: SheetDocument.Answer) -> String {
        guard let member = answer.member, answer.prompt.hasPrefix(member + ", ") else { return answer.prompt }
        let rest = answer.prompt.dropFirst(member.count + 2)
        return rest.prefix(1).uppercased() + rest.dropFirst()
    }

    /// Answers the solutions section shows instead: effect ratings and ballots.
    private static func hiddenIds(_ input: SheetDocument) -> Set<String> {
        Set(input.effects.map(\.question)).union(input.votes.map { base($0.key) })
            .union(input.answers.filter { $0.type == .effect || $0.type == .vote }.map(\.id))
    }

    /// `gekozen[Anna]` → `gekozen`.
    static func base(_ key: String) -> String {
        key.split(separator: "[", maxSplits: 1).first.map(String.init) ?? key
    }

    /// The loop context that makes a row: role, solution, list item. Members are not part of
    /// it: every group has its own members, so those answers stay under one row per question.
    private static func rowContext(_ a: SheetDocument.Answer, _ l: SheetLabels) -> String? {
        var parts: [String] = []
        if let solution = a.solutionText { parts.append("\(l.solution.lowercased()): \(solution)") }
        if let role = a.roleName { parts.append("\(l.role): \(role)") }
        if let item = a.item { parts.append("\(l.item): \(item)") }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    private static func agreements(_ groups: [(name: String, input: SheetDocument)]) -> [Agreement] {
        guard groups.count > 1 else { return [] }
        var out: [Agreement] = []
        // The same chosen solution.
        var chosen = FirstSeen<(text: String, groups: [String])>()
        for (name, input) in groups {
            guard let c = input.chosen ?? input.votes.last(where: { $0.chosen != nil })?.chosen else { continue }
            chosen.update(normalized(c), (c, []), { $0.groups.append(name) })
        }
        let chosenTogether = chosen.entries.filter { $0.value.groups.count > 1 }
        out += chosenTogether.map { .sameChoice(solution: $0.value.text, groups: $0.value.groups) }
        // Solutions several groups named; one several groups also chose is already said above.
        var named = FirstSeen<(text: String, groups: [String])>()
        for (name, input) in groups {
            for s in input.effects.first(where: { !$0.solutions.isEmpty })?.solutions ?? [] {
                named.update(normalized(s), (s, []), { if !$0.groups.contains(name) { $0.groups.append(name) } })
            }
        }
        let saidAbove = Set(chosenTogether.map(\.key))
        out += named.entries.filter { $0.value.groups.count > 1 && !saidAbove.contains($0.key) }
            .map { .sharedSolution(solution: $0.value.text, groups: $0.value.groups) }
        // Per role: the effect of each group's own chosen solution, when every group that
        // rated it expects the same direction.
        var ratings = FirstSeen<(role: String, list: [(group: String, rating: String, score: Int)])>()
        for (name, input) in groups {
            guard let c = input.chosen, let m = input.effects.first(where: { !$0.solutions.isEmpty }),
                let s = m.solutions.firstIndex(where: { normalized($0) == normalized(c) }), m.cells.indices.contains(s)
            else { continue }
            for (r, cell) in m.cells[s].enumerated() {
                guard let cell, m.roles.indices.contains(r) else { continue }
                let roleName = input.roleName(m.roles[r])
                ratings.update(normalized(roleName), (roleName, []), { $0.list.append((name, cell.rating, cell.score)) })
            }
        }
        for (role, list) in ratings.values {
            let signs = Set(list.map { $0.score.signum() })
            guard list.count > 1, signs.count == 1, let sign = signs.first else { continue }
            out.append(.effectSign(role: role, sign: sign, ratings: list.map { ($0.group, $0.rating) }))
        }
        return out
    }
}
