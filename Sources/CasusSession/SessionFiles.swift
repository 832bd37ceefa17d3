import CasusCore
import CasusStore
import CasusTerminal
import Foundation

/// The durable recorder: every event goes to the session's journal (one fsynced line)
/// before `record` returns; then the sheets and `meta.json` are replaced atomically.
///
/// `prepare` creates the session folder, takes its lock and makes the journal header durable
/// before the first question, so that a full disk or a read-only store stops play before the
/// group types anything. The folder is renamed after the group when the first event is the
/// setup, and removed again when the group leaves before any event: starting and leaving at
/// once leaves nothing behind. The lock is held from `prepare` (or from opening, on resume)
/// until `close` or deinit.
///
/// Durability comes from the journal: `record` returns once the event is fsynced. The sheets
/// are derived from the journal: a background writer rewrites them when a step is done (the
/// next answer is in another step), after an undo, a resume or the setup, and `close` writes
/// them a last time. After any other answer only `meta.json` is rewritten (what `casus
/// sessions` and resume show), so an answer costs the same late in a long session as early.
public final class SessionFiles: SessionRecorder, @unchecked Sendable {
    public let store: SessionStore
    public let scenario: Scenario
    public let scenarioPath: String
    public let language: Language
    public let now: () -> Date
    /// A trial (`--from`): said in the journal header and in `meta.json`. Set before `prepare`.
    public var trial = false

    public private(set) var folder: SessionFolder?
    private var journal: Journal?
    private var lock: SessionLock?
    public private(set) var events: [SessionEvent]
    public private(set) var started: Date
    private var closed = false
    /// Whether this process created the folder (and so may remove it again, empty).
    private var createdHere = false
    /// The bytes last written per file, to skip rewriting unchanged sheets (writer queue only).
    private var written: [String: Data] = [:]
    /// Sheet writes run here, one at a time; `pending` holds the newest state not yet written.
    private let sheetQueue = DispatchQueue(label: "casus.sheets")
    private let pendingLock = NSLock()
    private var pending: SheetJob?
    /// The step the sheets were last scheduled in (nil: before the first step).
    private var sheetsStep: Int?
    private var sheetError: Error?

    /// A new session; nothing is written until `prepare` or the first event.
    public init(store: SessionStore, scenario: Scenario, scenarioPath: String, language: Language, now: @escaping () -> Date = Date.init) {
        self.store = store
        self.scenario = scenario
        self.scenarioPath = scenarioPath
        self.language = language
        self.now = now
        events = []
        started = now()
    }

    /// Continues the session in `folder`: takes its lock, opens (and if needed repairs) its
    /// journal and decodes every event. Notices tell what had to be repaired.
    public init(
        resuming folder: SessionFolder, store: SessionStore, scenario: Scenario, scenarioPath: String,
        language: Language, now: @escaping () -> Date = Date.init
    ) throws {
        self.store = store
        self.scenario = scenario
        self.scenarioPath = scenarioPath
        self.language = language
        self.now = now
        let lock = try SessionFiles.takeLock(folder, language)
        SessionFiles.removeLeftoverTemps(folder)
        let journal: Journal
        do {
            journal = try folder.openJournal()
        } catch let error as StoreError {
            throw SessionFiles.failure(error, folder: folder, language: language)
        }
        let events = try SessionFiles.decode(journal.records, of: journal.url, language: language)
        let header = try? JSONDecoder().decode(SessionHeader.self, from: journal.header)
        trial = header?.trial == true
        self.folder = folder
        self.journal = journal
        self.lock = lock
        self.events = events
        started = header.map { Date(timeIntervalSince1970: $0.created) }
            ?? events.first.map { Date(timeIntervalSince1970: $0.timestamp.secondsSince1970) } ?? now()
        if case .truncatedTail(_, let saved) = journal.recovery {
            notices.append(
                LocalizedText(
                    nl: "Het laatste antwoord in het logboek was half geschreven (afgebroken); het is eraf gehaald en apart bewaard in \(saved.path).",
                    en: "The last answer in the journal was only half written (cut off); it was removed and kept aside in \(saved.path)."
                ).text(language))
        }
    }

    /// The events of a journal's records; a record that does not decode is damage.
    static func decode(_ records: [JournalRecord], of url: URL, language: Language) throws -> [SessionEvent] {
        var events: [SessionEvent] = []
        events.reserveCapacity(records.count)
        let decoder = JSONDecoder()
        for record in records {
            do {
                events.append(try decoder.decode(SessionEvent.self, from: record.payload))
            } catch {
                throw CasusFailure(
                    LocalizedText(
                        nl: "Het logboek \(url.path) heeft op regel \(record.seq) een antwoord dat casus niet kan lezen; er is niets veranderd.",
                        en: "The journal \(url.path) has an answer on line \(record.seq) that casus cannot read; nothing was changed."
                    ).text(language), damaged: true)
            }
        }
        return events
    }

    /// A session as a reader sees it (`casus report`): the header and every durable event,
    /// read without the lock, repairs or clean-up, so none of the session's files changes. A
    /// half-written last line is left out and said in `notices`. Store errors are thrown as
    /// they are (`.sessionInUse` while the session is played).
    public static func read(_ folder: SessionFolder, language: Language) throws
        -> (header: SessionHeader?, events: [SessionEvent], notices: [String])
    {
        let journal = try folder.readJournal()
        let events = try decode(journal.records, of: folder.journalURL, language: language)
        let header = try? JSONDecoder().decode(SessionHeader.self, from: journal.header)
        var notices: [String] = []
        if journal.tornTail {
            notices.append(
                LocalizedText(
                    nl: "Het laatste antwoord in het logboek van \(folder.id) is half geschreven (afgebroken) en telt niet mee; casus play --resume haalt het eraf en bewaart het apart.",
                    en: "The last answer in the journal of \(folder.id) is only half written (cut off) and is left out; casus play --resume removes it and keeps it aside."
                ).text(language))
        }
        return (header, events, notices)
    }

    /// What opening had to say (repairs).
    public private(set) var notices: [String] = []

    deinit {
        lock?.unlock()
    }

    public var sheetLocation: String? { folder?.sheetURL(.markdown).path }

    /// The journal as it is on disk now: the session's id, the header object and every
    /// record. `casus play --room` sends the room what is here, so only what is durable.
    public var durableJournal: (id: String, header: Data, records: [JournalRecord])? {
        guard let folder, let journal else { return nil }
        return (folder.id, journal.header, journal.records)
    }
    public var printableSheetLocation: String? { folder?.sheetURL(.html).path }

    // MARK: SessionRecorder

    public func record(_ event: SessionEvent, state: SessionState) throws {
        try append(event)
        switch event {
        case .answer, .skip:
            // Within a step only the metadata changes what a person sees outside the sheet.
            let step = state.currentStep?.index
            scheduleSheets(state, sheets: step != sheetsStep)
        case .setup, .resumed, .finished:
            scheduleSheets(state)
        }
    }

    /// Undo: the journal is replaced, atomically, by one holding only `remaining`.
    public func recordUndo(remaining: [SessionEvent], state: SessionState) throws {
        guard !closed else {
            throw CasusFailure(LocalizedText(nl: "De sessie is al gesloten.", en: "The session is already closed.").text(language))
        }
        guard let folder, let old = journal else {
            events = remaining
            return
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let payloads = try remaining.map { try encoder.encode($0) }
        old.close()
        journal = nil
        journal = try localized { try Journal.replace(at: folder.journalURL, header: old.header, payloads: payloads) }
        events = remaining
        scheduleSheets(state)
    }

    public func close(state: SessionState, finished: Bool) throws {
        guard !closed else { return }
        defer {
            closed = true
            journal?.close()
            lock?.unlock()
        }
        guard let folder else { return }
        if createdHere, events.isEmpty, let lock {
            // The group left before anything was recorded: leave nothing behind.
            journal?.close()
            try? store.delete(folder, holding: lock)
            self.folder = nil
            return
        }
        if finished, !events.contains(where: { if case .finished = $0 { true } else { false } }) {
            try append(.finished(at: Timestamp(now().timeIntervalSince1970)))
        }
        // The final sheets supersede anything still queued.
        dropQueuedSheets()
        try localized {
            if let sheetError { throw sheetError }
            try writeSheets()
        }
        // After meta.json says so: a crash in between only costs one more read at the next start.
        if events.contains(where: { if case .finished = $0 { true } else { false } }) {
            try? store.markFinished(folder.id)
        }
    }

    /// Runs `body`, turning a store error into a sentence in the session's language (the
    /// REPL puts "Opslaan is mislukt:" in front).
    private func localized<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw CasusFailure(StoreMessages.describe(error, folder: folder).text(language), store: error)
        }
    }

    /// Queues a rewrite of `meta.json` and, when `sheets`, the three sheets for `state`; a
    /// newer state replaces one still waiting (and keeps its sheets due).
    func scheduleSheets(_ state: SessionState, sheets: Bool = true) {
        guard folder != nil else { return }
        if sheets { sheetsStep = state.currentStep?.index }
        pendingLock.lock()
        let idle = pending == nil
        let sheets = sheets || pending?.events != nil
        // Only sheets need the events. A rewrite of meta.json alone takes the last one's
        // time, so the writer holds no reference to `events` while the next answer is
        // appended (which would copy every event).
        pending = SheetJob(state: state, events: sheets ? events : nil, updated: events.last?.timestamp)
        pendingLock.unlock()
        guard idle else { return }
        sheetQueue.async { [self] in
            pendingLock.lock()
            let job = pending
            pending = nil
            pendingLock.unlock()
            guard let job else { return }
            do {
                try writeSheets(job)
            } catch {
                pendingLock.lock()
                sheetError = error
                pendingLock.unlock()
            }
        }
    }

    /// Waits until the rewrites queued so far are on disk.
    func waitForSheets() {
        sheetQueue.sync {}
    }

    /// Forgets a rewrite that has not started and waits for the one in progress.
    private func dropQueuedSheets() {
        pendingLock.lock()
        pending = nil
        pendingLock.unlock()
        sheetQueue.sync {}
    }

    // MARK: Writing

    /// Appends `event` to the journal and returns once it is on disk.
    public func append(_ event: SessionEvent) throws {
        guard !closed else {
            throw CasusFailure(LocalizedText(nl: "De sessie is al gesloten.", en: "The session is already closed.").text(language))
        }
        var group: String?
        if events.isEmpty, case .setup(let setup, _) = event { group = setup.group }
        do {
            if journal == nil {
                try createFolder(group: group)
            } else if let group, createdHere {
                try nameAfterGroup(group)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            try journal!.append(payload: try encoder.encode(event))
        } catch let error as StoreError {
            throw CasusFailure(StoreMessages.describe(error, folder: folder).text(language), store: error)
        }
        events.append(event)
    }

    /// Creates the session folder, takes its lock and writes the journal header, durably,
    /// so that a store that cannot be written stops play before the first question.
    public func prepare() throws {
        guard journal == nil, !closed else { return }
        do {
            try createFolder(group: nil)
        } catch {
            // Nothing of the group is in it: take back what was made.
            journal?.close()
            journal = nil
            if let folder, let lock {
                try? store.delete(folder, holding: lock)
            } else if let folder {
                rmdir(folder.url.path)
            }
            folder = nil
            lock = nil
            throw error
        }
    }

    /// The folder name used until the group has a name.
    private static let unnamed = "sessie"

    private func createFolder(group: String?) throws {
        let folder = try store.create(group: group ?? Self.unnamed, date: started)
        // From here on the folder is ours to remove again, even if a later step fails.
        self.folder = folder
        createdHere = true
        let lock = try folder.lock()
        self.lock = lock
        let header = SessionHeader(
            scenarioPath: scenarioPath, scenarioTitle: scenario.metadata.title, language: language.rawValue,
            created: started.timeIntervalSince1970, trial: trial ? true : nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        journal = try folder.createJournal(header: try encoder.encode(header))
    }

    /// Renames the folder made by `prepare` after the group, so `casus sessions` and the
    /// folder itself say whose it is. The lock and journal stay open across the rename.
    private func nameAfterGroup(_ group: String) throws {
        guard let folder, let old = journal else { return }
        let renamed = try store.rename(folder, group: group, date: started)
        self.folder = renamed
        old.close()
        journal = nil
        journal = try renamed.openJournal()
    }

    /// The current state of the journal's events.
    public var state: SessionState { Engine(scenario: scenario).replay(events) }

    /// Replaces the three sheets and `meta.json` from the journal's current events.
    public func writeSheets() throws {
        let events = self.events
        let state = self.state
        try sheetQueue.sync { try writeSheets(SheetJob(state: state, events: events, updated: events.last?.timestamp)) }
    }

    /// A rewrite for the writer: the sheets when `events` is given, and `meta.json`.
    private struct SheetJob {
        var state: SessionState
        var events: [SessionEvent]?
        /// When the last event happened (nil before any).
        var updated: Timestamp?
    }

    /// Replaces `meta.json` and, when `sheets`, the three sheets; files whose bytes did not
    /// change are skipped.
    private func writeSheets(_ job: SheetJob) throws {
        guard let folder else { return }
        let state = job.state
        var files: [(data: Data, url: URL)] = []
        if let events = job.events {
            let model = SheetModel(stored: state, language: language, started: started, events: events)
            files = [
                (Data(MarkdownSheet.render(model).utf8), folder.sheetURL(.markdown)),
                (Data(HTMLSheet.render(model).utf8), folder.sheetURL(.html)),
                (try SheetJSON.encode(SheetDocument(model)), folder.sheetURL(.json)),
            ]
        }
        let meta = SessionMeta(
            id: folder.id, group: state.setup?.group, scenarioPath: scenarioPath,
            scenarioTitle: scenario.metadata.title, language: language.rawValue, started: started,
            updated: job.updated.map { Date(timeIntervalSince1970: $0.secondsSince1970) } ?? started,
            answers: state.answers.count, finished: state.hasFinishedMarker,
            step: state.currentStep.map { $0.index + 1 }, stepTitle: state.currentStep?.title,
            trial: trial ? true : nil)
        files.append((try SessionFolder.metaEncoder().encode(meta), folder.metaURL))
        // Unchanged files are not rewritten; the rest share one folder flush.
        files.removeAll { written[$0.url.path] == $0.data }
        try DurableFile.writeAtomically(files)
        for file in files { written[file.url.path] = file.data }
    }

    // MARK: Helpers

    public static func takeLock(_ folder: SessionFolder, _ language: Language) throws -> SessionLock {
        do {
            return try folder.lock()
        } catch let error as StoreError {
            throw failure(error, folder: folder, language: language)
        }
    }

    /// A store error as a plain sentence in `language`; see `StoreMessages`.
    public static func failure(_ error: StoreError, folder: SessionFolder?, language: Language) -> CasusFailure {
        CasusFailure(
            StoreMessages.describe(error, folder: folder).text(language), store: error,
            damaged: StoreMessages.isDamage(error, journal: folder?.journalURL))
    }

    /// Removes the temp files of atomic writes a crash interrupted (`.sheet.md.tmp-…`). They
    /// hold answers, so they must not linger. Call with the lock held.
    public static func removeLeftoverTemps(_ folder: SessionFolder) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.url.path) else { return }
        for name in names where name.hasPrefix(".") && name.contains(".tmp-") {
            unlink(folder.url.path + "/" + name)
        }
    }

    /// Reads the header of a session's journal without opening (or repairing) it.
    public static func readHeader(_ folder: SessionFolder) -> SessionHeader? {
        guard let start = try? folder.readJournalStart() else { return nil }
        // The first line is `{"seq":1,"format":1,"data":{header},"crc":…}`.
        struct FirstLine: Decodable { var data: SessionHeader }
        let bytes = Data(start)
        guard let newline = bytes.firstIndex(of: 0x0A) else { return nil }
        return try? JSONDecoder().decode(FirstLine.self, from: bytes[..<newline]).data
    }

    /// The metadata of a listed session: `meta.json`, or what the journal header says.
    public static func meta(_ summary: SessionStore.Summary) -> SessionMeta? {
        if let data = summary.meta, let meta = try? SessionFolder.metaDecoder().decode(SessionMeta.self, from: data) {
            return meta
        }
        guard let header = readHeader(summary.folder) else { return nil }
        let started = Date(timeIntervalSince1970: header.created)
        return SessionMeta(
            id: summary.folder.id, group: nil, scenarioPath: header.scenarioPath, scenarioTitle: header.scenarioTitle,
            language: header.language, started: started, updated: summary.modified, answers: 0, finished: false,
            trial: header.trial)
    }
}
