import CasusCore
import CasusStore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every store error as a sentence a facilitator can act on, in Dutch and English. The one
/// place where `errno` becomes words: the store's own messages are English, for developers.
public enum StoreMessages {
    /// Why a system call failed, in plain words: "de schijf is vol".
    public static func cause(_ code: Int32) -> LocalizedText {
        switch code {
        case ENOSPC: LocalizedText(nl: "de schijf is vol", en: "the disk is full")
        case EDQUOT: LocalizedText(nl: "je schijfruimte (quotum) is op", en: "your disk quota is used up")
        case EROFS: LocalizedText(nl: "de opslag is alleen-lezen", en: "the storage is read-only")
        case EACCES, EPERM: LocalizedText(nl: "je hebt daar geen toestemming voor", en: "you have no permission for that")
        case ELOOP:
            LocalizedText(
                nl: "het is een symbolische koppeling (symlink), en die volgt casus in zijn opslag nooit",
                en: "it is a symbolic link, and casus never follows those in its store")
        case EISDIR: LocalizedText(nl: "het is een map in plaats van een bestand", en: "it is a folder instead of a file")
        case ENOTDIR: LocalizedText(nl: "een deel van het pad is geen map", en: "part of the path is not a folder")
        case ENOENT: LocalizedText(nl: "het bestaat niet (meer)", en: "it does not exist (any more)")
        case EIO: LocalizedText(nl: "de schijf gaf een lees- of schrijffout", en: "the disk reported a read or write error")
        case EMFILE, ENFILE: LocalizedText(nl: "er zijn te veel bestanden open", en: "too many files are open")
        case ENAMETOOLONG: LocalizedText(nl: "de naam is te lang", en: "the name is too long")
        default:
            LocalizedText(
                nl: "systeemfout \(code) (\(String(cString: strerror(code))))",
                en: "system error \(code) (\(String(cString: strerror(code))))")
        }
    }

    /// What the facilitator can do about `code`, or nil when there is nothing obvious.
    public static func advice(_ code: Int32) -> LocalizedText? {
        switch code {
        case ENOSPC, EDQUOT:
            LocalizedText(
                nl: "Maak ruimte vrij, of kies met --dir een map op een andere schijf.",
                en: "Free some space, or choose a folder on another disk with --dir.")
        case EROFS, EACCES, EPERM:
            LocalizedText(
                nl: "Kies met --dir een map waarin je mag schrijven.",
                en: "Choose a folder you may write to with --dir.")
        default: nil
        }
    }

    /// A failed system call: "de schijf is vol: /pad. Maak ruimte vrij, …". Callers put what
    /// failed in front ("Opslaan is mislukt: …").
    public static func ioFailure(_ error: StoreError) -> LocalizedText {
        let reason = error.code.map(cause) ?? LocalizedText(nl: error.message, en: error.message)
        let path = error.path.map { ": \($0)." } ?? "."
        let hint = error.code.flatMap(advice)
        return LocalizedText(
            nl: reason.nl + path + (hint.map { " " + $0.nl } ?? ""), en: reason.en + path + (hint.map { " " + $0.en } ?? ""))
    }

    /// A session that cannot be continued: what is wrong and what to do instead.
    public static func damaged(_ id: String, _ what: LocalizedText) -> LocalizedText {
        LocalizedText(
            nl: "Sessie \(id) is beschadigd: \(what.nl). Daarmee kan casus niet verder. Begin een nieuwe sessie, of verwijder deze voorgoed met: casus delete \(id)",
            en: "Session \(id) is damaged: \(what.en). casus cannot continue it. Start a new session, or delete this one for good with: casus delete \(id)")
    }

    /// Whether `error` means that the session's journal is damaged (as opposed to busy, gone
    /// or a problem of the whole store): resume then moves on to the other sessions.
    public static func isDamage(_ error: StoreError, journal: URL?) -> Bool {
        switch error.kind {
        case .journalEmpty, .journalHeader, .journalCorrupt, .journalFormat: return true
        case .notAFile: return error.path == journal?.path
        case .io: return error.path == journal?.path && [EISDIR, ELOOP, ENOENT].contains(error.code ?? 0)
        case .journalUnusable, .invalidPayload, .sessionInUse, .sessionNotFound, .sessionAmbiguous, .outsideRoot,
            .notPrivate:
            return false
        }
    }

    /// `error` as a sentence; `folder` names the session it concerns, if any.
    public static func describe(_ error: StoreError, folder: SessionFolder?) -> LocalizedText {
        let id = folder?.id ?? ""
        switch error.kind {
        case .io:
            if let folder, isDamage(error, journal: folder.journalURL) {
                return damaged(id, journalNotAFile(error.code))
            }
            return ioFailure(error)
        case .notAFile:
            if let folder, isDamage(error, journal: folder.journalURL) {
                return damaged(id, journalNotAFile(EISDIR))
            }
            return LocalizedText(
                nl: "\(error.path ?? "") is geen gewoon bestand; casus leest en schrijft daar niet.",
                en: "\(error.path ?? "") is not a regular file; casus does not read or write it.")
        case .journalEmpty:
            return damaged(id, LocalizedText(nl: "het logboek is leeg", en: "its journal is empty"))
        case .journalHeader:
            return damaged(
                id, LocalizedText(nl: "de eerste regel van het logboek is onleesbaar", en: "the first line of its journal is unreadable"))
        case .journalFormat(let format):
            return LocalizedText(
                nl: "Sessie \(id) is gemaakt met een nieuwere casus (logboekformaat \(format)). Werk casus bij om ermee verder te gaan; de sessie blijft zoals hij is.",
                en: "Session \(id) was made by a newer casus (journal format \(format)). Update casus to continue it; the session is kept as it is.")
        case .journalCorrupt(let line):
            return LocalizedText(
                nl: "Het logboek van sessie \(id) is beschadigd op regel \(line), vóór latere goede antwoorden. casus heeft niets weggegooid of veranderd; bewaar de map \(folder?.url.path ?? "") en vraag hulp. Een nieuwe sessie beginnen kan gewoon.",
                en: "The journal of session \(id) is damaged at line \(line), before later good answers. casus dropped and changed nothing; keep the folder \(folder?.url.path ?? "") and ask for help. Starting a new session is fine.")
        case .journalUnusable:
            return LocalizedText(
                nl: "na een eerdere fout schrijft casus niet meer in dit logboek. Start casus opnieuw met --resume om verder te gaan.",
                en: "after an earlier failure casus no longer writes to this journal. Start casus again with --resume to continue.")
        case .invalidPayload:
            return LocalizedText(nl: "casus kon een antwoord niet vastleggen (\(error.message)).", en: "casus could not record an answer (\(error.message)).")
        case .sessionInUse(let pid):
            let who = pid.map { " (pid \($0))" } ?? ""
            return LocalizedText(
                nl: "Sessie \(id) is al open in een andere casus\(who). Sluit die eerst; twee tegelijk kan niet.",
                en: "Session \(id) is already open in another casus\(who). Close that one first; two at once is not possible.")
        case .sessionNotFound:
            return LocalizedText(nl: "Sessie niet gevonden: \(error.message)", en: "Session not found: \(error.message)")
        case .sessionAmbiguous(let matches):
            return LocalizedText(
                nl: "Dat begin past bij \(matches.count) sessies: \(matches.joined(separator: ", ")). Typ meer van de naam.",
                en: "That start matches \(matches.count) sessions: \(matches.joined(separator: ", ")). Type more of the name.")
        case .outsideRoot:
            return LocalizedText(
                nl: "\(error.path ?? error.message) is geen sessiemap in de opslag van casus.",
                en: "\(error.path ?? error.message) is not a session folder in casus's store.")
        case .notPrivate:
            let path = error.path ?? ""
            return LocalizedText(
                nl: "Andere gebruikers kunnen in de map \(path) schrijven; daar bewaart casus geen antwoorden. Maak de map privé met: chmod 700 \(path) (of kies met --dir een eigen map).",
                en: "Other users can write to the folder \(path); casus keeps no answers there. Make it private with: chmod 700 \(path) (or choose a folder of your own with --dir).")
        }
    }

    /// What is in the journal's place, as the middle of `damaged`.
    private static func journalNotAFile(_ code: Int32?) -> LocalizedText {
        switch code {
        case ENOENT: LocalizedText(nl: "het logboek (journal.jsonl) ontbreekt", en: "its journal (journal.jsonl) is missing")
        case ELOOP:
            LocalizedText(
                nl: "op de plaats van het logboek staat een symbolische koppeling (symlink)",
                en: "a symbolic link stands in the place of its journal")
        default:
            LocalizedText(
                nl: "op de plaats van het logboek (journal.jsonl) staat een map of iets anders dan een bestand",
                en: "a folder or something else than a file stands in the place of its journal (journal.jsonl)")
        }
    }

    /// "Opslaan is mislukt: …" for a failure before the group has typed anything.
    public static func cannotSave(_ error: StoreError, folder: SessionFolder?) -> LocalizedText {
        let what = describe(error, folder: folder)
        return LocalizedText(
            nl: "Opslaan is mislukt: \(what.nl) casus stopt nu, zodat er geen antwoorden verloren gaan.",
            en: "Saving failed: \(what.en) casus stops now, so that no answers are lost.")
    }
}
