import CasusCore
import CasusSession

/// Scenarios by path, each loaded once per command: `casus report` replays many sessions of
/// the same scenario, and loading one (reading, including, checking) costs more than a replay.
final class ScenarioCache {
    private var loaded: [String: Scenario?] = [:]

    /// The scenario at `path`, or nil when it cannot be loaded (then, too, only tried once).
    func scenario(_ path: String) -> Scenario? {
        if let known = loaded[path] { return known }
        let scenario = ScenarioLoader.load(path: path, provider: FileSourceProvider()).scenario
        loaded[path] = scenario
        return scenario
    }
}
