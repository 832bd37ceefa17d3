import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `casus room` and `casus play --room` together, as real processes on loopback: the room's
/// stored journal of every group must end byte for byte equal to the group's own journal,
/// whatever happens to the room or the group in between.
@Suite("A room and its groups, with the real binaries", .serialized)
struct RoomPlayTests {
    static let casus = TestEnvironment.binary(named: "casus")!
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let vo1 = root.appendingPathComponent("Scenarios/vo1-afpersing-havo4.casus").path
    static let opdracht2 = root.appendingPathComponent("Scenarios/opdracht2-aanpak-school.casus").path
    static func script(_ name: String) -> String { root.appendingPathComponent("Tests/Fixtures/Playthroughs/\(name).answers").path }

    @Test("three groups (VO 1, Opdracht 2 twice): the overview has each, the topics are handed out in order, the room's report is casus report's")
    func threeGroups() throws {
        let work = try RoomWorkspace()
        let room = try GroupsRoom(work: work)
        defer { room.stop() }
        var results: [ProcessResult] = []
        for (scenario, script) in [(Self.vo1, "vo1-afpersing-havo4"), (Self.opdracht2, "opdracht2-aanpak-school"), (Self.opdracht2, "opdracht2-aanpak-school")] {
            results.append(try work.play(scenario, script: Self.script(script), room: room))
        }
        for result in results {
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("Verbonden met de zaal op \(room.url)."))
        }
        // In the order they joined (each session's journal header says when it was created).
        let sessions = try work.sessions().sorted { try work.created($0) < work.created($1) }
        #expect(sessions.count == 3)
        for session in sessions { #expect(try room.storedJournal(session) == work.journal(session)) }

        // The overview's data: one row per group, each finished at its last step.
        let overview = try room.overview()
        let rows = overview["rows"] as? [[String: Any]] ?? []
        #expect(Set(rows.compactMap { $0["session"] as? String }) == Set(sessions))
        #expect(rows.allSatisfy { $0["finished"] as? Bool == true })

        // The guide: the room gives the groups the topics in join order; the script's own
        // answer (topic 3) is not what counts.
        let topics = try sessions.filter { try work.journal($0).contains("\"key\":\"onderwerp\"") }.map { try work.journal($0) }
        #expect(topics.count == 2)
        #expect(topics[0].contains("\"option\":\"Hoe signaleren we pester(s) bij ons op school?\""))
        #expect(topics[1].contains("\"option\":\"Hoe signaleren we slachtoffer(s) bij ons op school?\""))
        #expect(results[1].stdout.contains("Jullie onderwerp, gekregen van de begeleider: Hoe signaleren we pester(s)"))

        // Every answer reaches the report: the room's is the one casus report makes here.
        let local = try runProcess(
            binary: Self.casus, arguments: ["report"] + sessions + ["--dir", work.store, "--format", "md"],
            environment: work.environment)
        #expect(local.status == 0)
        #expect(try room.get("/f/\(room.token)/report.md") == local.stdout)
    }

    @Test("the room is killed (SIGKILL) mid-session and started again: the group plays on and the room ends with its journal")
    func roomKilled() throws {
        let work = try RoomWorkspace()
        var room = try GroupsRoom(work: work)
        defer { room.stop() }
        let group = try work.startGroup(Self.vo1, script: Self.script("vo1-afpersing-havo4"), room: room, pace: 60)
        let session = try work.waitForSession()
        try waitUntil { (try? room.storedJournal(session).split(separator: "\n").count) ?? 0 >= 6 }
        room.kill(SIGKILL)
        room = try GroupsRoom(work: work, port: room.port)
        #expect(try group.waitForExit(timeout: 60) == 0)
        #expect(try room.storedJournal(session) == work.journal(session))
    }

    @Test("the room is stopped (SIGSTOP) for a while and goes on (SIGCONT): nothing lost or doubled")
    func roomStopped() throws {
        let work = try RoomWorkspace()
        let room = try GroupsRoom(work: work)
        defer { room.stop() }
        let group = try work.startGroup(Self.vo1, script: Self.script("vo1-afpersing-havo4"), room: room, pace: 60)
        let session = try work.waitForSession()
        try waitUntil { (try? room.storedJournal(session).split(separator: "\n").count) ?? 0 >= 6 }
        room.kill(SIGSTOP)
        // The group goes on without the room: its journal grows while the room sleeps.
        let before = try work.journal(session).split(separator: "\n").count
        try waitUntil { (try? work.journal(session).split(separator: "\n").count) ?? 0 >= before + 5 }
        room.kill(SIGCONT)
        #expect(try group.waitForExit(timeout: 60) == 0)
        #expect(try room.storedJournal(session) == work.journal(session))
    }

    @Test("a group is killed and resumed with --room: the room gets what it was missing, once")
    func groupKilledAndResumed() throws {
        let work = try RoomWorkspace()
        let room = try GroupsRoom(work: work)
        defer { room.stop() }
        let group = try work.startGroup(Self.vo1, script: Self.script("vo1-afpersing-havo4"), room: room, pace: 60)
        let session = try work.waitForSession()
        try waitUntil { (try? work.journal(session).split(separator: "\n").count) ?? 0 >= 10 }
        kill(group.pid, SIGKILL)
        _ = try? group.waitForExit(timeout: 10)
        let resumed = try work.play(Self.vo1, script: Self.script("vo1-afpersing-havo4"), room: room, extra: ["--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("Verder met sessie \(session)."))
        #expect(try room.storedJournal(session) == work.journal(session))
    }

    @Test("the room is gone when play ends; back later, casus room send gives it the rest, once")
    func sendAfterTheEnd() throws {
        let work = try RoomWorkspace()
        var room = try GroupsRoom(work: work)
        defer { room.stop() }
        let group = try work.startGroup(Self.vo1, script: Self.script("vo1-afpersing-havo4"), room: room, pace: 60)
        let session = try work.waitForSession()
        try waitUntil { (try? room.storedJournal(session).split(separator: "\n").count) ?? 0 >= 6 }
        room.kill(SIGKILL)
        #expect(try group.waitForExit(timeout: 60) == 0)
        #expect(try room.storedJournal(session) != work.journal(session))
        let pending = "\(work.store)/\(session)/room-pending.json"
        #expect(FileManager.default.fileExists(atPath: pending))
        #expect(try FileManager.default.attributesOfItem(atPath: pending)[.posixPermissions] as? Int == 0o600)

        // Still away: said, and the marker stays for the next try.
        let away = try runProcess(binary: Self.casus, arguments: ["room", "send", "--dir", work.store], environment: work.environment)
        #expect(away.status == 1)
        #expect(away.stdout.contains("\(session): de zaal is niet bereikbaar"))
        #expect(FileManager.default.fileExists(atPath: pending))

        room = try GroupsRoom(work: work, port: room.port)
        let sent = try runProcess(binary: Self.casus, arguments: ["room", "send", "--dir", work.store], environment: work.environment)
        #expect(sent.status == 0, "\(sent.stdout)\(sent.stderr)")
        #expect(sent.stdout.contains("\(session): de zaal heeft nu alle antwoorden."))
        #expect(try room.storedJournal(session) == work.journal(session))
        #expect(!FileManager.default.fileExists(atPath: pending))
        let again = try runProcess(binary: Self.casus, arguments: ["room", "send", "--dir", work.store], environment: work.environment)
        #expect(again.status == 0)
        #expect(again.stdout.contains("Er wacht niets op de zaal"))
    }

    /// VO 1 at a pseudo-terminal in `room`, set up as Groep Geel by a script, waiting at the
    /// first question of step 1.
    func groupAtTerminal(_ work: RoomWorkspace, _ room: GroupsRoom) throws -> PseudoTerminal {
        let setup = work.folder.appendingPathComponent("setup.answers").path
        try "groep: Groep Geel\nleden: Anna, Bram, Carla\nnotulist: Anna\npresentator: Bram\ntijdbewaker: Carla\n"
            .write(toFile: setup, atomically: true, encoding: .utf8)
        let terminal = try PseudoTerminal(
            binary: RoomPlayTests.casus,
            arguments: work.arguments(Self.vo1, script: setup, room: room, code: nil, pace: nil, extra: []),
            environment: work.environment)
        try terminal.waitFor("Wat gebeurde er precies")
        try terminal.waitFor("> ")
        return terminal
    }

    @Test("at a terminal, :terug and then :stop: the room drops the undone answer too (journal and report)")
    func undoThenQuit() throws {
        let work = try RoomWorkspace()
        let room = try GroupsRoom(work: work)
        defer { room.stop() }
        let terminal = try groupAtTerminal(work, room)
        try terminal.send("Ze werden afgeperst\r")
        try terminal.waitFor("…")
        try terminal.send("\r")
        let session = try work.waitForSession()
        try waitUntil("the room has the answer") { (try? room.storedJournal(session).contains("Ze werden afgeperst")) == true }
        try terminal.send(":terug\r")
        try waitUntil { (try? work.journal(session).contains("Ze werden afgeperst")) == false }
        try terminal.send(":stop\r")
        #expect(try terminal.waitForExit(timeout: 20) == 0)
        #expect(!terminal.output.contains("De zaal heeft nog niet alle antwoorden"))
        #expect(try room.storedJournal(session) == work.journal(session))
        #expect(try !room.get("/f/\(room.token)/report.md").contains("Ze werden afgeperst"))
        #expect(!FileManager.default.fileExists(atPath: "\(work.store)/\(session)/room-pending.json"))
    }

    @Test("at a terminal, the facilitator's message appears above a half-typed line, once, and the line is kept")
    func messageWhileTyping() throws {
        let work = try RoomWorkspace()
        let room = try GroupsRoom(work: work)
        defer { room.stop() }
        let terminal = try groupAtTerminal(work, room)
        try terminal.send("Ze werden bedreigd")
        let session = try work.waitForSession()
        try waitUntil("the room has the setup") { (try? room.storedJournal(session).contains("\"setup\"")) == true }
        try room.post("/f/\(room.token)/messages", json: ["text": "Over 2 minuten plenair"])
        try terminal.waitFor("Bericht van de begeleider: Over 2 minuten plenair")
        // The prompt and the typed text are drawn again below the message.
        try terminal.waitFor("Ze werden bedreigd")
        try terminal.send(" en afgeperst\r")
        // A long answer: an empty line ends it.
        try terminal.waitFor("…")
        try terminal.send("\r")
        try waitUntil { (try? work.journal(session).contains("Ze werden bedreigd en afgeperst")) == true }
        try terminal.send(":stop\r")
        #expect(try terminal.waitForExit(timeout: 20) == 0)
        #expect(terminal.output.components(separatedBy: "Over 2 minuten plenair").count == 2)
        #expect(try room.storedJournal(session) == work.journal(session))
    }

    @Test("a wrong code stops piped play with a message in the group's language; an absent room is said and play goes on")
    func wrongCodeAndAbsentRoom() throws {
        let work = try RoomWorkspace()
        let room = try GroupsRoom(work: work)
        defer { room.stop() }
        let wrong = try work.play(Self.vo1, script: Self.script("vo1-afpersing-havo4"), room: room, code: "AAAAAA", extra: ["--lang", "en"])
        #expect(wrong.status == 2)
        #expect(wrong.stdout.contains("The room does not know the code AAAAAA. Ask the facilitator for the code."))
        #expect(work.sessions().isEmpty)
        room.stop()
        let absent = try work.play(Self.vo1, script: Self.script("vo1-afpersing-havo4"), room: room)
        #expect(absent.status == 0)
        #expect(absent.stdout.contains("De zaal op \(room.url) is niet bereikbaar."))
        #expect(absent.stdout.contains("De zaal heeft nog niet alle antwoorden ontvangen"))
        #expect(work.sessions().count == 1)
    }
}

/// Waits, bounded, until `condition` holds (the processes work on their own time).
func waitUntil(_ what: String = "condition", timeout: Double = 30, _ condition: () throws -> Bool) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while try !condition() {
        if Date() > deadline { throw ProcessFailure.timedOut(waitingFor: what, output: "") }
        usleep(20_000)
    }
}

/// A private folder with the groups' store and the room's folder.
struct RoomWorkspace {
    let folder: URL
    var store: String { folder.appendingPathComponent("groups").path }
    var roomDir: String { folder.appendingPathComponent("room").path }
    var environment: [String: String] { TestEnvironment.base.merging(["CASUS_FAKE_CLOCK": "1700000000"]) { $1 } }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("casus-room-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    func arguments(_ scenario: String, script: String, room: GroupsRoom, code: String?, pace: Int?, extra: [String]) -> [String] {
        ["play", scenario, "--dir", store, "--answers", script, "--room", room.url, "--code", code ?? room.code]
            + (pace.map { ["--pace", "\($0)"] } ?? []) + extra
    }

    /// One group plays to the end (piped, scripted) and the result is returned.
    func play(_ scenario: String, script: String, room: GroupsRoom, code: String? = nil, extra: [String] = []) throws -> ProcessResult {
        try runProcess(
            binary: RoomPlayTests.casus, arguments: arguments(scenario, script: script, room: room, code: code, pace: nil, extra: extra),
            environment: environment)
    }

    /// One group starts playing in the background (piped, scripted, paced); its output goes to a file.
    func startGroup(_ scenario: String, script: String, room: GroupsRoom, pace: Int) throws -> PseudoTerminal {
        let out = folder.appendingPathComponent("group-\(UUID().uuidString).out").path
        return try PseudoTerminal(
            binary: "/bin/sh",
            arguments: ["-c", "exec \"$0\" \"$@\" > '\(out)' 2>&1 < /dev/null", RoomPlayTests.casus]
                + arguments(scenario, script: script, room: room, code: nil, pace: pace, extra: []),
            environment: environment)
    }

    /// The session ids in the groups' store.
    func sessions() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: store)) ?? []).filter { !$0.hasPrefix(".") && $0 != "rooms" }.sorted()
    }

    /// Waits for the one session named after its group (the first record is written).
    func waitForSession() throws -> String {
        try waitUntil("a session in \(sessions())") { sessions().contains { !$0.contains("-sessie-") } && (try? journal(sessions()[0]).contains("\"setup\"")) == true }
        return sessions()[0]
    }

    /// When the session started, from its journal's header.
    func created(_ session: String) throws -> Double {
        let first = try journal(session).prefix { $0 != "\n" }
        let line = try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any]
        return (line?["data"] as? [String: Any])?["created"] as? Double ?? 0
    }

    func journal(_ session: String) throws -> String {
        try String(contentsOfFile: "\(store)/\(session)/journal.jsonl", encoding: .utf8)
    }
}

/// `casus room` on a free loopback port, its output in a file.
final class GroupsRoom {
    let process: PseudoTerminal
    let work: RoomWorkspace
    let url: String
    let port: Int
    let code: String
    let token: String
    private var stopped = false

    init(work: RoomWorkspace, port: Int = 0) throws {
        self.work = work
        let out = work.folder.appendingPathComponent("room-\(UUID().uuidString).out").path
        process = try PseudoTerminal(
            binary: "/bin/sh",
            arguments: ["-c", "exec \"$0\" \"$@\" > '\(out)' 2>&1 < /dev/null", RoomPlayTests.casus,
                "room", "--listen", "127.0.0.1:\(port)", "--dir", work.roomDir],
            environment: work.environment)
        var text = ""
        try waitUntil {
            text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
            return text.contains("Stoppen")
        }
        func after(_ label: String) -> String {
            text.components(separatedBy: "\n").first { $0.hasPrefix(label) }.map { String($0.dropFirst(label.count)) } ?? ""
        }
        url = after("Adres voor de groepen: ")
        code = after("Code: ")
        // The facilitator's link: `…/f/<32 hex digits>`, wherever the room prints it.
        token = text.firstMatch(of: /\/f\/([0-9a-f]{32})/).map { String($0.1) } ?? ""
        self.port = Int(url.split(separator: ":").last ?? "") ?? 0
    }

    func kill(_ signal: Int32) {
        Glibc.kill(process.pid, signal)
        if signal == SIGKILL {
            _ = try? process.waitForExit(timeout: 10)
            stopped = true
        }
    }

    func stop() {
        guard !stopped else { return }
        stopped = true
        Glibc.kill(process.pid, SIGCONT)
        Glibc.kill(process.pid, SIGTERM)
        _ = try? process.waitForExit(timeout: 10)
    }

    /// What the room stored of `session`: its own copy of the group's journal.
    func storedJournal(_ session: String) throws -> String {
        try String(contentsOfFile: "\(work.roomDir)/groups/\(session)/journal", encoding: .utf8)
    }

    /// A facilitator's POST (JSON), as the page sends it.
    func post(_ path: String, json: [String: Any]) throws {
        var request = URLRequest(url: URL(string: url + path)!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: json)
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { _, _, _ in done.signal() }.resume()
        done.wait()
    }

    func overview() throws -> [String: Any] {
        let text = try get("/f/\(token)/overview.json")
        return try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    func get(_ path: String) throws -> String {
        final class Box: @unchecked Sendable { var text: String? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: URL(string: url + path)!) { data, _, _ in
            box.text = data.map { String(decoding: $0, as: UTF8.self) }
            done.signal()
        }.resume()
        done.wait()
        guard let text = box.text else { throw ProcessFailure.timedOut(waitingFor: path, output: "") }
        return text
    }
}
