import CasusRoomWire
import Foundation
import Testing

@testable import CasusRoomLink

/// An in-memory room that keeps the wire contract (docs/room-protocol.md): records below
/// `next` are ignored, a gap is 409, an unknown session 404. It can be taken away (no
/// answer) and can forget its sessions (a room started without its folder).
final class FakeRoom: RoomTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String: [RoomRecord]] = [:]
    private var joins: [String: Int] = [:]
    var away = false
    var code = "K7P2QX"
    var sentCode = "K7P2QX"
    var messages: [RoomWire.Message] = []
    var presets: [RoomWire.Preset] = []
    /// Requests that reached the room, in order.
    private(set) var log: [String] = []

    func set(_ body: (FakeRoom) -> Void) { lock.withLock { body(self) } }
    func records(_ session: String) -> [RoomRecord] { lock.withLock { stored[session] ?? [] } }
    var requests: [String] { lock.withLock { log } }
    func joinCount(_ session: String) -> Int { lock.withLock { joins[session] ?? 0 } }
    func forget() { lock.withLock { stored.removeAll() } }

    struct Away: Error {}

    func send(_ request: RoomRequest) async throws -> RoomResponse {
        try lock.withLock {
            if away { throw Away() }
            log.append("\(request.method.rawValue) \(request.path)")
            guard sentCode == code else { return reply(403, #"{"error":"wrong code"}"#) }
            let body = request.body.map { try? JSONSerialization.jsonObject(with: Data($0)) } as? [String: Any]
            if request.path == "/api/join" {
                let id = body?["session"] as! String
                joins[id, default: 0] += 1
                if stored[id] == nil { stored[id] = [] }
                return status(id)
            }
            let parts = request.path.split(separator: "/")
            let id = String(parts[2])
            guard let have = stored[id] else { return reply(404, #"{"error":"unknown session"}"#) }
            if parts[3] == "status" { return status(id) }
            let sent = (body?["records"] as! [[String: Any]]).map {
                RoomRecord(seq: $0["seq"] as! Int, data: Array(try! JSONSerialization.data(withJSONObject: $0["data"]!, options: .sortedKeys)))
            }
            // A record below next that differs: the group rewrote its journal (:terug), and
            // the room's copy is replaced from there.
            if let changed = sent.first(where: { r in r.seq - 2 < have.count && have[r.seq - 2] != r }) {
                stored[id] = Array(have[..<(changed.seq - 2)]) + sent.filter { $0.seq >= changed.seq }
                return status(id)
            }
            let next = (have.last?.seq ?? 1) + 1
            let new = sent.filter { $0.seq >= next }
            if let first = new.first, first.seq > next { return status(id, code: 409) }
            stored[id] = have + new
            // `end`: the group's journal ends there; what the room has beyond was undone.
            if let end = body?["end"] as? Int { stored[id] = stored[id]!.filter { $0.seq <= end } }
            return status(id)
        }
    }

    private func status(_ id: String, code: Int = 200) -> RoomResponse {
        let status = RoomWire.Status(next: (stored[id]?.last?.seq ?? 1) + 1, messages: messages, presets: presets)
        return RoomResponse(status: code, body: Array(try! JSONEncoder().encode(status)))
    }

    private func reply(_ code: Int, _ text: String) -> RoomResponse { RoomResponse(status: code, body: Array(text.utf8)) }

    func shutdown() async {}
}

/// Passes requests to `room` but, while held, keeps the answer to a records request back
/// after the room has taken it in (an acknowledgement still on its way).
final class HeldAnswers: RoomTransport, @unchecked Sendable {
    private let room: FakeRoom
    private let lock = NSLock()
    private var held = false

    init(_ room: FakeRoom) { self.room = room }

    func hold(_ value: Bool) { lock.withLock { held = value } }

    func send(_ request: RoomRequest) async throws -> RoomResponse {
        let response = try await room.send(request)
        if request.path.hasSuffix("/records") {
            while lock.withLock({ held }) { try? await Task.sleep(nanoseconds: 5_000_000) }
        }
        return response
    }

    func shutdown() async {}
}

let fast = RoomTiming(poll: 0.05, firstRetry: 0.01, maxRetry: 0.05)
let session = RoomSession(id: "20261202-010000-blauw-ab12", header: Array(#"{"app":"casus"}"#.utf8), sources: ["a.casus": "titel: A"])

func records(_ seqs: ClosedRange<Int>) -> [RoomRecord] {
    seqs.map { RoomRecord(seq: $0, data: Array(#"{"at":\#($0),"event":"resumed"}"#.utf8)) }
}

/// Waits (bounded) until `condition` holds; the link works in the background.
func eventually(_ condition: () -> Bool) async -> Bool {
    for _ in 0..<400 {
        if condition() { return true }
        try? await Task.sleep(nanoseconds: 10_000_000)
    }
    return condition()
}

@Suite("The room link sends the journal")
struct RoomLinkTests {
    @Test("every record arrives once, in order, in batches no larger than asked")
    func sendsInOrder() async {
        let room = FakeRoom()
        let link = RoomLink(transport: room, timing: RoomTiming(poll: 0.05, firstRetry: 0.01, maxRetry: 0.05, batchRecords: 3))
        link.start()
        link.update(session: session, records: records(2...4))
        link.update(session: session, records: records(2...11))
        #expect(await eventually { room.records(session.id).count == 10 })
        #expect(room.records(session.id) == records(2...11))
        #expect(await link.stop(waitingUpTo: 1))
    }

    @Test("a room that is away gets everything once it is back; the link says it is away meanwhile")
    func catchesUp() async {
        let room = FakeRoom()
        room.set { $0.away = true }
        let link = RoomLink(transport: room, timing: fast)
        link.start()
        link.update(session: session, records: records(2...5))
        #expect(await eventually { link.isUnreachable })
        room.set { $0.away = false }
        #expect(await eventually { room.records(session.id).count == 4 })
        #expect(await eventually { !link.isUnreachable })
        #expect(room.records(session.id) == records(2...5))
        await link.stop(waitingUpTo: 1)
    }

    @Test("a room that forgot the session (404) is joined again and sent everything from the start")
    func rejoins() async {
        let room = FakeRoom()
        let link = RoomLink(transport: room, timing: fast)
        link.start()
        link.update(session: session, records: records(2...4))
        #expect(await eventually { room.records(session.id).count == 3 })
        room.forget()
        link.update(session: session, records: records(2...6))
        #expect(await eventually { room.records(session.id).count == 5 })
        #expect(room.records(session.id) == records(2...6))
        #expect(room.joinCount(session.id) == 2)
        await link.stop(waitingUpTo: 1)
    }

    @Test("when the room has more than the link thought, nothing is sent twice; when it has less (409), the gap is filled")
    func resendsFromNext() async {
        let room = FakeRoom()
        // The room already has 2...3 from an earlier run of this session.
        let first = RoomLink(transport: room, timing: fast)
        first.start()
        first.update(session: session, records: records(2...3))
        #expect(await eventually { room.records(session.id).count == 2 })
        await first.stop(waitingUpTo: 1)
        // A resumed group joins again: the room says next = 4, so 2 and 3 are not sent again.
        let link = RoomLink(transport: room, timing: fast)
        #expect(await link.check(session: session) == .welcome)
        #expect(link.roomNext == 4)
        link.start()
        link.update(session: session, records: records(2...7))
        #expect(await eventually { room.records(session.id).count == 6 })
        #expect(room.records(session.id) == records(2...7))
        await link.stop(waitingUpTo: 1)
    }

    @Test("a batch that starts past the room's next is answered 409 and resent from next")
    func gapIsResent() async throws {
        let room = FakeRoom()
        let link = RoomLink(transport: room, timing: fast)
        _ = try await room.send(RoomRequest(method: .post, path: "/api/join", body: RoomBody.join(session)))
        // Tell the link (wrongly) that the room is at 5; the room answers 409 with next = 2.
        _ = await link.check(session: session)
        link.update(session: session, records: records(2...6))
        link.forceNext(5)
        link.start()
        #expect(await eventually { room.records(session.id).count == 5 })
        #expect(room.records(session.id) == records(2...6))
        await link.stop(waitingUpTo: 1)
    }

    @Test("after :terug rewrote the journal, the room ends with the journal as it now is")
    func undo() async {
        let room = FakeRoom()
        let link = RoomLink(transport: room, timing: fast)
        link.start()
        link.update(session: session, records: records(2...5))
        #expect(await eventually { room.records(session.id).count == 4 })
        // :terug removes seq 5; the group answers again, differently, at seq 5 and goes on.
        link.update(session: session, records: records(2...4))
        var again = records(2...6)
        again[3] = RoomRecord(seq: 5, data: Array(#"{"at":55,"event":"resumed"}"#.utf8))
        link.update(session: session, records: again)
        #expect(await eventually { room.records(session.id) == again })
        #expect(room.records(session.id) == again)
        await link.stop(waitingUpTo: 1)
    }

    @Test("after :terug removed the last record and nothing followed, the room drops it too and the link waits for that")
    func undoThenNothing() async {
        let room = FakeRoom()
        let link = RoomLink(transport: room, timing: fast)
        link.start()
        link.update(session: session, records: records(2...5))
        #expect(await eventually { room.records(session.id).count == 4 })
        #expect(await eventually { link.isCaughtUp })
        // :terug removes seq 5, then the group quits: no record follows to carry the change.
        link.update(session: session, records: records(2...4))
        #expect(await link.stop(waitingUpTo: 30))
        #expect(room.records(session.id) == records(2...4))
    }

    @Test("an undo while the room's answer to that record is still on its way: the room drops it too")
    func undoWhileTheAcknowledgementIsInFlight() async {
        let room = FakeRoom()
        let gate = HeldAnswers(room)
        let link = RoomLink(transport: gate, timing: fast)
        link.start()
        link.update(session: session, records: records(2...4))
        #expect(await eventually { link.isCaughtUp })
        gate.hold(true)
        link.update(session: session, records: records(2...5))
        // The room has stored seq 5; its answer is held, so the link still thinks next is 5.
        #expect(await eventually { room.records(session.id).count == 4 })
        link.update(session: session, records: records(2...4))
        gate.hold(false)
        #expect(await link.stop(waitingUpTo: 30))
        #expect(room.records(session.id) == records(2...4))
    }

    @Test("messages sent after joining are handed out once each (older ones are not), presets are kept, and a status poll brings new ones while idle")
    func messagesAndPresets() async {
        let room = FakeRoom()
        room.set { $0.messages = [RoomWire.Message(id: 1, text: "Welkom")] }
        let link = RoomLink(transport: room, timing: fast)
        link.start()
        link.update(session: session, records: records(2...2))
        #expect(await eventually { link.roomNext == 3 })
        room.set { $0.messages = [RoomWire.Message(id: 1, text: "Welkom"), RoomWire.Message(id: 2, text: "Over 2 minuten plenair")] }
        #expect(await eventually { !link.peekMessages().isEmpty })
        #expect(link.takeMessages().map(\.text) == ["Over 2 minuten plenair"])
        room.set {
            $0.messages = [RoomWire.Message(id: 1, text: "Welkom"), RoomWire.Message(id: 2, text: "Over 2 minuten plenair"), RoomWire.Message(id: 3, text: "Terug naar de zaal")]
            $0.presets = [RoomWire.Preset(key: "onderwerp", answer: "3", label: "Melden")]
        }
        #expect(await eventually { link.preset(for: "onderwerp") != nil })
        #expect(await eventually { !link.peekMessages().isEmpty })
        #expect(link.takeMessages().map(\.text) == ["Terug naar de zaal"])
        #expect(link.takeMessages().isEmpty)
        #expect(link.preset(for: "onderwerp")?.answer == "3")
        await link.stop(waitingUpTo: 1)
    }

    @Test("records that come while the link gathers go in one request, and stop sends them at once")
    func gathers() async {
        let room = FakeRoom()
        // A pause far longer than the test: only `stop` can end it.
        let link = RoomLink(transport: room, timing: RoomTiming(poll: 0.05, firstRetry: 0.01, maxRetry: 0.05, gather: 3600))
        link.start()
        link.update(session: session, records: records(2...2))
        #expect(await eventually { room.joinCount(session.id) == 1 })
        for seq in 3...6 {
            // Time enough for a link that sends each record at once to do so.
            try? await Task.sleep(nanoseconds: 50_000_000)
            #expect(link.append(sessionID: session.id, record: records(seq...seq)[0]))
        }
        // Returns as soon as the room has everything; the long bound is for a busy machine,
        // where the test process's concurrency pool may be slow to run the link.
        #expect(await link.stop(waitingUpTo: 30))
        #expect(room.records(session.id) == records(2...6))
        #expect(room.requests.filter { $0.hasSuffix("/records") }.count == 1)
    }

    @Test("append takes only the record that follows the last one, for the same session")
    func appendFollowsOn() async {
        let room = FakeRoom()
        let link = RoomLink(transport: room, timing: fast)
        #expect(!link.append(sessionID: session.id, record: records(2...2)[0]))
        link.update(session: session, records: records(2...3))
        #expect(!link.append(sessionID: session.id, record: records(5...5)[0]))
        #expect(!link.append(sessionID: "another-session", record: records(4...4)[0]))
        #expect(link.append(sessionID: session.id, record: records(4...4)[0]))
        link.start()
        // Returns as soon as the room has everything; the long bound is for a busy machine,
        // where the test process's concurrency pool may be slow to run the link.
        #expect(await link.stop(waitingUpTo: 30))
        #expect(room.records(session.id) == records(2...4))
    }

    @Test("the start-up check tells a wrong code from an absent room")
    func check() async {
        let room = FakeRoom()
        room.set { $0.sentCode = "AAAAAA" }
        #expect(await RoomLink(transport: room).check(session: nil) == .wrongCode)
        room.set { $0.sentCode = $0.code }
        #expect(await RoomLink(transport: room).check(session: nil) == .welcome)
        room.set { $0.away = true }
        #expect(await RoomLink(transport: room).check(session: nil) == .unreachable)
    }

    @Test("addresses as a group types them")
    func addresses() {
        #expect(RoomAddress(url: "192.168.1.20", code: "k7p2qx")?.base == "http://192.168.1.20:8686")
        #expect(RoomAddress(url: "http://localhost:9000/", code: "K7P2-QX")?.code == "K7P2QX")
        #expect(RoomAddress(url: "https://room", code: "K7P2QX") == nil)
        #expect(RoomAddress(url: "room:8686", code: "") == nil)
    }

    @Test("bodies carry the journal's objects byte for byte")
    func bodies() throws {
        let body = RoomBody.records(records(2...3), end: 4)
        let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        #expect((object?["records"] as? [[String: Any]])?.map { $0["seq"] as? Int } == [2, 3])
        #expect(object?["end"] as? Int == 4)
        let join = try JSONSerialization.jsonObject(with: Data(RoomBody.join(session))) as? [String: Any]
        #expect(join?["session"] as? String == session.id)
        #expect((join?["header"] as? [String: Any])?["app"] as? String == "casus")
    }

    @Test("the bodies the link writes by hand are what the room's own types read")
    func bodiesFitTheRoomsTypes() throws {
        let sent = records(2...3)
        let decoded = try JSONDecoder().decode(RoomWire.Records.self, from: Data(RoomBody.records(sent, end: 3)))
        #expect(decoded.records.map(\.seq) == [2, 3])
        #expect(decoded.records.map { Array($0.data.data) } == sent.map(\.data))
        #expect(decoded.end == 3)
        let join = try JSONDecoder().decode(RoomWire.Join.self, from: Data(RoomBody.join(session)))
        #expect(join.session == session.id)
        #expect(Array(join.header.data) == session.header)
        #expect(join.sources == session.sources)
        let failure = try JSONEncoder().encode(RoomWire.Failure(error: "wrong code"))
        #expect(RoomBody.errorMessage(Array(failure)) == "wrong code")
    }
}
