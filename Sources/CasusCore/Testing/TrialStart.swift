/// `casus play FILE --from STEP`: the author tries a late step without playing up to it. The
/// steps before it are filled in as `casus test` fills them (its test group, its first
/// answer to every question), so play starts at the step with everything it refers to.
public enum TrialStart {
    /// The 0-based index of the step `spec` names: its number (1-based) or its title (any
    /// case; a unique start of a title will do). Otherwise the message to show.
    public static func stepIndex(_ spec: String, in scenario: Scenario) -> Result<Int, UnknownStep> {
        let steps = scenario.steps
        let trimmed = spec.trimmingCharacters(in: " ")
        if let number = Int(trimmed) {
            guard steps.indices.contains(number - 1) else { return .failure(UnknownStep(message: TrialMessages.noSuchNumber(number, steps.count))) }
            return .success(number - 1)
        }
        let lower = trimmed.lowercased()
        if let exact = steps.firstIndex(where: { $0.title.lowercased() == lower }) { return .success(exact) }
        let starts = steps.indices.filter { steps[$0].title.lowercased().hasPrefix(lower) }
        if starts.count == 1, !lower.isEmpty { return .success(starts[0]) }
        return .failure(UnknownStep(message: TrialMessages.noSuchTitle(trimmed, steps.map(\.title))))
    }

    /// `--from` named no step of the scenario.
    public struct UnknownStep: Error, Sendable {
        public var message: LocalizedText
    }

    /// The setup and the answers of every question before step `index`, from `at` on.
    public static func events(_ scenario: Scenario, before index: Int, at start: Timestamp) -> [SessionEvent] {
        let tester = ScenarioTester(scenario: scenario)
        let setup: [SessionEvent] = [.setup(tester.setup, at: start)]
        var asked = Set<AnswerKey>()
        let (_, supplied) = tester.engine.play(from: setup) { prompt in
            // Stop at the step, and at anything the tester's answers would not get past.
            guard prompt.step.index < index, asked.insert(prompt.key).inserted,
                  asked.count <= tester.maxAnswersPerRun else { return nil }
            let lines = tester.answer(prompt, variant: 0, tieBreakVariant: 0)
            guard case .success(let value) = AnswerParser.parse(lines, for: prompt) else { return nil }
            return value
        }
        return setup + supplied
    }

    /// The one line that says what was filled in.
    public static func summary(_ scenario: Scenario, _ events: [SessionEvent], step index: Int, language: Language) -> String {
        let state = Engine(scenario: scenario).replay(events)
        return TrialMessages.filledIn(step: index + 1, answers: state.answers.count, group: state.setup?.group ?? "").text(language)
    }
}

enum TrialMessages {
    static func noSuchNumber(_ number: Int, _ count: Int) -> LocalizedText {
        LocalizedText(
            nl: "Stap \(number) bestaat niet: dit scenario heeft stap 1 tot en met \(count).",
            en: "There is no step \(number): this scenario has steps 1 to \(count).")
    }

    static func noSuchTitle(_ title: String, _ titles: [String]) -> LocalizedText {
        let list = titles.enumerated().map { "\($0.offset + 1) \"\($0.element)\"" }.joined(separator: ", ")
        return LocalizedText(
            nl: "Geen stap heet \"\(title)\". Geef een nummer of een titel: \(list).",
            en: "No step is called \"\(title)\". Give a number or a title: \(list).")
    }

    static func filledIn(step: Int, answers: Int, group: String) -> LocalizedText {
        LocalizedText(
            nl: "Proef vanaf stap \(step): \(answers) antwoorden van \(group) ingevuld zoals casus test.",
            en: "Trial from step \(step): \(answers) answers of \(group) filled in as casus test does.")
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
