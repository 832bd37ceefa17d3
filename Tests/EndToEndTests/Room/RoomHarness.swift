import Foundation
import TestSupport

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `casus room` of the built binary on a free loopback port, in its own folder, and the
/// HTTP requests a test makes to it.
final class RoomProcess {
    let directory: URL
    let process: Process
    let output: URL
    /// `http://127.0.0.1:PORT`.
    let base: String
    let code: String
    let token: String

    /// Starts the room and waits (with a deadline) until it prints its link.
    init(directory: URL, environment: [String: String] = [:], language: String = "nl") throws {
        self.directory = directory
        let binary = try TestEnvironment.binary(named: "casus").orThrow("build casus first")
        output = directory.deletingLastPathComponent().appendingPathComponent("room-\(UUID().uuidString).out")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["room", "--listen", "127.0.0.1:0", "--dir", directory.path, "--lang", language]
        process.environment = TestEnvironment.base.merging(environment) { $1 }
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        var text = ""
        while Date() < deadline {
            text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            if text.contains("/f/") { break }
            if !process.isRunning { break }
            usleep(20_000)
        }
        guard let link = text.firstMatch(of: /(http:\/\/127\.0\.0\.1:\d+)\/f\/([0-9a-f]{32})/),
            let code = text.firstMatch(of: /Code: ([A-Z0-9]{6})/)
        else {
            process.terminate()
            throw HarnessFailure("casus room did not print its link: \(text)")
        }
        base = String(link.1)
        token = String(link.2)
        self.code = String(code.1)
    }

    /// Everything the room printed so far.
    var printed: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }

    /// kill -9: no chance to clean up.
    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Ctrl-C; returns the exit status, or nil when the room has not stopped within 30 s
    /// (then it is killed).
    func interrupt() -> Int32? {
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        guard !process.isRunning else {
            kill9()
            return nil
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill9() }
    }

    struct Reply {
        var status: Int
        var body: Data
        var headers: [String: String]
        var text: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> [String: Any] {
            try (JSONSerialization.jsonObject(with: body) as? [String: Any]).orThrow("not a JSON object: \(text)")
        }
    }

    /// One request; `code` nil sends no join code.
    func request(_ method: String, _ path: String, json: Any? = nil, raw: Data? = nil, code: String?? = .none) async throws -> Reply {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        switch code {
        case .none: request.setValue(self.code, forHTTPHeaderField: "X-Casus-Code")
        case .some(.some(let given)): request.setValue(given, forHTTPHeaderField: "X-Casus-Code")
        case .some(.none): break
        }
        if let json { request.httpBody = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]) }
        if let raw { request.httpBody = raw }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try (response as? HTTPURLResponse).orThrow("no HTTP response")
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
        }
        return Reply(status: http.statusCode, body: data, headers: headers)
    }

    func facilitator(_ path: String, token: String? = nil) async throws -> Reply {
        try await request("GET", "/f/\(token ?? self.token)\(path)")
    }
}

/// A group's session played from its playthrough script with the built binary: the journal
/// lines the group side would send, and the join body.
struct PlayedSession {
    let id: String
    let header: [String: Any]
    /// Records from seq 2 on, as `{"seq":…,"data":…}`.
    let records: [[String: Any]]
    let sources: [String: String]

    static let root: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir.deleteLastPathComponent()
        }
        return dir
    }()

    /// Plays `scenario` (a bundled scenario's name without .casus) into `store` and reads
    /// back the newest session's journal. `script` replaces the bundled playthrough.
    static func play(_ scenario: String, store: URL, script: String? = nil) throws -> PlayedSession {
        let binary = try TestEnvironment.binary(named: "casus").orThrow("build casus first")
        let scenarioURL = root.appendingPathComponent("Scenarios/\(scenario).casus")
        var answers = root.appendingPathComponent("Tests/Fixtures/Playthroughs/\(scenario).answers")
        if let script {
            answers = store.deletingLastPathComponent().appendingPathComponent("\(UUID().uuidString).answers")
            try script.write(to: answers, atomically: true, encoding: .utf8)
        }
        let before = Set((try? FileManager.default.contentsOfDirectory(atPath: store.path)) ?? [])
        let result = try runProcess(
            binary: binary, arguments: ["play", scenarioURL.path, "--answers", answers.path, "--dir", store.path],
            environment: TestEnvironment.base.merging(["CASUS_LANG": "nl"]) { $1 })
        guard result.status == 0 else { throw HarnessFailure("play failed: \(result.stderr)") }
        // Session folders only: the store also keeps hidden files of its own (`.finished`).
        let after = Set(try FileManager.default.contentsOfDirectory(atPath: store.path).filter { !$0.hasPrefix(".") })
        let id = try after.subtracting(before).first.orThrow("no new session")
        let journal = try String(contentsOf: store.appendingPathComponent("\(id)/journal.jsonl"), encoding: .utf8)
        let lines = try journal.split(separator: "\n").map {
            try (JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]).orThrow("bad line")
        }
        let header = try (lines[0]["data"] as? [String: Any]).orThrow("no header")
        var sources = ["\(scenario).casus": try String(contentsOf: scenarioURL, encoding: .utf8)]
        let shared = root.appendingPathComponent("Scenarios/gedeeld")
        for name in try FileManager.default.contentsOfDirectory(atPath: shared.path) where name.hasSuffix(".casus") {
            sources["gedeeld/\(name)"] = try String(contentsOf: shared.appendingPathComponent(name), encoding: .utf8)
        }
        return PlayedSession(
            id: id, header: header, records: lines.dropFirst().map { ["seq": $0["seq"]!, "data": $0["data"]!] },
            sources: sources)
    }

    var join: [String: Any] { ["session": id, "header": header, "sources": sources] }

    func records(_ range: Range<Int>) -> [String: Any] {
        ["records": Array(records[range.clamped(to: 0..<records.count)])]
    }
}

struct HarnessFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Optional {
    func orThrow(_ message: String) throws -> Wrapped {
        guard let self else { throw HarnessFailure(message) }
        return self
    }
}
