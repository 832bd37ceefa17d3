import ArgumentParser
import CasusCore
import CasusTerminal
import Foundation

/// `casus play FILE --from STEP`: the steps before STEP filled in as `casus test` fills them,
/// recorded (durably, as typed answers are) in a session marked as a trial.
enum PlayTrial {
    /// The step `spec` names, or a usage error (exit 2) saying which steps there are.
    static func step(_ spec: String, in scenario: Scenario, language: Language) throws -> Int {
        switch TrialStart.stepIndex(spec, in: scenario) {
        case .success(let index): return index
        case .failure(let unknown):
            Output.err(unknown.message.text(language) + "\n")
            throw ExitCode(2)
        }
    }

    /// Records the filled-in events through `recorder` and returns them with the line that
    /// tells the author what was filled in.
    static func fill(
        _ scenario: Scenario, before index: Int, recorder: any SessionRecorder, now: Timestamp, language: Language
    ) throws -> (events: [SessionEvent], line: String) {
        let events = TrialStart.events(scenario, before: index, at: now)
        let engine = Engine(scenario: scenario)
        for count in events.indices {
            try recorder.record(events[count], state: engine.replay(Array(events[...count])))
        }
        return (events, TrialStart.summary(scenario, events, step: index, language: language))
    }
}
