import CasusCore
import CasusTerminal

/// What `casus play` asks of session storage. Placeholder: the durable implementation
/// (journal, `--dir`, `--resume`, the lock) replaces this file.
struct PlayStorageOptions {
    var dir: String?
    var resume: Bool
    var language: Language
    /// Asks the group a yes/no question (e.g. "continue the earlier session?").
    var askResume: (String) -> Bool
}

/// Opens the storage for a session of `scenario`: the recorder, the events to continue from,
/// and notices to show first. This stub keeps everything in memory.
func openPlayStorage(scenario: Scenario, options: PlayStorageOptions) throws -> (
    recorder: SessionRecorder, events: [SessionEvent], notices: [String]
) {
    (MemoryRecorder(), [], [])
}
