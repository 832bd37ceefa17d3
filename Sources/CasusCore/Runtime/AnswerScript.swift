/// A scripted playthrough for `casus play --answers FILE` and `casus test --answers FILE`.
///
/// ```
/// # comments and blank lines are ignored
/// groep: Groep Blauw
/// leden: Anna, Bram, Carla, Daan
/// notulist: Anna
/// wat_gebeurde: Ze werden maandenlang bedreigd.
/// spelers:
///     - het meisje
///     - de pesters
/// pitch:
///     Eerste regel.
///     Tweede regel.
/// effect[1][slachtoffer]: ++ voelt zich gesteund
/// gekozen[Anna]: 1
/// hoe_druk: :overslaan
/// ```
///
/// Values stay raw text: the player feeds them through `AnswerParser` like typed input.
public struct AnswerScript: Sendable {
    /// One `key: value` entry.
    public struct Entry: Hashable, Sendable {
        /// The key as written.
        public var keyText: String
        public var key: AnswerKey
        /// The value lines (list items without their `- `); empty for a skip.
        public var lines: [String]
        /// True for `:overslaan` / `:skip`.
        public var isSkip: Bool
        /// The script's 1-based line number of the key.
        public var line: Int
    }

    /// What the script says for one key.
    public enum Input: Hashable, Sendable {
        case lines([String])
        case skip
    }

    /// The path used in diagnostics.
    public var path: String
    public var group: String?
    public var members: [String]?
    public var jobs: [Job: String] = [:]
    /// Answer entries in script order.
    public var entries: [Entry] = []
    private var index: [AnswerKey: Int] = [:]

    init(path: String) {
        self.path = path
    }

    /// The group setup the script gives, when it names the group and the members.
    public var setup: GroupSetup? {
        guard let group, let members else { return nil }
        return GroupSetup(group: group, members: members, jobs: jobs)
    }

    /// The raw input for `key`, nil when the script does not answer it.
    public func input(for key: AnswerKey) -> Input? {
        var found = index[key]
        if found == nil, Lexicon.isSolutions(key.questionId) {
            found = index[AnswerKey(Lexicon.otherSolutionsName(key.questionId), key.components)]
        }
        guard let found else { return nil }
        let entry = entries[found]
        return entry.isSkip ? .skip : .lines(entry.lines)
    }

    /// The entry for `key`, for pointing at its line.
    public func entry(for key: AnswerKey) -> Entry? { index[key].map { entries[$0] } }

    /// Parses a script's text. Problems are diagnostics naming the script's line.
    public static func parse(_ text: String, path: String) -> (
        script: AnswerScript, diagnostics: [Diagnostic]
    ) {
        var parser = AnswerScriptParser(path: path, lines: RuntimeText.lines(text))
        parser.run()
        return (parser.script, parser.diagnostics)
    }

    mutating func add(_ entry: Entry) -> Int? {
        if let existing = index[entry.key] { return entries[existing].line }
        index[entry.key] = entries.count
        entries.append(entry)
        return nil
    }

    /// Keys the scenario does not have: unknown question ids, the wrong number of `[ ]`
    /// values for the question's loops, unknown role ids or members, non-numbers where a
    /// solution or item number belongs. Each names the script's line.
    public func unknownKeys(in scenario: Scenario) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let solutionsId = scenario.solutionsQuestion?.id.name
        for entry in entries {
            let name = entry.keyText
            let id = Lexicon.isSolutions(entry.key.questionId) ? (solutionsId ?? entry.key.questionId) : entry.key.questionId
            guard let info = scenario.questions[id] else {
                out.append(diagnostic(.scriptUnknownQuestion, entry.line, RuntimeMessages.scriptUnknownQuestion(name)))
                continue
            }
            let kinds = info.loops.map(LoopBinding.Kind.init)
            let isVote = info.question.type == .vote
            let count = entry.key.components.count
            guard count == kinds.count || (isVote && count == kinds.count + 1) else {
                let expected = isVote ? kinds.count + 1 : kinds.count
                out.append(
                    diagnostic(.scriptWrongArity, entry.line, RuntimeMessages.scriptWrongArity(name, expected: expected))
                )
                continue
            }
            var memberComponents: [String] = []
            for (kind, component) in zip(kinds, entry.key.components) {
                switch kind {
                case .role:
                    if scenario.role(component) == nil {
                        out.append(
                            diagnostic(.scriptUnknownRole, entry.line, RuntimeMessages.scriptUnknownRole(name, component))
                        )
                    }
                case .member:
                    memberComponents.append(component)
                case .solution, .item:
                    if (Int(component) ?? 0) < 1 {
                        out.append(
                            diagnostic(.scriptNotANumber, entry.line, RuntimeMessages.scriptNotANumber(name, component)))
                    }
                }
            }
            if isVote && count == kinds.count + 1 { memberComponents.append(entry.key.components[count - 1]) }
            if let members {
                for member in memberComponents where !members.contains(member) {
                    out.append(
                        diagnostic(.scriptUnknownMember, entry.line, RuntimeMessages.scriptUnknownMember(name, member)))
                }
            }
        }
        return out
    }

    func diagnostic(_ code: DiagnosticCode, _ line: Int, _ message: LocalizedText) -> Diagnostic {
        Diagnostic(code, at: SourceRange(file: path, line: line, column: 1, length: 0), message)
    }
}
