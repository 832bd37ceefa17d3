import CasusCore
import CasusSession
import CasusStore
import CasusTerminal
import Foundation

/// Finds a session by what a person remembers: its id, the start of its id, or its group's
/// name (case- and accent-insensitive, so `zoe` finds "Zoë" and `team-red` "Team Red").
enum SessionLookup {
    static func find(_ store: SessionStore, _ reference: String, language: Language) throws -> SessionFolder {
        do {
            return try store.find(reference)
        } catch let error as StoreError {
            if case .sessionAmbiguous(let ids) = error.kind {
                let all = try listed(store, language: language)
                let sessions = all.filter { ids.contains($0.folder.id) }
                    .compactMap { summary in SessionFiles.meta(summary).map { (summary.folder, $0) } }
                throw ambiguous(
                    LocalizedText(
                        nl: "\"\(reference)\" past bij \(ids.count) sessies", en: "\"\(reference)\" matches \(ids.count) sessions"),
                    sessions, language: language)
            }
            guard case .sessionNotFound = error.kind, !reference.contains("/") else {
                throw SessionFiles.failure(error, folder: nil, language: language)
            }
            let key = fold(reference)
            let candidates = try listed(store, language: language).compactMap { summary -> (SessionFolder, SessionMeta)? in
                guard let meta = SessionFiles.meta(summary) else { return nil }
                return (summary.folder, meta)
            }
            let named = { (exact: Bool) in
                candidates.filter { _, meta in
                    guard let group = meta.group, !key.isEmpty else { return false }
                    return exact ? fold(group) == key : wordStarts(group).contains { $0.hasPrefix(key) }
                }
            }
            // A whole name wins over names that merely start with it ("Rood" before "Roodkapje");
            // else any word of the name may start the match ("blauw" finds "Groep Blauw").
            let exact = named(true)
            let matches = exact.isEmpty ? named(false) : exact
            switch matches.count {
            case 1: return matches[0].0
            case 0:
                throw CasusFailure(
                    LocalizedText(
                        nl: "Geen sessie met het id of de groepsnaam \"\(reference)\" in \(store.root.path). De sessies staan in: casus sessions",
                        en: "No session with the id or group name \"\(reference)\" in \(store.root.path). The sessions are listed by: casus sessions"
                    ).text(language))
            default:
                throw ambiguous(
                    LocalizedText(
                        nl: "De groepsnaam \"\(reference)\" past bij \(matches.count) sessies",
                        en: "The group name \"\(reference)\" matches \(matches.count) sessions"),
                    matches, language: language)
            }
        }
    }

    /// "… matches N sessions; pick one by its id:" and the candidates, one per line.
    static func ambiguous(_ what: LocalizedText, _ sessions: [(SessionFolder, SessionMeta)], language: Language) -> CasusFailure {
        let pick = LocalizedText(nl: "; kies er een met zijn id:", en: "; pick one by its id:")
        return CasusFailure(what.text(language) + pick.text(language) + "\n" + candidateRows(sessions, language: language))
    }

    /// One line per session, oldest first: id, group, start, answers.
    static func candidateRows(_ sessions: [(SessionFolder, SessionMeta)], language: Language) -> String {
        sessions.sorted { $0.1.started < $1.1.started }
            .map { folder, meta in
                "  \(folder.id)  \(meta.group ?? "–") · \(PlayStorage.localTime(meta.started)) · " + PlayMessages.answerCount(meta.answers).text(language)
            }
            .joined(separator: "\n")
    }

    private static func listed(_ store: SessionStore, language: Language) throws -> [SessionStore.Summary] {
        do {
            return try store.list()
        } catch let error as StoreError {
            throw SessionFiles.failure(error, folder: nil, language: language)
        }
    }

    /// The folded name from each of its words on: "Groep Blauw" gives "groepblauw", "blauw".
    static func wordStarts(_ name: String) -> [String] {
        let words = name.split { !$0.isLetter && !$0.isNumber }
        return words.indices.map { fold(words[$0...].joined(separator: " ")) }
    }

    /// Lower case, without accents, letters and digits only: "Team Réd!" and "team-red" fold alike.
    static func fold(_ text: String) -> String {
        String(
            text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
                .unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}
