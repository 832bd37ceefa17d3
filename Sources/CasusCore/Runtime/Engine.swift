/// Plays a scenario: replays a session's events into a `SessionState` that says what comes
/// next. Pure and deterministic: the same scenario and events always give the same state.
public struct Engine: Sendable {
    public let scenario: Scenario

    public init(scenario: Scenario) {
        self.scenario = scenario
    }

    /// The state after `events`. The last setup wins; for a repeated key the last answer or
    /// skip wins. Linear in the number of events plus the played-out scenario.
    public func replay(_ events: [SessionEvent]) -> SessionState {
        var setup: GroupSetup?
        var raw: [AnswerKey: AnswerValue] = [:]
        var rawSkips = Set<AnswerKey>()
        var order: [AnswerKey] = []
        var seen = Set<AnswerKey>()
        var finished = false
        for event in events {
            switch event {
            case .setup(let s, _): setup = s
            case .answer(let key, let value, _):
                raw[key] = value
                rawSkips.remove(key)
                if seen.insert(key).inserted { order.append(key) }
            case .skip(let key, _):
                raw[key] = nil
                rawSkips.insert(key)
                if seen.insert(key).inserted { order.append(key) }
            case .resumed: break
            case .finished: finished = true
            }
        }
        let validator = AnswerValidator(scenario: scenario, setup: setup, raw: raw)
        var answers: [AnswerKey: AnswerValue] = [:]
        var skipped = Set<AnswerKey>()
        var orphaned: [AnswerKey] = []
        for key in order {
            guard validator.keyFits(key) else {
                orphaned.append(key)
                continue
            }
            if let value = raw[key] {
                if validator.valueFits(value, key) { answers[key] = value } else { orphaned.append(key) }
            } else if rawSkips.contains(key) {
                skipped.insert(key)
            }
        }
        let context = RuntimeContext(scenario: scenario, setup: setup, answers: answers, skipped: skipped)
        let (timings, lastCounted) = StepTiming.compute(scenario: scenario, events: events)
        return walk(context, orphaned: orphaned, timings: timings, lastCounted: lastCounted, finished: finished)
    }

    /// The state of `context`: walked up to its next prompt, or waiting for the setup. With
    /// `previous` (the state before an answer to its prompt), the walk starts at the step of
    /// that prompt instead of the first, so an answer late in a session costs what an early one does.
    func walk(
        _ context: RuntimeContext, orphaned: [AnswerKey], timings: [StepTiming], lastCounted: Timestamp?,
        finished: Bool, after previous: SessionState? = nil
    ) -> SessionState {
        guard context.setup != nil else {
            return SessionState(
                context: context, next: .setup, output: [], transcript: [], votes: [], orphaned: orphaned,
                timings: timings, lastCounted: lastCounted, finishedMarker: finished)
        }
        var walker =
            if let previous, let start = previous.promptStepStart {
                PlayWalker(context: context, from: start, after: previous)
            } else {
                PlayWalker(context: context)
            }
        walker.run()
        let next: SessionState.Next = walker.prompt.map { .prompt($0) } ?? .finished
        return SessionState(
            context: context, next: next, output: walker.pending, transcript: walker.transcript,
            votes: walker.votes,
            orphaned: orphaned, timings: timings, lastCounted: lastCounted, finishedMarker: finished,
            promptStepStart: walker.promptStepStart)
    }

    /// Plays on from `events` in one walk: every question without an answer is put to
    /// `supply`, and the value it returns is taken as the answer (nil stops there, as a group
    /// would). Returns the state after the supplied answers and those answers as events, so
    /// a whole automatic run costs two walks instead of one replay per answer.
    public func play(
        from events: [SessionEvent], supply: @escaping (Prompt) -> AnswerValue?
    ) -> (state: SessionState, supplied: [SessionEvent]) {
        let run = play(from: events, tracing: false, supply: supply)
        return (run.state, run.supplied)
    }

    /// `play(from:supply:)`, and with `tracing` what the walk reached (`casus test`'s coverage).
    func play(
        from events: [SessionEvent], tracing: Bool, supply: @escaping (Prompt) -> AnswerValue?
    ) -> (state: SessionState, supplied: [SessionEvent], trace: PlayTrace) {
        let start = replayContext(events)
        guard start.setup != nil else { return (replay(events), [], PlayTrace()) }
        var walker = PlayWalker(context: start)
        walker.supply = supply
        if tracing { walker.trace = PlayTrace() }
        walker.run()
        let last = events.last?.timestamp ?? Timestamp(0)
        let added = walker.supplied.enumerated().map { index, pair in
            SessionEvent.answer(pair.0, pair.1, at: last + Double(index + 1))
        }
        return (replay(events + added), added, walker.trace ?? PlayTrace())
    }

    /// The context (group and valid answers) that `events` give, without walking.
    private func replayContext(_ events: [SessionEvent]) -> RuntimeContext {
        let state = replay(events)
        return RuntimeContext(scenario: scenario, setup: state.setup, answers: state.answers, skipped: state.skipped)
    }

    /// Answers (and skips) in `events` whose key or value no longer fits the scenario, e.g.
    /// after a question was removed, a role renamed or a type changed. In event order.
    public func orphanedAnswers(in events: [SessionEvent]) -> [AnswerKey] {
        replay(events).orphaned
    }

    /// The step at `index` as shown to the group.
    public static func stepInfo(_ scenario: Scenario, _ index: Int) -> StepInfo {
        let step = scenario.steps[index]
        return StepInfo(
            index: index, total: scenario.steps.count, title: step.title, budgetMinutes: step.budgetMinutes)
    }
}
