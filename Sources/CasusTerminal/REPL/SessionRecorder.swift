import CasusCore

/// Where the REPL hands every event before it shows the next prompt. The durable
/// implementation (journal + fsync + sheets) is `SessionFiles` in CasusSession; tests use
/// `MemoryRecorder`.
public protocol SessionRecorder: AnyObject {
    /// Stores `event` durably; returns only when it is safe on disk. The REPL shows the next
    /// prompt only after this returns, so an acknowledged answer is never lost.
    func record(_ event: SessionEvent, state: SessionState) throws
    /// The group typed `:terug` / `:back`: the session is now `remaining`
    /// (`SessionEvent.undo` of what was recorded). Store it durably before returning.
    func recordUndo(remaining: [SessionEvent], state: SessionState) throws
    /// Called once when the scenario is finished or the group leaves; renders final sheets.
    func close(state: SessionState, finished: Bool) throws
    /// Where the group's sheet (Markdown) is written, shown at the end.
    var sheetLocation: String? { get }
    /// Where the printable sheet (HTML) is written, shown at the end next to the Markdown.
    var printableSheetLocation: String? { get }
}

extension SessionRecorder {
    public var printableSheetLocation: String? { nil }
}

/// Keeps events in memory only: for tests and `casus test`.
public final class MemoryRecorder: SessionRecorder {
    public private(set) var events: [SessionEvent] = []
    public private(set) var closed = false
    public private(set) var closedFinished = false

    public init(events: [SessionEvent] = []) {
        self.events = events
    }

    public func record(_ event: SessionEvent, state: SessionState) throws {
        events.append(event)
    }

    public func recordUndo(remaining: [SessionEvent], state: SessionState) throws {
        events = remaining
    }

    public func close(state: SessionState, finished: Bool) throws {
        closed = true
        closedFinished = finished
    }

    public var sheetLocation: String? { nil }
}
