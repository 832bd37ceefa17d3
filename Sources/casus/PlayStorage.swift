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
    /// `--lang` was given: it wins over the language a resumed session was started in.
    var languageIsExplicit = false
    /// Picks the session to continue from the unfinished ones (newest first), or a new one.
    var choose: ([PlayStorage.Candidate]) -> ResumeDecision
}

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
func openPlayStorage(scenario: Scenario, options: PlayStorageOptions) throws
    -> (recorder: SessionRecorder, events: [SessionEvent], notices: [String], language: Language)
{
    try openPlayStorage(scenario: scenario, options: options, now: Date.init)
}

func openPlayStorage(scenario: Scenario, options: PlayStorageOptions, now: @escaping () -> Date) throws
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

    let candidates = try PlayStorage.unfinished(in: store, scenarioPath: path)
    if !candidates.isEmpty {
        let decision = options.choose(candidates)
        if decision == .leave { throw PlayStorage.Left() }
        if case .resume(let index) = decision, candidates.indices.contains(index) {
            let candidate = candidates[index]
            let language =
                options.languageIsExplicit ? language : Language(tag: candidate.meta.language) ?? language
            let files = try SessionFiles(
                resuming: candidate.folder, store: store, scenario: scenario, scenarioPath: path, language: language,
                now: now)
            notices += files.notices
            // The REPL records the `resumed` marker and names orphaned answers itself.
            // Sheets may lag the journal after a crash; the `resumed` event the REPL records
            // next (and `close`) rewrites them, so nothing is rendered here.
            notices.append(
                LocalizedText(
                    nl: "Verder met sessie \(candidate.folder.id).", en: "Continuing session \(candidate.folder.id)."
                ).text(language))
            return (files, files.events, notices, language)
        }
    } else if options.resume {
        notices.append(
            LocalizedText(
                nl: "Er is geen onafgemaakte sessie van dit scenario; er begint een nieuwe.",
                en: "There is no unfinished session of this scenario; a new one starts."
            ).text(language))
    }
    let files = SessionFiles(store: store, scenario: scenario, scenarioPath: path, language: language, now: now)
    return (files, [], notices, language)
}

enum PlayStorage {
    struct Candidate {
        var folder: SessionFolder
        var meta: SessionMeta
    }

    /// Unfinished sessions of the scenario at `scenarioPath` (absolute), newest first.
    static func unfinished(in store: SessionStore, scenarioPath: String) throws -> [Candidate] {
        let list: [SessionStore.Summary]
        do {
            list = try store.list()
        } catch let error as StoreError {
            throw CasusFailure(error.message)
        }
        let real = FileSourceProvider.realPath(scenarioPath)
        // A crash between creating a folder and its journal leaves a folder without answers:
        // remove it when no one holds it.
        for summary in list where !FileManager.default.fileExists(atPath: summary.folder.journalURL.path) {
            try? store.delete(summary.folder)
        }
        return list.compactMap { summary -> (Candidate, Date)? in
            guard let meta = SessionFiles.meta(summary), !meta.finished,
                meta.scenarioPath == scenarioPath || FileSourceProvider.realPath(meta.scenarioPath) == real
            else { return nil }
            return (Candidate(folder: summary.folder, meta: meta), max(summary.modified, meta.updated))
        }
        .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.folder.id > $1.0.folder.id }
        .map(\.0)
    }

    static func absolutePath(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: absolute).standardizedFileURL.path
    }

    /// The group left at the resume question; nothing was opened.
    struct Left: Error {}

    /// What the resume question shows of `candidate`.
    static func resumable(_ candidate: Candidate) -> ResumableSession {
        let meta = candidate.meta
        return ResumableSession(
            group: meta.group, started: localTime(meta.started), answers: meta.answers,
            step: meta.step.flatMap { number in meta.stepTitle.map { (number, $0) } })
    }

    /// The language to ask the resume question in: `language` unless the flag is absent and
    /// every candidate was started in one other language.
    static func questionLanguage(_ candidates: [Candidate], _ language: Language, explicit: Bool) -> Language {
        guard !explicit else { return language }
        let languages = Set(candidates.compactMap { Language(tag: $0.meta.language) })
        return languages.count == 1 ? languages.first! : language
    }

    /// `2026-11-25 14:05` in the local time zone.
    static func localTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
