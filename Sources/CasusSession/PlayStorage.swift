import CasusCore
import CasusStore
import CasusTerminal
import Foundation

/// Opens the durable storage for playing `scenario`: a new session (its folder is created at
/// the first event) or the unfinished session of the same scenario file that `choose` picks.
/// Returns the recorder, the events to replay, notices to show (repairs of the journal, which
/// session continues) and the language to play in: a resumed session keeps the language it
/// was started in unless `--lang` says otherwise. The REPL records the `resumed` marker and
/// names answers that no longer fit the scenario (`Engine.orphanedAnswers`).
///
/// Throws a `CasusFailure` (exit 1) when the session is in use by another casus or its
/// journal is damaged before its last record, and `PlayStorage.Left` when the group left at
/// the question.
public func openPlayStorage(scenario: Scenario, options: PlayStorageOptions) throws
    -> (recorder: SessionRecorder, events: [SessionEvent], notices: [String], language: Language)
{
    try openPlayStorage(scenario: scenario, options: options, now: Date.init)
}

public func openPlayStorage(scenario: Scenario, options: PlayStorageOptions, now: @escaping () -> Date) throws
    -> (recorder: SessionRecorder, events: [SessionEvent], notices: [String], language: Language)
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
    // stuck on one; the sessions that can be continued are offered.
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
    while !candidates.isEmpty {
        // What was said about damaged sessions comes before the question, not after it.
        if !options.resume || candidates.count > 1, let show = options.showNotice {
            notices.forEach(show)
            notices.removeAll()
        }
        let decision = options.choose(candidates)
        if decision == .leave { throw PlayStorage.Left() }
        guard case .resume(let index) = decision, candidates.indices.contains(index) else { break }
        let candidate = candidates[index]
        // A session keeps the language it was started in, unless --lang says otherwise.
        let sessionLanguage =
            options.languageIsExplicit ? language : Language(tag: candidate.meta.language) ?? language
        let files: SessionFiles
        do {
            files = try SessionFiles(
                resuming: candidate.folder, store: store, scenario: scenario, scenarioPath: path,
                language: sessionLanguage, now: now)
        } catch let failure as CasusFailure where failure.damaged || failure.store.map(PlayStorage.canPassOver) == true {
            // Damaged further on than the quick check sees, or unusable for another reason:
            // say so and offer the others. One renamed by the casus that started it a moment
            // ago is simply gone. A session in use stays an error: the group may be playing it.
            if failure.damaged || failure.store?.code != ENOENT { notices.append(failure.message) }
            candidates.remove(at: index)
            continue
        }
        notices += files.notices
        // The REPL records the `resumed` marker and names orphaned answers itself.
        // Sheets may lag the journal after a crash; the `resumed` event the REPL records
        // next (and `close`) rewrites them, so nothing is rendered here.
        notices.append(
            LocalizedText(
                nl: "Verder met sessie \(candidate.folder.id).", en: "Continuing session \(candidate.folder.id)."
            ).text(sessionLanguage))
        return (files, files.events, notices, sessionLanguage)
    }
    let files = SessionFiles(store: store, scenario: scenario, scenarioPath: path, language: language, now: now)
    do {
        try files.prepare()
    } catch let error as StoreError {
        // Before the first question, so the group does not type a setup that cannot be saved.
        for notice in notices { FileHandle.standardError.write(Data(TextSafety.sanitize(notice + "\n").utf8)) }
        throw CasusFailure(StoreMessages.cannotSave(error, folder: files.folder).text(language), store: error)
    }
    return (files, [], notices, language)
}

public enum PlayStorage {
    public struct Candidate {
        public var folder: SessionFolder
        public var meta: SessionMeta
    }

    /// Unfinished sessions of the scenario at `scenarioPath` (absolute), newest first.
    public static func unfinished(in store: SessionStore, scenarioPath: String, language: Language = .nl) throws -> [Candidate] {
        let all: [SessionStore.Summary]
        do {
            // Finished sessions are passed over by name (the store's finished index), so
            // start-up does not grow with the sessions played before.
            all = try store.listUnfinished()
        } catch let error as StoreError {
            throw SessionFiles.failure(error, folder: nil, language: language)
        }
        let real = FileSourceProvider.realPath(scenarioPath)
        // A crash before the first answer leaves a folder without answers; only such folders,
        // certainly casus's own and left alone for a minute, are removed (others are left
        // as they are, and `casus sessions` shows them).
        let abandoned = Set(store.removeAbandoned(among: all.map(\.folder.id)))
        // A session with nothing recorded yet (another casus that is just starting, or one
        // killed before the setup) has nothing to continue.
        let list = all.filter { !abandoned.contains($0.folder.id) && !($0.meta == nil && $0.folder.journalHoldsOnlyItsHeader) }
        return list.compactMap { summary -> (Candidate, Date)? in
            guard let meta = SessionFiles.meta(summary) else { return nil }
            if meta.finished {
                // Not in the index yet (a store of an older casus, or a crash just after the
                // end): added now, so it is read only this once.
                try? store.markFinished(summary.folder.id)
                return nil
            }
            guard meta.scenarioPath == scenarioPath || FileSourceProvider.realPath(meta.scenarioPath) == real
            else { return nil }
            return (Candidate(folder: summary.folder, meta: meta), max(summary.modified, meta.updated))
        }
        .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.folder.id > $1.0.folder.id }
        .map(\.0)
    }

    /// Whether resume may pass over a session that failed to open with `error`.
    public static func canPassOver(_ error: StoreError) -> Bool {
        switch error.kind {
        case .sessionInUse, .notPrivate: false
        case .io: ![EROFS, ENOSPC, EDQUOT, EACCES, EPERM, EIO].contains(error.code ?? 0)
        case .journalEmpty, .journalHeader, .journalFormat, .journalCorrupt, .journalUnusable, .invalidPayload,
            .sessionNotFound, .sessionAmbiguous, .outsideRoot, .notAFile:
            true
        }
    }

    public static func absolutePath(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: absolute).standardizedFileURL.path
    }

    /// The group left at the resume question; nothing was opened.
    public struct Left: Error {}

    /// What the resume question shows of `candidate`.
    public static func resumable(_ candidate: Candidate) -> ResumableSession {
        let meta = candidate.meta
        return ResumableSession(
            group: meta.group, started: localTime(meta.started), answers: meta.answers,
            step: meta.step.flatMap { number in meta.stepTitle.map { (number, $0) } })
    }

    /// The language to ask the resume question in: `language` unless the flag is absent and
    /// every candidate was started in one other language.
    public static func questionLanguage(_ candidates: [Candidate], _ language: Language, explicit: Bool) -> Language {
        guard !explicit else { return language }
        let languages = Set(candidates.compactMap { Language(tag: $0.meta.language) })
        return languages.count == 1 ? languages.first! : language
    }

    /// `2026-11-25 14:05` in the local time zone.
    public static func localTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
