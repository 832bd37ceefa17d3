import CasusCore
import CasusStore
import Foundation

/// One group in the room: what it sent at join, its records (mirroring its own journal)
/// and the state replayed from them with the engine.
final class RoomGroup {
    let join: StoredJoin
    let scenario: Scenario
    let language: Language
    let topics: RoomTopics?
    var journal: Journal
    /// The decoded events, in journal order (`events[i]` is sequence number i + 2).
    private(set) var events: [SessionEvent]
    private(set) var state: SessionState
    /// When the room last heard from the group's laptop (any request).
    var lastHeard: Date
    /// When the group last did something, by its own journal (survives a restart).
    var lastRecord: Date? { events.last.map { Date(timeIntervalSince1970: $0.timestamp.secondsSince1970) } }

    init(join: StoredJoin, scenario: Scenario, journal: Journal, events: [SessionEvent], heard: Date) {
        self.join = join
        self.scenario = scenario
        self.journal = journal
        self.events = events
        let header = try? join.header.decode(GroupHeader.self)
        language = header.flatMap { Language(tag: $0.language ?? "") } ?? scenario.metadata.language
        topics = RoomTopics.find(in: scenario)
        state = Engine(scenario: scenario).replay(events)
        lastHeard = heard
    }

    var session: String { join.session }
    /// The sequence number the room wants next.
    var next: Int { journal.lastSequence + 1 }
    var groupName: String? { state.setup?.group }
    var finished: Bool { state.hasFinishedMarker || state.next == .finished }

    /// Appends `records` (already checked) to the journal with one flush to disk for all of
    /// them; `state` is the replay of the events with `added` (the check made it already).
    func append(_ payloads: [Data], events added: [SessionEvent], state: SessionState) throws {
        guard !payloads.isEmpty else { return }
        try journal.append(payloads: payloads)
        events += added
        self.state = state
    }

    /// The group rewrote its journal (undo) from sequence number `seq` on: the room's copy
    /// is replaced, atomically, by the records before it.
    func truncate(from seq: Int) throws {
        let keep = seq - 2
        let payloads = journal.records.prefix(keep).map(\.payload)
        let header = journal.header
        journal.close()
        journal = try Journal.replace(at: journal.url, header: header, payloads: Array(payloads))
        events = Array(events.prefix(keep))
        state = Engine(scenario: scenario).replay(events)
    }

    /// The events as they would be with `added` after the first `count`; for checking.
    /// Keeping every event and adding none is the state the group is in (no replay).
    func replay(keeping count: Int, adding added: [SessionEvent]) -> SessionState {
        if count == events.count && added.isEmpty { return state }
        return Engine(scenario: scenario).replay(Array(events.prefix(count)) + added)
    }
}

/// The part of the group's journal header the room reads.
struct GroupHeader: Codable {
    var scenarioPath: String
    var scenarioTitle: String?
    var language: String?
    var created: Double?
}
