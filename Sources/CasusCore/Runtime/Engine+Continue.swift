extension Engine {
    /// The state after `events`, given `previous`, the state of all but the last event: the
    /// same as `replay(events)`. When the last event answers or skips the question `previous`
    /// asks, that answer is added to `previous` instead of folding and checking every earlier
    /// event again, and the walk starts at the step of that question (see `StepStart`), so the
    /// REPL's cost per answer does not grow with the session; a `resumed` marker only restarts
    /// the clock. Anything else (setup, finish, an answer that does not fit, a session with
    /// orphaned answers) is replayed in full.
    public func replay(_ events: [SessionEvent], continuing previous: SessionState) -> SessionState {
        // A resume only restarts the step's clock (as in `StepTiming.compute`): the walk is the same.
        if case .resumed(let at)? = events.last, previous.setup != nil {
            return SessionState(
                context: previous.context, next: previous.next, output: previous.output,
                transcript: previous.transcript, votes: previous.votes, orphaned: previous.orphaned,
                timings: previous.timings, lastCounted: at, finishedMarker: previous.hasFinishedMarker,
                promptStepStart: previous.promptStepStart)
        }
        guard let last = events.last, let prompt = previous.prompt, previous.orphaned.isEmpty,
            let setup = previous.setup
        else { return replay(events) }
        var answers = previous.answers
        var skipped = previous.skipped
        let key: AnswerKey
        let at: Timestamp
        switch last {
        case .answer(let answered, let value, let time):
            // With no orphans, the valid answers are all the raw ones the validator counts lists in.
            let validator = AnswerValidator(scenario: scenario, setup: setup, raw: answers)
            guard answered == prompt.key, validator.keyFits(answered), validator.valueFits(value, answered) else {
                return replay(events)
            }
            answers[answered] = value
            (key, at) = (answered, time)
        case .skip(let skippedKey, let time):
            guard skippedKey == prompt.key else { return replay(events) }
            skipped.insert(skippedKey)
            (key, at) = (skippedKey, time)
        case .setup, .resumed, .finished:
            return replay(events)
        }
        // A prompt's key is never answered or skipped yet; should it be, replay decides.
        guard previous.answers[key] == nil, !previous.skipped.contains(key) else { return replay(events) }
        // As `StepTiming.compute`: the time since the last counted event goes to this step.
        var timings = previous.timings
        if let since = previous.lastCounted, let step = scenario.questions[key.questionId]?.stepIndex,
            timings.indices.contains(step)
        {
            timings[step].spentSeconds += max(0, at - since)
        }
        let context = RuntimeContext(scenario: scenario, setup: setup, answers: answers, skipped: skipped)
        return walk(
            context, orphaned: [], timings: timings, lastCounted: at, finished: previous.hasFinishedMarker,
            after: previous)
    }
}
