/// What `casus test` found for one scenario.
public struct ScenarioTestReport: Sendable {
    public var runs = 0
    public var promptsAnswered = 0
    public var branchesCovered = 0
    public var branchesTotal = 0
    public var optionsCovered = 0
    public var optionsTotal = 0
    public var stepsReached = 0
    public var stepsTotal = 0
    public var statementsReached = 0
    public var statementsTotal = 0
    /// True when the work bound (`ScenarioTester.maxWork`, `maxRuns`) stopped the
    /// test before it was done: the coverage figures are then partial, and lines not reached
    /// are not reported.
    public var stoppedEarly = false
    /// Dead ends and unreached steps are errors; untaken branches and unchosen options warnings.
    public var findings: [Diagnostic] = []

    public var hasErrors: Bool { findings.hasErrors }
}

/// What replaying an answer script found.
public struct ScriptReplayReport: Sendable {
    public var reachedEnd = false
    public var promptsAnswered = 0
    /// Script keys (as written) that were never asked.
    public var unusedKeys: [String] = []
    public var findings: [Diagnostic] = []
}

/// Plays a scenario automatically, like ChoiceScript's quicktest: a fixed group of four and
/// generated answers of every type, re-run with different answers until every branch and
/// every choice option has been taken (or the target list is exhausted).
///
/// Runs go through `Engine.replay` and every generated answer through `AnswerParser`, so a
/// prompt the engine cannot get past is found exactly as a group would find it. The number
/// of runs is linear in the number of answer variants (yes/no, options, scale values …),
/// never the number of paths.
public struct ScenarioTester: Sendable {
    public let scenario: Scenario
    let engine: Engine
    let setup: GroupSetup
    /// Quoted texts that conditions compare a text answer with, by question id.
    let textLiterals: [String: [String]]
    /// Answer budget per run; beyond it play counts as not ending.
    let maxAnswersPerRun: Int

    /// The bound on a whole `casus test` of one file, in units of work: every generated
    /// answer counts one, and every run also counts the scenario's lines (it walks them all
    /// at least once). Real scenarios need a few hundred units in a handful of runs; the
    /// bound keeps any file the parser's limits allow (up to 32 MB) in the order of seconds,
    /// and the report says so when it stops a test early.
    public static let maxWork = 100_000
    /// The bound on the number of runs of one test.
    public static let maxRuns = 1_000
    /// Lines (statements) of the scenario, what one run walks at least.
    let statementTotal: Int

    /// The bound this tester works to (`maxWork`, or smaller in tests).
    let workBound: Int

    public init(scenario: Scenario, workBound: Int = ScenarioTester.maxWork) {
        self.scenario = scenario
        self.workBound = workBound
        self.engine = Engine(scenario: scenario)
        self.setup = Self.makeSetup(scenario)
        var literals = LiteralCollector()
        literals.walk(scenario.steps)
        self.textLiterals = literals.literals
        // A guard against runaway expansion, not a size limit: big scenarios get room in
        // proportion to what they say (the checker already caps loop expansion per step).
        self.statementTotal = Self.statementCount(scenario)
        self.maxAnswersPerRun = max(5_000, 50 * statementTotal)
    }

    /// Every statement in every step, nested ones included.
    static func statementCount(_ scenario: Scenario) -> Int {
        var counter = StatementCounter()
        counter.walk(scenario.steps)
        return counter.count
    }

    /// The fixed test group: four members (or as near as `leden` allows), every job handed out.
    static func makeSetup(_ scenario: Scenario) -> GroupSetup {
        let names = ["Anna", "Bram", "Carla", "Daan", "Eva", "Finn", "Gijs", "Hanna"]
        let range = scenario.metadata.members
        let count = min(max(4, range.lowerBound), max(range.upperBound, 1))
        var members = Array(names.prefix(count))
        while members.count < count { members.append("Lid\(members.count + 1)") }
        var jobs: [Job: String] = [:]
        for (i, job) in scenario.metadata.jobs.enumerated() where !members.isEmpty {
            jobs[job] = members[i % members.count]
        }
        return GroupSetup(group: "Testgroep", members: members, jobs: jobs)
    }

    // MARK: - Answer policy

    /// Which variant of an answer each question gets in one run.
    struct Policy {
        var base = 0
        var overrides: [String: Int] = [:]
        var random: SplitMix64?

        mutating func variant(_ id: String) -> Int {
            if let v = overrides[id] { return v }
            if random != nil { return random!.below(1 << 20) }
            return base
        }
    }

    /// How many meaningfully different answers a question has (for coverage targets).
    func variantCount(_ q: Question) -> Int {
        switch q.type {
        case .yesNo: return 2
        case .choice: return max(q.options.count, 1)
        case .scale(let lo, let hi): return min(max(hi - lo + 1, 1), 11)
        case .member: return setup.members.count
        case .role: return max(scenario.roles.count, 1)
        case .list(let lo, let hi):
            let low = max(lo ?? 1, 1)
            let high = max(hi ?? (low + 3), low)
            return min(high - low + 1, 5)
        case .text: return 1 + (textLiterals[q.id.name]?.count ?? 0)
        case .longText, .effect: return 1
        case .vote: return max(q.options.count, 1)
        }
    }

    /// The typed lines for `prompt` in variant `v`.
    func answer(_ prompt: Prompt, variant v: Int, tieBreakVariant: Int) -> [String] {
        let q = prompt.question
        switch prompt.kind {
        case .ballot:
            return [String(v % max(prompt.options.count, 1) + 1)]
        case .tieBreak(let tally):
            // Tied options keep their number from the vote.
            guard !prompt.options.isEmpty else { return ["1"] }
            let option = prompt.options[tieBreakVariant % prompt.options.count]
            return [String((tally.firstIndex { $0.option == option.value } ?? 0) + 1)]
        case .question:
            break
        }
        switch q.type {
        case .text:
            let choices = ["Antwoord"] + (textLiterals[q.id.name] ?? [])
            return [choices[v % choices.count]]
        case .longText:
            return ["Eerste regel van het antwoord.", "Tweede regel."]
        case .list(let lo, let hi):
            let low = max(lo ?? 1, 1)
            let high = max(hi ?? (low + 3), low)
            let span = min(high - low + 1, 5)
            let n = (hi != nil && low > hi!) ? low : low + v % span
            return (1...n).map { "Punt \($0)" }
        case .yesNo:
            return [v % 2 == 0 ? "ja" : "nee"]
        case .choice, .member, .role, .vote:
            return [String(v % max(prompt.options.count, 1) + 1)]
        case .scale(let lo, let hi):
            let span = max(hi - lo + 1, 1)
            return [String(lo + v % span)]
        case .effect:
            let symbols = ["+", "++", "0", "-", "--"]
            return [symbols[v % symbols.count] + (v % 2 == 0 ? "" : " toelichting")]
        }
    }

    // MARK: - One run

    struct RunResult {
        var state: SessionState
        var answered: Int
        var deadEnd: Diagnostic?
        /// `id#variant` for every question answered in the run (variant within its count).
        var variants: Set<String> = []
        /// The run was cut off by the whole test's answer budget (not a finding).
        var cutOff = false
        /// What the run's walk reached.
        var trace = PlayTrace()
    }

    /// One run; `budget` is what is left of the whole test's answer budget.
    func play(_ policy: inout Policy, budget: Int = .max) -> RunResult {
        let events: [SessionEvent] = [.setup(setup, at: Timestamp(0))]
        var answered = 0
        var chosen: [String: Int] = [:]
        var seen = Set<AnswerKey>()
        var deadEnd: Diagnostic?
        var variants = policy
        var used = Set<String>()
        var cutOff = false
        // One walk for the whole run: the engine puts each unanswered question to this
        // closure (every generated answer still goes through `AnswerParser`).
        let (state, _, trace) = engine.play(from: events, tracing: true) { prompt in
            if answered >= budget {
                cutOff = true
                return nil
            }
            if answered >= maxAnswersPerRun {
                deadEnd = Diagnostic(.runNeverEnds, at: prompt.question.range, TesterMessages.tooManySteps(maxAnswersPerRun))
                return nil
            }
            guard seen.insert(prompt.key).inserted else {
                deadEnd = Diagnostic(.noProgress, at: prompt.question.range, TesterMessages.noProgress(prompt.key))
                return nil
            }
            let id = prompt.question.id.name
            // One variant per question id per run, so every loop instance agrees and the
            // vote's ballots name one option (no tie).
            let v = chosen[id] ?? variants.variant(id)
            chosen[id] = v
            used.insert("\(id)#\(v % max(variantCount(prompt.question), 1))")
            let lines = answer(prompt, variant: v, tieBreakVariant: v)
            switch AnswerParser.parse(lines, for: prompt) {
            case .success(let value):
                answered += 1
                return value
            case .failure(let error):
                deadEnd = Diagnostic(
                    .answerRefused, at: prompt.question.range,
                    TesterMessages.refused(prompt.key, lines.joined(separator: " / "), error.message))
                return nil
            }
        }
        policy = variants
        // An answer the engine took during the walk but that does not stick on replay.
        if deadEnd == nil, !cutOff, let prompt = state.prompt {
            deadEnd = Diagnostic(.noProgress, at: prompt.question.range, TesterMessages.noProgress(prompt.key))
        }
        return RunResult(
            state: state, answered: answered, deadEnd: deadEnd, variants: used, cutOff: cutOff, trace: trace)
    }

    // MARK: - Driving coverage

    /// Plays until every branch and option is covered or no target is left; reports problems.
    public func run() -> ScenarioTestReport {
        var coverage = PlayTrace()
        var report = ScenarioTestReport()
        var deadEnds: [SourceRange: Diagnostic] = [:]
        /// The overrides of the first run that reached each question id.
        var reachedWith: [String: [String: Int]] = [:]
        var covered = Set<String>()

        var answerBudget = workBound

        func perform(_ policy: Policy) {
            guard !report.stoppedEarly else { return }
            guard answerBudget > 0, report.runs < Self.maxRuns else {
                report.stoppedEarly = true
                return
            }
            var p = policy
            let result = play(&p, budget: answerBudget)
            answerBudget -= result.answered + statementTotal
            if result.cutOff { report.stoppedEarly = true }
            covered.formUnion(result.variants)
            report.runs += 1
            report.promptsAnswered += result.answered
            if let d = result.deadEnd, deadEnds[d.range] == nil { deadEnds[d.range] = d }
            let before = coverage.questionsAsked
            coverage.merge(result.trace)
            for id in coverage.questionsAsked.subtracting(before) where reachedWith[id] == nil {
                reachedWith[id] = policy.overrides
            }
        }

        perform(Policy())
        // Worklist of (question, variant) targets; a target whose question has not been
        // reached yet goes to the back, until a full pass makes no progress.
        var targets: [(Question, Int)] = []
        let referenced = conditionNames()
        for q in allQuestions() where q.type == .choice || referenced.contains(q.id.name)
            || (q.keyword == .solutions && Lexicon.solutions.contains(where: referenced.contains))
        {
            let n = variantCount(q)
            if n > 1 { for v in 1..<n { targets.append((q, v)) } }
        }
        // Sweeps first: run k gives every question its k-th answer, so one run covers a
        // target in every question at once and the number of runs stays near the largest
        // number of options, not the number of questions.
        let widest = targets.map { variantCount($0.0) }.max() ?? 1
        for base in 1..<max(widest, 1) where !report.stoppedEarly { perform(Policy(base: base)) }
        var done = covered
        var stalled = 0
        while !report.stoppedEarly, !targets.isEmpty, stalled < targets.count {
            let (q, v) = targets.removeFirst()
            let label = "\(q.id.name)#\(v)"
            if done.contains(label) || covered.contains(label) { continue }
            guard let path = reachedWith[q.id.name] ?? (q.keyword == .vote ? [:] : nil) else {
                targets.append((q, v))
                stalled += 1
                continue
            }
            stalled = 0
            done.insert(label)
            var overrides = path
            overrides[q.id.name] = v
            perform(Policy(overrides: overrides))
        }
        // Branches needing a combination of answers: a few seeded random runs, linear in
        // the number of branches still open.
        var rng = SplitMix64(seed: 0xCA5E)
        var budget = 2 * openBranches(coverage)
        while !report.stoppedEarly, budget > 0, openBranches(coverage) > 0 {
            budget -= 1
            perform(Policy(random: SplitMix64(seed: rng.next())))
        }
        finish(&report, coverage, deadEnds: Array(deadEnds.values), strict: true)
        return report
    }

    /// `runs` seeded random playthroughs.
    public func random(runs: Int, seed: UInt64) -> ScenarioTestReport {
        var coverage = PlayTrace()
        var report = ScenarioTestReport()
        var deadEnds: [SourceRange: Diagnostic] = [:]
        var rng = SplitMix64(seed: seed)
        var answerBudget = workBound
        for _ in 0..<max(runs, 0) {
            guard answerBudget > 0, report.runs < Self.maxRuns else {
                report.stoppedEarly = true
                break
            }
            var p = Policy(random: SplitMix64(seed: rng.next()))
            let result = play(&p, budget: answerBudget)
            answerBudget -= result.answered + statementTotal
            report.runs += 1
            report.promptsAnswered += result.answered
            if let d = result.deadEnd, deadEnds[d.range] == nil { deadEnds[d.range] = d }
            coverage.merge(result.trace)
            if result.cutOff {
                report.stoppedEarly = true
                break
            }
        }
        finish(&report, coverage, deadEnds: Array(deadEnds.values), strict: false)
        return report
    }

    // MARK: - Scenario structure

    func allQuestions() -> [Question] { QuestionCollector.questions(in: scenario.steps) }

    func allConditionals() -> [Conditional] { ConditionalCollector.conditionals(in: scenario.steps) }

    /// Every name a condition mentions (answers, counts): only those questions need variants.
    func conditionNames() -> Set<String> {
        var names = Set<String>()
        func expression(_ e: Expression) {
            switch e {
            case .name(let id), .count(let id, _): names.insert(id.name)
            case .not(let a, _): expression(a)
            case .and(let a, let b), .or(let a, let b), .compare(let a, _, let b):
                expression(a)
                expression(b)
            case .number, .string, .boolean: break
            }
        }
        for c in allConditionals() { for b in c.branches { expression(b.condition) } }
        return names
    }

    func openBranches(_ coverage: PlayTrace) -> Int {
        allConditionals().reduce(0) { $0 + ($1.branches.count + 1) - (coverage.branches[$1.range]?.count ?? 0) }
    }

    /// The quoted texts each text answer is compared with, in the order the conditions say them.
    struct LiteralCollector: StatementWalker {
        var literals: [String: [String]] = [:]

        mutating func visitConditional(_ conditional: Conditional) {
            for branch in conditional.branches {
                expression(branch.condition)
                walk(branch.body)
            }
            if let body = conditional.elseBody { walk(body) }
        }

        private mutating func expression(_ e: Expression) {
            switch e {
            case .compare(.name(let id), _, .string(let s, _)), .compare(.string(let s, _), _, .name(let id)):
                if !(literals[id.name] ?? []).contains(s) { literals[id.name, default: []].append(s) }
            case .not(let a, _): expression(a)
            case .and(let a, let b), .or(let a, let b), .compare(let a, _, let b):
                expression(a)
                expression(b)
            case .name, .number, .string, .boolean, .count: break
            }
        }
    }

    /// Counts the lines a run reached and reports those it never reached, except inside a
    /// branch never taken (that branch's warning covers them).
    struct ReachedLines: StatementWalker {
        let coverage: PlayTrace
        let strict: Bool
        var insideUntaken: Bool
        var total = 0
        var reached = 0
        var findings: [Diagnostic] = []

        mutating func willVisit(_ statement: Statement) -> Bool {
            guard let range = statement.playedRange else { return false }
            total += 1
            if coverage.statements.contains(range) {
                reached += 1
            } else if !insideUntaken && strict {
                findings.append(Diagnostic(.lineNeverReached, at: range, TesterMessages.statementNeverReached))
            }
            return false
        }

        mutating func visitConditional(_ conditional: Conditional) {
            let taken = coverage.branches[conditional.range] ?? []
            let outer = insideUntaken
            for (i, branch) in conditional.branches.enumerated() {
                insideUntaken = outer || !taken.contains(i)
                walk(branch.body)
            }
            if let body = conditional.elseBody {
                insideUntaken = outer || !taken.contains(conditional.branches.count)
                walk(body)
            }
            insideUntaken = outer
        }
    }

    // MARK: - Findings

    func finish(_ report: inout ScenarioTestReport, _ coverage: PlayTrace, deadEnds: [Diagnostic], strict: Bool) {
        var findings = deadEnds
        report.stepsTotal = scenario.steps.count
        report.stepsReached = coverage.steps.count
        for (i, step) in scenario.steps.enumerated() where !coverage.steps.contains(i) {
            findings.append(Diagnostic(.stepNeverReached, at: step.range, TesterMessages.stepNeverReached))
        }
        // Statements: those inside a branch never taken are covered by that branch's warning.
        var lines = ReachedLines(coverage: coverage, strict: strict, insideUntaken: false)
        for (i, step) in scenario.steps.enumerated() {
            lines.insideUntaken = !coverage.steps.contains(i)
            lines.walk(step.body)
        }
        findings += lines.findings
        report.statementsTotal = lines.total
        report.statementsReached = lines.reached

        for c in allConditionals() {
            let taken = coverage.branches[c.range] ?? []
            report.branchesTotal += c.branches.count + 1
            report.branchesCovered += taken.count
            // Branches of a conditional that was never reached are part of an unreached line.
            guard coverage.statements.contains(c.range) else { continue }
            for (i, b) in c.branches.enumerated() where !taken.contains(i) {
                findings.append(Diagnostic(.branchNeverTaken, at: b.range, TesterMessages.branchNeverTaken(false)))
            }
            if !taken.contains(c.branches.count) {
                let at = c.elseBody != nil ? (c.branches.last?.range ?? c.range) : c.range
                findings.append(Diagnostic(.otherwiseNeverTaken, at: at, TesterMessages.branchNeverTaken(true)))
            }
        }
        for q in allQuestions() where q.type == .choice {
            for option in q.options {
                report.optionsTotal += 1
                if coverage.options.contains(option.range) {
                    report.optionsCovered += 1
                } else if coverage.statements.contains(q.range) {
                    findings.append(Diagnostic(.optionNeverChosen, at: option.range, TesterMessages.optionNeverChosen(option.text)))
                }
            }
        }
        // A test stopped early has not played everything: only what it found is certain.
        report.findings = (report.stoppedEarly ? deadEnds : findings).sortedForDisplay()
    }

    // MARK: - Scripts

    /// Replays a scripted playthrough through the engine.
    public func replay(script: AnswerScript) -> ScriptReplayReport {
        var report = ScriptReplayReport()
        let group = script.setup ?? setup
        for problem in group.problems(for: scenario) {
            report.findings.append(Diagnostic(
                .scriptDoesNotFit, at: SourceRange(file: script.path, line: 1, column: 1, length: 0),
                TesterMessages.scriptSetup(problem)))
        }
        if report.findings.hasErrors { return report }
        var events: [SessionEvent] = [.setup(group, at: Timestamp(0))]
        var used = Set<AnswerKey>()
        var state = engine.replay(events)
        var lastKey: AnswerKey?
        while let prompt = state.prompt {
            if prompt.key == lastKey || report.promptsAnswered >= maxAnswersPerRun {
                report.findings.append(Diagnostic(.noProgress, at: prompt.question.range, TesterMessages.noProgress(prompt.key)))
                break
            }
            lastKey = prompt.key
            guard let input = script.input(for: prompt.key) else {
                report.findings.append(Diagnostic(.scriptMissingAnswer, at: prompt.question.range, TesterMessages.scriptMissing(prompt.key)))
                break
            }
            used.insert(prompt.key)
            switch input {
            case .skip:
                events.append(.skip(prompt.key, at: Timestamp(Double(events.count))))
            case .lines(let lines):
                switch AnswerParser.parse(lines, for: prompt) {
                case .success(let value):
                    events.append(.answer(prompt.key, value, at: Timestamp(Double(events.count))))
                case .failure(let error):
                    let line = script.entry(for: prompt.key)?.line ?? 1
                    report.findings.append(Diagnostic(
                        .scriptAnswerRefused, at: SourceRange(file: script.path, line: line, column: 1, length: 0),
                        TesterMessages.scriptRefused(prompt.key, error.message)))
                    return report
                }
            }
            report.promptsAnswered += 1
            state = engine.replay(events)
        }
        report.reachedEnd = state.prompt == nil && !report.findings.hasErrors
        for entry in script.entries where !used.contains(entry.key) {
            // `solutions` and `oplossingen` name the same answer.
            let alias = AnswerKey(Lexicon.otherSolutionsName(entry.key.questionId), entry.key.components)
            if used.contains(alias) { continue }
            report.unusedKeys.append(entry.keyText)
            report.findings.append(Diagnostic(
                .scriptKeyUnused, at: SourceRange(file: script.path, line: entry.line, column: 1, length: 0),
                TesterMessages.scriptUnused(entry.keyText)))
        }
        return report
    }
}
