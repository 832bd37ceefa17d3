/// Everything known after replaying a session: the answers, what to show, what to ask next,
/// and the derived votes, effect matrices and step times.
public struct SessionState: Sendable {
    /// What the session needs next.
    public enum Next: Hashable, Sendable {
        /// No group yet: ask for the group name, members and jobs.
        case setup
        case prompt(Prompt)
        /// Every step is done.
        case finished
    }

    let context: RuntimeContext

    public let next: Next
    /// Step headers and `zeg:` texts since the last answered question, in order.
    public let output: [PlayOutput]
    /// Every question passed so far in play order, with its answer (nil when skipped).
    public let transcript: Transcript
    /// Every completed vote in play order (winner nil while a tie is undecided).
    public let votes: [VoteResult]
    /// Stored answers that no longer fit the scenario (see `Engine.orphanedAnswers`).
    public let orphaned: [AnswerKey]
    /// Time spent per step, for every step of the scenario.
    public let timings: [StepTiming]
    /// True when the events contain a `finished` marker.
    public let hasFinishedMarker: Bool
    /// The time from which the current step's clock runs (last answer, setup or resume).
    public let lastCounted: Timestamp?
    /// Where the step of the next prompt began in the walk (see `Engine.replay(_:continuing:)`).
    let promptStepStart: StepStart?

    init(
        context: RuntimeContext, next: Next, output: [PlayOutput], transcript: Transcript,
        votes: [VoteResult],
        orphaned: [AnswerKey], timings: [StepTiming], lastCounted: Timestamp?, finishedMarker: Bool,
        promptStepStart: StepStart? = nil
    ) {
        self.context = context
        self.next = next
        self.output = output
        self.transcript = transcript
        self.votes = votes
        self.orphaned = orphaned
        self.timings = timings
        self.lastCounted = lastCounted
        self.hasFinishedMarker = finishedMarker
        self.promptStepStart = promptStepStart
    }

    public var scenario: Scenario { context.scenario }
    public var setup: GroupSetup? { context.setup }
    /// The valid answers by key (orphans excluded).
    public var answers: [AnswerKey: AnswerValue] { context.answers }
    /// The valid skipped keys.
    public var skipped: Set<AnswerKey> { context.skipped }

    /// The next prompt, if any.
    public var prompt: Prompt? {
        if case .prompt(let p) = next { return p }
        return nil
    }

    /// The step of the next prompt; nil at setup or when finished.
    public var currentStep: StepInfo? { prompt?.step }

    /// True when the next prompt is the first of its step (its header is in `output`).
    public var isStepStart: Bool {
        guard let step = currentStep else { return false }
        return output.contains(.stepStarted(step))
    }

    /// Who has the word at the next prompt; nil for the whole group.
    public var speaker: String? { prompt?.speaker }

    /// Fills in `{name}` with these answers.
    public var interpolator: Interpolator { Interpolator(context: context) }

    /// Evaluates conditions over these answers.
    public var conditions: ConditionEvaluator { ConditionEvaluator(context: context) }

    /// The effect matrices (solutions × roles) of every effect question.
    public var effectMatrices: [EffectMatrix] { EffectMatrix.all(context: context) }

    /// The answer stored under `key`, if valid.
    public func value(_ key: AnswerKey) -> AnswerValue? { context.answers[key] }

    /// Seconds spent in the current step so far, at `now`.
    public func elapsedInCurrentStep(now: Timestamp) -> Double? {
        guard let step = currentStep else { return nil }
        let running = lastCounted.map { max(0, now - $0) } ?? 0
        return timings[step.index].spentSeconds + running
    }

    /// Seconds left in the current step's budget at `now` (negative when over); nil without a budget.
    public func remainingInCurrentStep(now: Timestamp) -> Double? {
        guard let budget = currentStep?.budgetMinutes, let elapsed = elapsedInCurrentStep(now: now) else {
            return nil
        }
        return Double(budget) * 60 - elapsed
    }
}
