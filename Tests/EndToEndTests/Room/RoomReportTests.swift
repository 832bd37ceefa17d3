import Foundation
import Testing
import TestSupport

/// What the room shows beyond the API: the same report as `casus report`, undo on the
/// group's side, English pages.
@Suite("Room report and pages")
struct RoomReportTests {
    let temp: URL
    let store: URL

    init() throws {
        temp = FileManager.default.temporaryDirectory.appendingPathComponent("casus-room-report-\(UUID().uuidString)")
        store = temp.appendingPathComponent("store")
        try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
    }

    @Test("the room's report is the report casus report makes of the same sessions")
    func sameAsCasusReport() async throws {
        let room = try RoomProcess(directory: temp.appendingPathComponent("room"))
        let groups = [
            try PlayedSession.play("vo1-afpersing-havo4", store: store),
            try PlayedSession.play("opdracht2-aanpak-school", store: store),
            try PlayedSession.play("opdracht2-aanpak-school", store: store),
        ]
        for group in groups {
            _ = try await room.request("POST", "/api/join", json: group.join)
            _ = try await room.request("POST", "/api/sessions/\(group.id)/records", json: group.records(0..<group.records.count))
        }
        let binary = try #require(TestEnvironment.binary(named: "casus"))
        for format in ["md", "html"] {
            let local = try runProcess(
                binary: binary, arguments: ["report"] + groups.map(\.id) + ["--dir", store.path, "--format", format],
                environment: TestEnvironment.base.merging(["CASUS_LANG": "nl"]) { $1 })
            #expect(local.status == 0)
            let fromRoom = try await room.facilitator(format == "md" ? "/report.md" : "/report.html").text
            #expect(fromRoom == local.stdout, "\(format)")
        }
    }

    @Test("undo on the group's side: a changed record replaces the room's copy from there on")
    func undoRewrites() async throws {
        let room = try RoomProcess(directory: temp.appendingPathComponent("room"))
        let group = try PlayedSession.play("vo1-afpersing-havo4", store: store)
        _ = try await room.request("POST", "/api/join", json: group.join)
        _ = try await room.request("POST", "/api/sessions/\(group.id)/records", json: group.records(0..<5))
        // The group undid its answer at seq 6 and answered the next question instead: its
        // journal now has record 7's event at seq 6.
        var moved = group.records[6]
        moved["seq"] = 6
        let reply = try await room.request(
            "POST", "/api/sessions/\(group.id)/records", json: ["records": [group.records[3], moved]])
        #expect(reply.status == 200)
        #expect(try reply.json()["next"] as? Int == 7)
        let journal = try String(
            contentsOf: room.directory.appendingPathComponent("groups/\(group.id)/journal"), encoding: .utf8)
        let lines = journal.split(separator: "\n")
        #expect(lines.count == 6)
        let key = ((group.records[6]["data"] as? [String: Any])?["key"] as? String) ?? "?"
        #expect(lines.last?.contains("\"key\":\"\(key)\"") == true)
    }

    @Test("a port in use: a plain sentence with another port to try, exit 1")
    func portInUse() throws {
        let room = try RoomProcess(directory: temp.appendingPathComponent("room"))
        let port = try #require(room.base.split(separator: ":").last.map(String.init))
        let binary = try #require(TestEnvironment.binary(named: "casus"))
        let second = try runProcess(
            binary: binary, arguments: ["room", "--listen", "127.0.0.1:\(port)", "--dir", temp.appendingPathComponent("other").path],
            environment: TestEnvironment.base.merging(["CASUS_LANG": "nl"]) { $1 })
        #expect(second.status == 1)
        #expect(second.stderr.contains("Poort \(port) is al in gebruik"))
        #expect(!second.stderr.contains("errno"))
    }

    @Test("casus room --lang en: the pages and the start are in English")
    func english() async throws {
        let room = try RoomProcess(directory: temp.appendingPathComponent("room"), language: "en")
        #expect(room.printed.contains("Address for the groups"))
        let page = try await room.facilitator("")
        #expect(page.text.contains("Back to the room"))
        #expect(page.text.contains("lang=\"en\""))
        let dutch = try RoomProcess(directory: temp.appendingPathComponent("room-nl"))
        #expect(try await dutch.facilitator("").text.contains("Terug naar de zaal"))
    }
}
