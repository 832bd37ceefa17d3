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
        guard setup != nil else {
            return SessionState(
                context: context, next: .setup, output: [], transcript: [], votes: [], orphaned: orphaned,
                timings: timings, lastCounted: lastCounted, finishedMarker: finished)
        }
        var walker = Walker(context: context)
        walker.run()
        let next: SessionState.Next = walker.prompt.map { .prompt($0) } ?? .finished
        return SessionState(
            context: context, next: next, output: walker.pending, transcript: walker.transcript,
            votes: walker.votes,
            orphaned: orphaned, timings: timings, lastCounted: lastCounted, finishedMarker: finished)
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
