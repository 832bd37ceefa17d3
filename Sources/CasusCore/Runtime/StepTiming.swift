/// Time spent in one step against its budget.
public struct StepTiming: Hashable, Sendable {
    public var step: StepInfo
    /// Seconds from the step's first prompt (the previous answer) to its last answer; time
    /// before a `resumed` event is not counted.
    public var spentSeconds: Double

    public init(step: StepInfo, spentSeconds: Double) {
        self.step = step
        self.spentSeconds = spentSeconds
    }

    /// The budget in seconds, when the step has one.
    public var budgetSeconds: Double? { step.budgetMinutes.map { Double($0) * 60 } }

    /// True when more time was spent than budgeted.
    public var isOverBudget: Bool { budgetSeconds.map { spentSeconds > $0 } ?? false }

    /// Spent time per step from the events: each answer's time since the previous event is
    /// counted for that answer's step. Linear in the number of events.
    static func compute(scenario: Scenario, events: [SessionEvent]) -> (
        timings: [StepTiming], lastCounted: Timestamp?
    ) {
        var spent = Array(repeating: 0.0, count: scenario.steps.count)
        var previous: Timestamp?
        for event in events {
            switch event {
            case .setup(_, let at), .resumed(let at):
                previous = at
            case .answer(let key, _, let at), .skip(let key, let at):
                if let previous, let step = scenario.questions[key.questionId]?.stepIndex,
                    spent.indices.contains(step)
                {
                    spent[step] += max(0, at - previous)
                }
                previous = at
            case .finished:
                break
            }
        }
        let timings = scenario.steps.indices.map {
            StepTiming(step: Engine.stepInfo(scenario, $0), spentSeconds: spent[$0])
        }
        return (timings, previous)
    }
}
