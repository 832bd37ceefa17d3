import CasusCLI
import CasusCore
import CasusRoomLink
import CasusSession
import CasusTerminal
import Foundation

/// `casus play --room URL --code CODE`: the group plays as always, and what it records goes
/// to the facilitator's room in the background (`RoomLink`). Only `casus-room` has this
/// file, so play without `--room` never loads the room's client.
final class RoomPlay: RoomPlaying {
    let address: RoomAddress
    let link: RoomLink
    let language: Language
    /// The scenario file and its includes, relative to the scenario's folder.
    let sources: [String: String]

    private init(address: RoomAddress, link: RoomLink, language: Language, sources: [String: String]) {
        self.address = address
        self.link = link
        self.language = language
        self.sources = sources
    }

    /// Finds the room before play begins. A wrong code is asked again at a terminal (an
    /// empty line plays without the room); piped input stops with the message instead. An
    /// absent room is said once and play goes on: the link keeps trying in the background.
    /// A room that refuses the scenario is said, and play goes on without it.
    static func connect(_ request: RoomJoinRequest) -> RoomJoin {
        let (url, language, editor, say) = (request.url, request.language, request.editor, request.say)
        var code = request.code
        while true {
            guard let address = RoomAddress(url: url, code: code) else {
                say(RoomText.badAddress(url).text(language))
                return .stop
            }
            let link = RoomLink(transport: HTTPRoomTransport(address: address))
            switch waitFor({ await link.check(session: nil) }) {
            case .welcome:
                say(RoomText.joined(address.base).text(language))
            case .unreachable:
                say(RoomText.unreachableAtStart(address.base).text(language))
            case .wrongCode:
                say(RoomText.wrongCode(address.code).text(language))
                guard request.interactive else { return .stop }
                switch editor.readLine(prompt: RoomText.codePrompt.text(language)) {
                case .line(let typed) where !typed.trimmingCharacters(in: .whitespaces).isEmpty:
                    code = typed
                    continue
                case .line, .interrupted:
                    say(RoomText.withoutRoom.text(language))
                    return .withoutRoom
                case .endOfInput:
                    return .stop
                }
            case .refused(let status, let message):
                say(RoomText.refused(status, message).text(language))
                return .withoutRoom
            }
            let sources = sources(request.loaded, request.scenarioPath)
            return .playing(RoomPlay(address: address, link: link, language: language, sources: sources))
        }
    }

    /// The session's files, once `recorder(wrapping:)` made the room's recorder.
    private var files: SessionFiles?

    /// The recorder that hands the link the journal after each durable write.
    func recorder(wrapping inner: any SessionRecorder) -> any SessionRecorder {
        guard let files = inner as? SessionFiles else { return inner }
        self.files = files
        let recorder = RoomRecorder(inner: files, link: link, sources: sources)
        // A resumed session: the room gets what it is missing as soon as the link joins.
        recorder.handOver()
        link.start()
        return recorder
    }

    /// What the REPL asks at every prompt.
    var feed: any RoomFeed { RoomLinkFeed(link: link) }

    /// After play: gives the link a short, bounded time to deliver the rest (saying so when
    /// it has to wait), and when the room still does not have everything, leaves a
    /// `RoomPending` marker for `casus room send` and says how (the answers are safe on this
    /// laptop either way).
    func finish(say: (String) -> Void) {
        let link = self.link
        if !link.isCaughtUp { say(RoomText.sending.text(language)) }
        let wait = link.isUnreachable ? 2.0 : 5.0
        let caughtUp = waitFor { await link.stop(waitingUpTo: wait) }
        guard let folder = files?.folder, files?.durableJournal?.records.isEmpty == false else { return }
        if caughtUp {
            RoomPending.remove(from: folder)
        } else {
            try? RoomPending(url: address.base, code: address.code, sources: sources).write(to: folder)
            say(RoomText.notAllSent.text(language))
        }
    }

    /// The scenario's sources by path relative to its folder, as the room wants them.
    static func sources(_ loaded: ScenarioLoader.Result, _ scenarioPath: String) -> [String: String] {
        let folder = (scenarioPath as NSString).deletingLastPathComponent
        var out: [String: String] = [:]
        for (path, bytes) in loaded.sources {
            var relative = path
            if !folder.isEmpty, path.hasPrefix(folder + "/") { relative = String(path.dropFirst(folder.count + 1)) }
            out[relative] = String(decoding: bytes, as: UTF8.self)
        }
        return out
    }
}

/// Runs `body` on the concurrency pool and waits for it: the command line is synchronous.
func waitFor<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    let box = WaitBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        box.value = await body()
        done.signal()
    }
    done.wait()
    return box.value!
}

private final class WaitBox<T>: @unchecked Sendable { var value: T? }

/// The durable recorder, and after every write the journal as it now is goes to the link.
/// An answer adds one record to what the link was handed before (the journal is not copied
/// again on the way to the next prompt); an undo or a close hands over the whole journal.
final class RoomRecorder: SessionRecorder {
    let inner: SessionFiles
    let link: RoomLink
    let sources: [String: String]
    /// The session and the seq of the last record handed to the link.
    private var handed: (session: String, last: Int)?

    init(inner: SessionFiles, link: RoomLink, sources: [String: String]) {
        self.inner = inner
        self.link = link
        self.sources = sources
    }

    func record(_ event: SessionEvent, state: SessionState) throws {
        try inner.record(event, state: state)
        handOverNewest()
    }

    func recordUndo(remaining: [SessionEvent], state: SessionState) throws {
        try inner.recordUndo(remaining: remaining, state: state)
        handOver()
    }

    func close(state: SessionState, finished: Bool) throws {
        try inner.close(state: state, finished: finished)
        handOver()
    }

    var sheetLocation: String? { inner.sheetLocation }
    var printableSheetLocation: String? { inner.printableSheetLocation }

    /// Hands the link what is in the journal now; nothing before the first record (the
    /// session is named after the group only then).
    func handOver() {
        guard let journal = inner.durableJournal, !journal.records.isEmpty else { return }
        link.update(
            session: RoomSession(id: journal.id, header: Array(journal.header), sources: sources),
            records: journal.records.map { RoomRecord(seq: $0.seq, data: Array($0.payload)) })
        handed = (journal.id, journal.records.last?.seq ?? 1)
    }

    /// After an append only the new record goes to the link, when the link has every record
    /// before it; else (the first record, a renamed session) the whole journal.
    private func handOverNewest() {
        guard let journal = inner.durableJournal, let newest = journal.records.last,
            let handed, handed.session == journal.id, handed.last == newest.seq - 1,
            link.append(sessionID: journal.id, record: RoomRecord(seq: newest.seq, data: Array(newest.payload)))
        else { return handOver() }
        self.handed = (journal.id, newest.seq)
    }
}

/// The link as the REPL sees it.
final class RoomLinkFeed: RoomFeed {
    let link: RoomLink
    init(link: RoomLink) { self.link = link }
    func takeMessages() -> [String] { link.takeMessages().map(\.text) }
    var presets: [RoomAnswer] { link.presets.map { RoomAnswer(key: $0.key, answer: $0.answer, label: $0.label) } }
    var isUnreachable: Bool { link.isUnreachable }
    func awaitRoom(seconds: Double) {
        var left = seconds
        while left > 0, link.roomNext == nil, !link.isUnreachable {
            usleep(20_000)
            left -= 0.02
        }
    }
}

/// What `casus play --room` says outside the REPL.
enum RoomText {
    static func badAddress(_ url: String) -> LocalizedText {
        LocalizedText(
            nl: "Dat is geen adres van een zaal: \(url). Gebruik het adres dat de begeleider geeft, bijvoorbeeld http://192.168.1.20:8686.",
            en: "That is not a room's address: \(url). Use the address the facilitator gives, for example http://192.168.1.20:8686.")
    }
    static func joined(_ base: String) -> LocalizedText {
        LocalizedText(nl: "Verbonden met de zaal op \(base).", en: "Connected to the room at \(base).")
    }
    static func unreachableAtStart(_ base: String) -> LocalizedText {
        LocalizedText(
            nl: "De zaal op \(base) is niet bereikbaar. Jullie spelen gewoon; de antwoorden blijven op deze laptop bewaard en gaan naar de zaal zodra die bereikbaar is.",
            en: "The room at \(base) cannot be reached. Play on; the answers are kept on this laptop and go to the room as soon as it can be reached.")
    }
    static func wrongCode(_ code: String) -> LocalizedText {
        LocalizedText(
            nl: "De zaal kent de code \(code) niet. Vraag de begeleider om de code.",
            en: "The room does not know the code \(code). Ask the facilitator for the code.")
    }
    static let codePrompt = LocalizedText(nl: "code (leeg: spelen zonder zaal)> ", en: "code (empty: play without the room)> ")
    static let withoutRoom = LocalizedText(
        nl: "Jullie spelen zonder zaal; de antwoorden blijven op deze laptop bewaard.",
        en: "You play without the room; the answers are kept on this laptop.")
    static func refused(_ status: Int, _ message: String?) -> LocalizedText {
        let detail = message.map { ": \($0)" } ?? ""
        return LocalizedText(
            nl: "De zaal neemt deze sessie niet aan (HTTP \(status)\(detail)). Jullie spelen zonder zaal; de antwoorden blijven op deze laptop bewaard.",
            en: "The room does not take this session (HTTP \(status)\(detail)). You play without the room; the answers are kept on this laptop.")
    }
    static let sending = LocalizedText(nl: "Antwoorden naar de zaal sturen…", en: "Sending the answers to the room…")
    static let notAllSent = LocalizedText(
        nl: "De zaal heeft nog niet alle antwoorden ontvangen; ze staan veilig op deze laptop. Zodra de zaal weer bereikbaar is, stuurt `casus room send` de rest.",
        en: "The room has not received every answer yet; they are safe on this laptop. Once the room can be reached again, `casus room send` sends the rest.")
}
