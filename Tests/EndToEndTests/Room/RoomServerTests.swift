import Foundation
import Testing
import TestSupport

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `casus room` end to end: the built binary on loopback, requests made by the test, groups'
/// journals from real playthroughs.
@Suite("Room server")
struct RoomServerTests {
    let temp: URL
    let store: URL

    init() throws {
        temp = FileManager.default.temporaryDirectory.appendingPathComponent("casus-room-\(UUID().uuidString)")
        store = temp.appendingPathComponent("store")
        try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
    }

    func room(_ environment: [String: String] = [:]) throws -> RoomProcess {
        try RoomProcess(directory: temp.appendingPathComponent("room"), environment: environment)
    }

    @Test("join, records in order, a resend not counted twice, a gap asked for again")
    func recordsInOrder() async throws {
        let room = try room()
        let group = try PlayedSession.play("vo1-afpersing-havo4", store: store)
        let joined = try await room.request("POST", "/api/join", json: group.join)
        #expect(joined.status == 200)
        #expect(try joined.json()["next"] as? Int == 2)
        // Joining again with the same sources is a reconnect.
        #expect(try await room.request("POST", "/api/join", json: group.join).status == 200)

        let first = try await room.request("POST", "/api/sessions/\(group.id)/records", json: group.records(0..<3))
        #expect(first.status == 200)
        #expect(try first.json()["next"] as? Int == 5)
        // A resend of records the room has, with one new one: only the new one counts.
        let resend = try await room.request("POST", "/api/sessions/\(group.id)/records", json: group.records(1..<4))
        #expect(try resend.json()["next"] as? Int == 6)
        // A gap: nothing stored, 409 with the status saying where to resume.
        let gap = try await room.request("POST", "/api/sessions/\(group.id)/records", json: group.records(6..<8))
        #expect(gap.status == 409)
        #expect(try gap.json()["next"] as? Int == 6)
        #expect(try gap.json()["error"] is String)
        let status = try await room.request("GET", "/api/sessions/\(group.id)/status")
        #expect(try status.json()["next"] as? Int == 6)

        let rest = try await room.request("POST", "/api/sessions/\(group.id)/records", json: group.records(4..<group.records.count))
        #expect(try rest.json()["next"] as? Int == group.records.count + 2)
        let row = try #require(try await overviewRows(room).first)
        #expect(row["answers"] as? Int == group.records.filter { ($0["data"] as? [String: Any])?["event"] as? String == "answer" }.count)
        #expect(row["finished"] as? Bool == true)
        // The room keeps the group's records with the group's sequence numbers.
        let journal = try String(
            contentsOf: room.directory.appendingPathComponent("groups/\(group.id)/journal"), encoding: .utf8)
        #expect(journal.split(separator: "\n").count == group.records.count + 1)
    }

    @Test("refusals: another scenario, malformed JSON, oversized, wrong code, no token, a record that does not fit")
    func refusals() async throws {
        let room = try room()
        let group = try PlayedSession.play("vo1-afpersing-havo4", store: store)
        #expect(try await room.request("POST", "/api/join", json: group.join).status == 200)

        var other = group.join
        other["sources"] = ["vo1-afpersing-havo4.casus": try String(
            contentsOf: PlayedSession.root.appendingPathComponent("Scenarios/vo2-klassenapp-vmbo2.casus"), encoding: .utf8)]
        #expect(try await room.request("POST", "/api/join", json: other).status == 409)

        #expect(try await room.request("POST", "/api/join", raw: Data("{\"session\":".utf8)).status == 400)
        #expect(try await room.request("POST", "/api/join", json: ["session": "x"]).status == 400)
        let huge = Data(("{\"records\":[],\"pad\":\"" + String(repeating: "x", count: 600 * 1024) + "\"}").utf8)
        let oversized = try await room.request("POST", "/api/sessions/\(group.id)/records", raw: huge)
        #expect(oversized.status == 413)
        #expect(try oversized.json()["error"] is String)

        #expect(try await room.request("GET", "/api/sessions/\(group.id)/status", code: "AAAAAA").status == 403)
        #expect(try await room.request("GET", "/api/sessions/\(group.id)/status", code: .some(nil)).status == 403)
        #expect(try await room.request("POST", "/api/join", json: group.join, code: .some(nil)).status == 403)
        #expect(try await room.facilitator("/overview.json", token: String(repeating: "0", count: 32)).status == 403)
        #expect(try await room.facilitator("", token: "nope").status == 403)

        #expect(try await room.request("GET", "/api/sessions/20260101-000000-unknown-0000/status").status == 404)

        // A record of another scenario's question: 422, nothing stored.
        let setup = group.records[0]
        let foreign: [String: Any] = ["seq": 3, "data": ["event": "answer", "at": 1_700_000_100, "key": "onderwerp", "value": ["type": "choice", "option": "1"]]]
        let bad = try await room.request("POST", "/api/sessions/\(group.id)/records", json: ["records": [setup, foreign]])
        #expect(bad.status == 422)
        let notEvent = try await room.request("POST", "/api/sessions/\(group.id)/records", json: ["records": [["seq": 2, "data": ["event": "dance"]]]])
        #expect(notEvent.status == 422)
        #expect(try await room.request("GET", "/api/sessions/\(group.id)/status").json()["next"] as? Int == 2)

        // A scenario that does not check: 422 with the place of the first error.
        var broken = group.join
        broken["session"] = "20260101-000000-broken-0000"
        broken["sources"] = ["vo1-afpersing-havo4.casus": "titel: x\nstap \"A\"\n"]
        let refused = try await room.request("POST", "/api/join", json: broken)
        #expect(refused.status == 422)
        #expect(try (refused.json()["error"] as? String)?.contains("vo1-afpersing-havo4.casus:") == true)
    }

    @Test("too many requests: 429")
    func rateLimit() async throws {
        let room = try room(["CASUS_ROOM_RATE": "1/5"])
        let group = try PlayedSession.play("vo1-afpersing-havo4", store: store)
        _ = try await room.request("POST", "/api/join", json: group.join)
        var statuses: [Int] = []
        for _ in 0..<20 { statuses.append(try await room.request("GET", "/api/sessions/\(group.id)/status").status) }
        #expect(statuses.prefix(5).allSatisfy { $0 == 200 })
        #expect(statuses.contains(429))
    }

    @Test("guessing the code: after 20 wrong codes from one address, 429")
    func guessingTheCode() async throws {
        let room = try room()
        var statuses: [Int] = []
        for index in 0..<40 {
            let session = "20260101-000000-guess-\(String(format: "%04d", index))"
            statuses.append(try await room.request("GET", "/api/sessions/\(session)/status", code: "AAAAAA").status)
        }
        #expect(statuses.prefix(20).allSatisfy { $0 == 403 })
        #expect(statuses.suffix(10).contains(429))
    }

    @Test("a group named <script> is shown as text; pages forbid inline script")
    func hostileName() async throws {
        let room = try room()
        let script = try String(
            contentsOf: PlayedSession.root.appendingPathComponent("Tests/Fixtures/Playthroughs/vo1-afpersing-havo4.answers"), encoding: .utf8)
        let hostile = script.replacingOccurrences(
            of: #"(?m)^groep:.*$"#, with: "groep: <script>alert(1)</script>", options: .regularExpression)
        let group = try PlayedSession.play("vo1-afpersing-havo4", store: store, script: hostile)
        _ = try await room.request("POST", "/api/join", json: group.join)
        _ = try await room.request("POST", "/api/sessions/\(group.id)/records", json: group.records(0..<group.records.count))

        let page = try await room.facilitator("")
        #expect(page.status == 200)
        let policy = try #require(page.headers["content-security-policy"])
        #expect(policy.contains("script-src 'self'"))
        #expect(!policy.contains("unsafe-inline"))
        for path in ["/groups/\(group.id)/sheet.html", "/report.html", "/plenair", "/verslag"] {
            let reply = try await room.facilitator(path)
            #expect(reply.status == 200, "\(path)")
            #expect(!reply.text.contains("<script>alert"), "\(path)")
        }
        let sheet = try await room.facilitator("/groups/\(group.id)/sheet.html")
        #expect(sheet.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(sheet.headers["content-security-policy"]?.contains("script-src") == false)
        // The overview's data carries the name as data; the script puts it on the page as text.
        let js = try await room.request("GET", "/static/room.js")
        #expect(!js.text.contains("innerHTML"))
        #expect(try await overviewRows(room).first?["group"] as? String == "<script>alert(1)</script>")
    }

    @Test("topics handed out in join order; a changed topic reaches the group's status; the report holds every answer")
    func topicsAndReport() async throws {
        let room = try room()
        let vo1 = try PlayedSession.play("vo1-afpersing-havo4", store: store)
        let a = try PlayedSession.play("opdracht2-aanpak-school", store: store)
        let b = try PlayedSession.play("opdracht2-aanpak-school", store: store)
        var presets: [[[String: Any]]] = []
        for group in [vo1, a, b] {
            let joined = try await room.request("POST", "/api/join", json: group.join)
            presets.append(try joined.json()["presets"] as? [[String: Any]] ?? [])
            _ = try await room.request("POST", "/api/sessions/\(group.id)/records", json: group.records(0..<group.records.count))
        }
        #expect(presets[0].isEmpty)
        #expect(presets[1].first?["key"] as? String == "onderwerp")
        #expect(presets[1].first?["answer"] as? String == "1")
        #expect(presets[2].first?["answer"] as? String == "2")
        #expect((presets[2].first?["label"] as? String)?.contains("slachtoffer") == true)

        let changed = try await room.request("POST", "/f/\(room.token)/groups/\(b.id)/topic", json: ["topic": 5])
        #expect(changed.status == 200)
        let status = try await room.request("GET", "/api/sessions/\(b.id)/status").json()
        #expect((status["presets"] as? [[String: Any]])?.first?["answer"] as? String == "5")

        let message = try await room.request("POST", "/f/\(room.token)/messages", json: ["text": "Over 2 minuten plenair"])
        #expect(message.status == 200)
        let withMessage = try await room.request("GET", "/api/sessions/\(a.id)/status").json()
        #expect((withMessage["messages"] as? [[String: Any]])?.first?["text"] as? String == "Over 2 minuten plenair")

        let report = try await room.facilitator("/report.md")
        #expect(report.status == 200)
        #expect(report.headers["content-disposition"]?.contains("attachment") == true)
        for group in [vo1, a, b] {
            for record in group.records {
                guard let data = record["data"] as? [String: Any], data["event"] as? String == "answer",
                    let value = data["value"] as? [String: Any], let text = value["text"] as? String, text.count > 20
                else { continue }
                #expect(report.text.contains(text.split(separator: "\n").first.map(String.init) ?? text), "\(text)")
            }
        }
        #expect(try await room.facilitator("/report.html").text.contains("<html"))
    }

    @Test("kill -9 the room and start it again: every group exactly as before")
    func killAndRestart() async throws {
        let first = try room()
        let vo1 = try PlayedSession.play("vo1-afpersing-havo4", store: store)
        let o2 = try PlayedSession.play("opdracht2-aanpak-school", store: store)
        for group in [vo1, o2] {
            _ = try await first.request("POST", "/api/join", json: group.join)
            _ = try await first.request("POST", "/api/sessions/\(group.id)/records", json: group.records(0..<6))
        }
        _ = try await first.request("POST", "/f/\(first.token)/groups/\(o2.id)/topic", json: ["topic": 4])
        _ = try await first.request("POST", "/f/\(first.token)/messages", json: ["text": "Terug naar de zaal"])
        let before = try await first.facilitator("/report.md").text
        let rowsBefore = try await overviewRows(first).map(Self.stable)
        first.kill9()

        let second = try room()
        #expect(second.code == first.code)
        #expect(second.token == first.token)
        #expect(try await second.facilitator("/report.md").text == before)
        #expect(try await overviewRows(second).map(Self.stable) == rowsBefore)
        let status = try await second.request("GET", "/api/sessions/\(o2.id)/status").json()
        #expect(status["next"] as? Int == 8)
        #expect((status["presets"] as? [[String: Any]])?.first?["answer"] as? String == "4")
        #expect((status["messages"] as? [[String: Any]])?.count == 1)
        // The groups go on where they were.
        let rest = try await second.request("POST", "/api/sessions/\(vo1.id)/records", json: vo1.records(0..<vo1.records.count))
        #expect(try rest.json()["next"] as? Int == vo1.records.count + 2)
        // Files private.
        let attributes = try FileManager.default.attributesOfItem(atPath: second.directory.appendingPathComponent("groups/\(vo1.id)/journal").path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: second.directory.appendingPathComponent("groups").path)
        #expect((folder[.posixPermissions] as? Int) == 0o700)
        // Ctrl-C with the overview's event stream open: the room stops by itself.
        let events = try #require(URL(string: "\(second.base)/f/\(second.token)/events"))
        let stream = Task { _ = try? await URLSession.shared.data(from: events) }
        try await Task.sleep(for: .milliseconds(300))
        #expect(second.interrupt() == 0)
        stream.cancel()
        #expect(second.printed.contains("De zaal is gesloten"))
    }

    /// The overview rows without the fields that move with the clock.
    static func stable(_ row: [String: Any]) -> String {
        var row = row
        for key in ["remaining", "silentFor", "quiet"] { row[key] = nil }
        let data = try? JSONSerialization.data(withJSONObject: row, options: [.sortedKeys])
        return String(decoding: data ?? Data(), as: UTF8.self)
    }

    func overviewRows(_ room: RoomProcess) async throws -> [[String: Any]] {
        try await room.facilitator("/overview.json").json()["rows"] as? [[String: Any]] ?? []
    }
}
