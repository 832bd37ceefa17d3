/// What a walk had produced when it entered a step: the output not yet shown, how many
/// steps before it gave transcript entries, and how many votes they gave. An answer to a
/// question of this step cannot change any of that: nothing in a scenario uses an answer
/// before its question is asked (the checker's C120; `casus play` plays only a scenario that
/// checks clean), so the walk after that answer may start at this step instead of the first
/// (`Engine.replay(_:continuing:)`), and an answer late in a session costs what an early one does.
struct StepStart: Sendable {
    var stepIndex: Int
    /// Output since the last answered question, before this step's header.
    var pending: [PlayOutput]
    var transcriptSteps: Int
    var voteCount: Int
}
