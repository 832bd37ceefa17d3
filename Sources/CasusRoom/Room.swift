import CasusRoomWire
import CasusCore
import CasusStore
import Foundation

/// The room: every group that joined, the facilitator's messages and topics, kept in the
/// room's folder. All changes go through this actor, one at a time, and each is durable
/// (fsynced) before the caller gets its answer. Watchers (the overview page's event stream)
/// are told after every change.
public actor Room {
    public nonisolated let identity: RoomIdentity
    /// The language of the facilitator's pages.
    public nonisolated let language: Language
    let folder: RoomFolder
    private let lock: SessionLock
    private let roomJournal: Journal
    private let now: @Sendable () -> Date

    private var groups: [String: RoomGroup] = [:]
    /// Sessions in join order.
    private var order: [String] = []
    private var messages: [RoomWire.Message] = []
    private var topics: [String: ProtocolDraft.Topic] = [:]
    private var watchers: [UUID: AsyncStream<Int>.Continuation] = [:]
    /// How many groups the room held when it opened (for the start message).
    public nonisolated let sessionCountAtOpen: Int
    /// Counts changes; the event stream sends it along so a page can tell it is current.
    public private(set) var revision = 0

    /// Opens (or creates) the room in `directory`: takes its lock, reads its identity, and
    /// replays every group's journal. Throws when another `casus room` holds the folder or a
    /// file cannot be read.
    public init(directory: URL, language: Language, now: @escaping @Sendable () -> Date = Date.init) throws {
        setRestrictiveUmask()
        folder = RoomFolder(url: directory)
        lock = try folder.prepare()
        identity = try folder.identity(now: now())
        roomJournal = try folder.openJournal()
        self.language = language
        self.now = now
        let decoder = JSONDecoder()
        for record in roomJournal.records {
            guard let event = try? decoder.decode(RoomEvent.self, from: record.payload) else { continue }
            switch event {
            case .message(let id, let text, _): messages.append(.init(id: id, text: text))
            case .topic(let session, let topic, _): topics[session] = ProtocolDraft.Topic(rawValue: topic)
            }
        }
        for (session, data) in try folder.sessions() {
            let join = try decoder.decode(StoredJoin.self, from: data)
            let header = try join.header.decode(GroupHeader.self)
            let scenario = try RoomSources.load(scenarioPath: header.scenarioPath, sources: join.sources)
            let journal = try folder.openOrCreateJournal(join)
            let events = try journal.records.map { try decoder.decode(SessionEvent.self, from: $0.payload) }
            let modified = (try? FileManager.default.attributesOfItem(atPath: journal.url.path)[.modificationDate] as? Date) ?? nil
            groups[session] = RoomGroup(join: join, scenario: scenario, journal: journal, events: events, heard: modified ?? now())
            order.append(session)
        }
        sessionCountAtOpen = order.count
    }

    // MARK: The groups' API

    /// `POST /api/join`: a new group, or the same group again (a reconnect).
    public func join(_ request: RoomWire.Join) throws -> RoomWire.Status {
        guard SessionStore.isValidID(request.session) else {
            throw RoomError.malformed("session must be a casus session id (lowercase letters, digits and dashes)")
        }
        let header: GroupHeader
        do {
            header = try request.header.decode(GroupHeader.self)
        } catch {
            throw RoomError.malformed("header must be the journal header object with scenarioPath")
        }
        if let group = groups[request.session] {
            guard group.join.sources == request.sources, group.join.header == request.header else {
                throw RoomError.conflict("session \(request.session) joined before with another scenario")
            }
            group.lastHeard = now()
            return status(group)
        }
        let scenario = try RoomSources.load(scenarioPath: header.scenarioPath, sources: request.sources)
        let join = StoredJoin(session: request.session, header: request.header, sources: request.sources, joined: now().timeIntervalSince1970)
        let journal = try storing { try folder.create(join) }
        let group = RoomGroup(join: join, scenario: scenario, journal: journal, events: [], heard: now())
        if group.topics != nil, topics[request.session] == nil {
            let index = order.filter { groups[$0]?.topics != nil }.count
            try record(.topic(session: request.session, topic: RoomTopics.handOut(index).rawValue, at: now().timeIntervalSince1970))
        }
        groups[request.session] = group
        order.append(request.session)
        changed()
        return status(group)
    }

    /// `POST /api/sessions/<session>/records`: stores the records the room does not have yet.
    /// `end` (the group's last seq) removes what the group undid since the room got it.
    public func append(session: String, _ records: [RoomWire.Record], end: Int? = nil) throws -> RoomWire.Status {
        let group = try existing(session)
        group.lastHeard = now()
        guard records.count <= RoomWire.maxRecordsPerRequest else {
            throw RoomError.malformed("at most \(RoomWire.maxRecordsPerRequest) records per request")
        }
        if let end, end < max(1, records.last?.seq ?? 1) {
            throw RoomError.malformed("end must be at least 1 and at least the last record's seq")
        }
        guard let first = records.first else {
            // Nothing new, only where the group's journal ends: an undo with nothing after it.
            if let end, end < group.next - 1 {
                try storing { try group.truncate(from: end + 1) }
                changed()
            }
            return status(group)
        }
        for (offset, record) in records.enumerated() where record.seq != first.seq + offset {
            throw RoomError.malformed("records must be in order with contiguous seq numbers")
        }
        guard first.seq >= 2 else { throw RoomError.malformed("seq starts at 2 (the header is 1)") }
        let decoder = JSONDecoder()
        func event(_ record: RoomWire.Record) throws -> SessionEvent {
            do {
                return try decoder.decode(SessionEvent.self, from: record.data.data)
            } catch {
                throw RoomError.doesNotFit("record \(record.seq) is not a casus session event")
            }
        }
        var next = group.next
        var incoming = records.filter { $0.seq >= next }
        // A record the room has that differs from the one sent: the group rewrote its journal
        // (undo); its journal is the truth, so the room's copy is replaced from there on.
        var rewriteFrom: Int?
        for record in records where record.seq < next {
            if try event(record) != group.events[record.seq - 2] {
                rewriteFrom = record.seq
                incoming = records.filter { $0.seq >= record.seq }
                next = record.seq
                break
            }
        }
        if let firstNew = incoming.first, firstNew.seq > next {
            throw RoomError.conflict("records missing: the room wants seq \(next) next", status(group))
        }
        let added = try incoming.map(event)
        let before = Set(group.replay(keeping: next - 2, adding: []).orphaned)
        let after = group.replay(keeping: next - 2, adding: added)
        if let bad = after.orphaned.first(where: { !before.contains($0) }) {
            throw RoomError.doesNotFit("answer \(bad.description) does not fit this session's scenario")
        }
        // Records the room has past the group's end (all sent ones were equal): undone there.
        let cut = rewriteFrom ?? end.flatMap { incoming.isEmpty && $0 < group.next - 1 ? $0 + 1 : nil }
        guard cut != nil || !incoming.isEmpty else { return status(group) }
        try storing {
            if let cut { try group.truncate(from: cut) }
            try group.append(incoming.map(\.data.data), events: added, state: after)
        }
        changed()
        return status(group)
    }

    /// `GET /api/sessions/<session>/status`.
    public func status(session: String) throws -> RoomWire.Status {
        let group = try existing(session)
        let before = group.lastHeard
        group.lastHeard = now()
        // Coming back after a silence changes the overview (the mark goes).
        if group.lastHeard.timeIntervalSince(before) > RoomOverview.quietSeconds { changed() }
        return status(group)
    }

    // MARK: The facilitator's actions

    /// "Terug naar de zaal": a message shown at every group's next prompt.
    public func post(message text: String) throws -> RoomWire.Message {
        let clean = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !clean.isEmpty, clean.count <= 500 else { throw RoomError.malformed("a message has 1 to 500 characters") }
        let message = RoomWire.Message(id: (messages.last?.id ?? 0) + 1, text: clean)
        try record(.message(id: message.id, text: message.text, at: now().timeIntervalSince1970))
        changed()
        return message
    }

    /// Gives group `session` another topic; its status carries the new preset.
    public func setTopic(session: String, topic number: Int) throws {
        let group = try existing(session)
        guard group.topics != nil else { throw RoomError.doesNotFit("this group's scenario has no topics") }
        guard let topic = ProtocolDraft.Topic(rawValue: number) else { throw RoomError.malformed("topic is 1 to 6") }
        try record(.topic(session: session, topic: topic.rawValue, at: now().timeIntervalSince1970))
        changed()
    }

    /// What the overview shows, at this moment.
    public func overview() -> RoomOverview {
        RoomOverview(room: self.snapshotGroups(), messages: messages, revision: revision, now: now(), language: language)
    }

    /// A stream that yields the revision after every change, starting with the current one.
    public func watch() -> AsyncStream<Int> {
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = UUID()
        watchers[id] = continuation
        continuation.yield(revision)
        continuation.onTermination = { _ in Task { await self.unwatch(id) } }
        return stream
    }

    /// Tells every watcher again without a change: the quiet marks and "last activity" move
    /// on with the clock.
    public func heartbeat() {
        for continuation in watchers.values { continuation.yield(revision) }
    }

    /// Ends every watcher's stream, so open event streams close and the server can stop.
    public func closeWatchers() {
        for continuation in watchers.values { continuation.finish() }
        watchers.removeAll()
    }

    /// The groups, in join order, with what the pages need.
    func snapshotGroups() -> [RoomOverview.Source] {
        order.compactMap { groups[$0] }.map { group in
            RoomOverview.Source(group: group, topic: topics[group.session])
        }
    }

    /// The group's sheet model, for its sheet and the report.
    func sheetModel(_ session: String) throws -> SheetModel {
        let group = try existing(session)
        return RoomSheets.model(group)
    }

    /// Every group's sheet model, in join order.
    func sheetModels() -> [SheetModel] {
        order.compactMap { groups[$0] }.map(RoomSheets.model)
    }

    /// Session ids in join order.
    public func sessions() -> [String] { order }

    // MARK: Private

    private func unwatch(_ id: UUID) { watchers[id] = nil }

    private func existing(_ session: String) throws -> RoomGroup {
        guard let group = groups[session] else { throw RoomError.notFound("no session \(session) in this room; join first") }
        return group
    }

    private func status(_ group: RoomGroup) -> RoomWire.Status {
        var presets: [RoomWire.Preset] = []
        if let topic = topics[group.session], let preset = group.topics?.preset(topic) { presets.append(preset) }
        return RoomWire.Status(next: group.next, messages: Array(messages.suffix(5)), presets: presets)
    }

    /// Appends to the room's journal (fsynced) and applies the event.
    private func record(_ event: RoomEvent) throws {
        try storing { _ = try roomJournal.append(payload: try RoomFolder.encoder.encode(event)) }
        switch event {
        case .message(let id, let text, _): messages.append(.init(id: id, text: text))
        case .topic(let session, let topic, _): topics[session] = ProtocolDraft.Topic(rawValue: topic)
        }
    }

    /// Runs a write; a failure of the disk becomes a 500 with a plain message.
    private func storing<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as RoomError {
            throw error
        } catch {
            throw RoomError(500, "the room could not store this: \(error)")
        }
    }

    private func changed() {
        revision += 1
        for continuation in watchers.values { continuation.yield(revision) }
    }
}
