import CasusCore
import CasusStore
import CasusTerminal
import Foundation

/// How `casus play` wants its session stored.
struct PlayStorageOptions {
    /// `--dir`; nil uses `CASUS_DIR`, then the XDG data folder.
    var dir: String?
    /// `--resume`: continue the newest unfinished session of this scenario without asking.
    var resume: Bool
    /// The language of notices, questions and sheets.
    var language: Language
    /// Asks the group a yes/no question (false on a non-terminal).
    var askResume: (String) -> Bool
    /// Shows notices gathered so far right away, before a question is asked; nil returns
    /// them all with the result instead.
    var showNotice: ((String) -> Void)? = nil
}

/// Opens the durable storage for playing `scenario`: a new session (its folder is created at
/// the first event) or, when the group agrees or `--resume` is given, the newest unfinished
/// session of the same scenario file. Returns the recorder, the events to replay and notices
/// to show (repairs of the journal, which session continues). The REPL records the `resumed`
/// marker and names answers that no longer fit the scenario (`Engine.orphanedAnswers`).
///
/// Throws a `CasusFailure` (exit 1) when the session is in use by another casus or its
/// journal is damaged before its last record.
func openPlayStorage(scenario: Scenario, options: PlayStorageOptions) throws
    -> (recorder: SessionRecorder, events: [SessionEvent], notices: [String])
{
    try openPlayStorage(scenario: scenario, options: options, now: Date.init)
}

func openPlayStorage(scenario: Scenario, options: PlayStorageOptions, now: @escaping () -> Date) throws
    -> (recorder: SessionRecorder, events: [SessionEvent], notices: [String])
{
    setRestrictiveUmask()
    let language = options.language
    let store: SessionStore
    do {
        store = try SessionStore(location: StoreLocation.resolve(explicit: options.dir))
    } catch let error as StoreError {
        throw SessionFiles.failure(error, folder: nil, language: language)
    }
    let path = PlayStorage.absolutePath(scenario.path)
    var notices: [String] = []

    var candidates = try PlayStorage.unfinished(in: store, scenarioPath: path, language: language)
    // Damaged sessions are named (with what to do) and passed over, so the group is never
    // stuck on one; the newest session that can be continued is offered.
    candidates.removeAll { candidate in
        do {
            try candidate.folder.checkJournalStart()
            return false
        } catch let error as StoreError {
            notices.append(StoreMessages.describe(error, folder: candidate.folder).text(language))
            return true
        } catch {
            return true
        }
    }
    if candidates.isEmpty, options.resume {
        notices.append(
            LocalizedText(
                nl: "Er is geen onafgemaakte sessie van dit scenario; er begint een nieuwe.",
                en: "There is no unfinished session of this scenario; a new one starts."
            ).text(language))
    }
    for candidate in candidates {
        let question = PlayStorage.resumeQuestion(candidate, language)
        // What was said about damaged sessions comes before the question, not after it.
        if !options.resume, let show = options.showNotice {
            notices.forEach(show)
            notices.removeAll()
        }
        // Declining the newest session starts a new one; older ones are not asked about.
        guard options.resume || options.askResume(question) else { break }
        let files: SessionFiles
        do {
            files = try SessionFiles(
                resuming: candidate.folder, store: store, scenario: scenario, scenarioPath: path, language: language,
                now: now)
        } catch let failure as CasusFailure where failure.damaged || failure.store.map(PlayStorage.canPassOver) == true {
            // Damaged further on than the quick check sees, or unusable for another reason:
            // say so and go on. One renamed by the casus that started it a moment ago is
            // simply gone. A session in use stays an error: the group may be playing it.
            if failure.damaged || failure.store?.code != ENOENT { notices.append(failure.message) }
            continue
        }
        notices += files.notices
        // The REPL records the `resumed` marker and names orphaned answers itself.
        // Sheets may lag the journal after a crash; the `resumed` event the REPL records
        // next (and `close`) rewrites them, so nothing is rendered here.
        notices.append(
            LocalizedText(
                nl: "Verder met sessie \(candidate.folder.id).", en: "Continuing session \(candidate.folder.id)."
            ).text(language))
        return (files, files.events, notices)
    }
    let files = SessionFiles(store: store, scenario: scenario, scenarioPath: path, language: language, now: now)
    do {
        try files.prepare()
    } catch let error as StoreError {
        // Before the first question, so the group does not type a setup that cannot be saved.
        for notice in notices { Output.err(notice + "\n") }
        throw CasusFailure(StoreMessages.cannotSave(error, folder: files.folder).text(language), store: error)
    }
    return (files, [], notices)
}

enum PlayStorage {
    struct Candidate {
        var folder: SessionFolder
        var meta: SessionMeta
    }

    /// Unfinished sessions of the scenario at `scenarioPath` (absolute), newest first.
    static func unfinished(in store: SessionStore, scenarioPath: String, language: Language = .nl) throws -> [Candidate] {
        let all: [SessionStore.Summary]
        do {
            all = try store.list()
        } catch let error as StoreError {
            throw SessionFiles.failure(error, folder: nil, language: language)
        }
        let real = FileSourceProvider.realPath(scenarioPath)
        // A crash before the first answer leaves a folder without answers; only such folders,
        // certainly casus's own and left alone for a minute, are removed (others are left
        // as they are, and `casus sessions` shows them).
        let abandoned = Set(store.removeAbandoned())
        // A session with nothing recorded yet (another casus that is just starting, or one
        // killed before the setup) has nothing to continue.
        let list = all.filter { !abandoned.contains($0.folder.id) && !($0.meta == nil && $0.folder.journalHoldsOnlyItsHeader) }
        return list.compactMap { summary -> (Candidate, Date)? in
            guard let meta = SessionFiles.meta(summary), !meta.finished,
                meta.scenarioPath == scenarioPath || FileSourceProvider.realPath(meta.scenarioPath) == real
            else { return nil }
            return (Candidate(folder: summary.folder, meta: meta), max(summary.modified, meta.updated))
        }
        .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.folder.id > $1.0.folder.id }
        .map(\.0)
    }

    /// Whether resume may pass over a session that failed to open with `error`.
    static func canPassOver(_ error: StoreError) -> Bool {
        switch error.kind {
        case .sessionInUse, .notPrivate: false
        case .io: ![EROFS, ENOSPC, EDQUOT, EACCES, EPERM, EIO].contains(error.code ?? 0)
        default: true
        }
    }

    static func absolutePath(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: absolute).standardizedFileURL.path
    }

    static func resumeQuestion(_ candidate: Candidate, _ language: Language) -> String {
        let group = candidate.meta.group ?? "?"
        let when = localTime(candidate.meta.started)
        return LocalizedText(
            nl: "Er is een onafgemaakte sessie van groep \(group) (begonnen \(when), \(candidate.meta.answers) antwoorden). Daarmee verder gaan?",
            en: "There is an unfinished session of group \(group) (started \(when), \(candidate.meta.answers) answers). Continue it?"
        ).text(language)
    }

    /// `2026-11-25 14:05` in the local time zone.
    static func localTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
