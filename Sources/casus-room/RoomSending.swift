import ArgumentParser
import CasusCLI
import CasusCore
import CasusRoomLink
import CasusSession
import CasusStore
import Foundation

/// `casus room send` — on a group's laptop: sends the room what it is missing of the
/// sessions that ended while the room was away (`RoomPending`), to the room each was played
/// with, or to `--room URL --code CODE` when the room has a new address or code.
struct RoomSending {
    let room: String?
    let code: String?
    let language: Language

    func send(_ sessions: SessionStore) throws {
        let pending: [(SessionFolder, RoomPending)]
        do {
            pending = try sessions.list().compactMap { summary in RoomPending.read(from: summary.folder).map { (summary.folder, $0) } }
        } catch let error as StoreError {
            throw SessionFiles.failure(error, folder: nil, language: language)
        }
        guard !pending.isEmpty else {
            Output.out(RoomSendText.nothing.text(language) + "\n")
            return
        }
        var failed = 0
        for (folder, marker) in pending {
            let outcome = send(folder, marker, language: language)
            if outcome != .sent { failed += 1 }
            Output.out(RoomSendText.outcome(outcome, folder.id).text(language) + "\n")
        }
        if failed > 0 { throw ExitCode(1) }
    }

    enum Outcome: Equatable { case sent, unreachable, wrongCode, refused(String), inUse, unreadable }

    /// Sends one session: the journal as it is on disk, under the session's lock (a group
    /// that resumed it with `--room` sends it itself).
    func send(_ folder: SessionFolder, _ marker: RoomPending, language: Language) -> Outcome {
        guard let address = room.flatMap({ RoomAddress(url: $0, code: code ?? "") }) ?? RoomAddress(url: marker.url, code: marker.code)
        else { return .refused(room ?? marker.url) }
        guard let lock = try? folder.lock() else { return .inUse }
        defer { lock.unlock() }
        guard let journal = try? Journal.open(at: folder.journalURL) else { return .unreadable }
        defer { journal.close() }
        let session = RoomSession(id: folder.id, header: Array(journal.header), sources: marker.sources)
        let records = journal.records.map { RoomRecord(seq: $0.seq, data: Array($0.payload)) }
        let link = RoomLink(transport: HTTPRoomTransport(address: address))
        switch waitFor({ await link.check(session: session) }) {
        case .welcome: break
        case .unreachable:
            _ = waitFor { await link.stop(waitingUpTo: 0) }
            return .unreachable
        case .wrongCode:
            _ = waitFor { await link.stop(waitingUpTo: 0) }
            return .wrongCode
        case .refused(let status, let message):
            _ = waitFor { await link.stop(waitingUpTo: 0) }
            return .refused("HTTP \(status)" + (message.map { ": \($0)" } ?? ""))
        }
        link.update(session: session, records: records)
        link.start()
        guard waitFor({ await link.stop(waitingUpTo: 30) }) else { return .unreachable }
        RoomPending.remove(from: folder)
        return .sent
    }
}

/// What `casus room send` says.
enum RoomSendText {
    static let nothing = LocalizedText(
        nl: "Er wacht niets op de zaal: elke sessie die met een zaal gespeeld is, staat daar helemaal.",
        en: "Nothing is waiting for the room: every session played with a room is there in full.")

    static func outcome(_ outcome: RoomSending.Outcome, _ id: String) -> LocalizedText {
        switch outcome {
        case .sent:
            LocalizedText(nl: "\(id): de zaal heeft nu alle antwoorden.", en: "\(id): the room now has every answer.")
        case .unreachable:
            LocalizedText(
                nl: "\(id): de zaal is niet bereikbaar; probeer het later nog eens (de antwoorden blijven op deze laptop).",
                en: "\(id): the room cannot be reached; try again later (the answers stay on this laptop).")
        case .wrongCode:
            LocalizedText(
                nl: "\(id): de zaal kent de code niet meer; geef het adres en de code van de begeleider mee: casus room send --room ADRES --code CODE",
                en: "\(id): the room does not know the code any more; give the facilitator's address and code: casus room send --room URL --code CODE")
        case .refused(let detail):
            LocalizedText(nl: "\(id): de zaal neemt deze sessie niet aan (\(detail)).", en: "\(id): the room does not take this session (\(detail)).")
        case .inUse:
            LocalizedText(
                nl: "\(id): deze sessie wordt nu gespeeld; die stuurt zelf naar de zaal.",
                en: "\(id): this session is being played now; it sends to the room itself.")
        case .unreadable:
            LocalizedText(nl: "\(id): het logboek is niet te lezen.", en: "\(id): the journal cannot be read.")
        }
    }
}
