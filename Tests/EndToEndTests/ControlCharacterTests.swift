import Foundation
import Testing
import TestSupport

/// Answers holding terminal control sequences (a window title `ESC ] 0 ; … BEL`, a screen
/// clear `ESC [ 2 J`, the one-character CSI U+009B) go through a real play under a
/// pseudo-terminal; what casus then prints to a terminal, and the Markdown and HTML files
/// it writes, hold none of them raw, while the JSON sheet keeps the original text.
@Suite struct ControlCharacterTests {
    static let retitle = "\u{1B}]0;gehackt\u{07}"
    static let clear = "\u{1B}[2J"
    static let csi = "\u{9B}31m"
    static let answer = "Eerst \(retitle) dan \(clear) en \(csi) einde"
    static let group = "Groep \(clear)Rood"

    static let scenario = """
        titel: Stuurtekens
        stap "Verkennen" (5 min)
            vraag wat (tekst): Wat gebeurde er?
        einde

        """

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casus-controls-\(UUID().uuidString)")
    var store: String { folder.appendingPathComponent("store").path }
    var environment: [String: String] { TestEnvironment.base.merging(["CASUS_DIR": store, "CASUS_FAKE_CLOCK": "1700000000"]) { $1 } }

    func binary() throws -> String {
        try #require(TestEnvironment.binary(named: "casus"), "build casus first")
    }

    /// The raw control characters of the answer: ESC, BEL and the C1 CSI.
    static func rawControls(in bytes: [UInt8]) -> [String] {
        var found: [String] = []
        if bytes.contains(0x1B) { found.append("ESC") }
        if bytes.contains(0x07) { found.append("BEL") }
        // U+009B in UTF-8.
        if zip(bytes, bytes.dropFirst()).contains(where: { $0 == 0xC2 && $1 == 0x9B }) { found.append("CSI") }
        return found
    }

    /// Runs `casus` under a pseudo-terminal and returns every byte it sent to the terminal.
    func onTerminal(_ arguments: [String]) throws -> [UInt8] {
        let terminal = try PseudoTerminal(binary: try binary(), arguments: arguments, environment: environment, columns: 100, rows: 40)
        let status = try terminal.waitForExit(timeout: 30)
        #expect(status == 0, "\(arguments): \(terminal.output)")
        return terminal.outputBytes
    }

    /// Plays the scenario under a pseudo-terminal with the answers from a script; returns
    /// the session id.
    func play() throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let scenario = folder.appendingPathComponent("stuur.casus")
        try Data(Self.scenario.utf8).write(to: scenario)
        let script = folder.appendingPathComponent("stuur.answers")
        try Data("groep: \(Self.group)\nleden: Anna, Bram\nwat: \(Self.answer)\n".utf8).write(to: script)
        let played = try onTerminal(["play", scenario.path, "--answers", script.path])
        #expect(Self.rawControls(in: played) == [], "play echoed: \(String(decoding: played, as: UTF8.self))")
        let list = try runProcess(binary: try binary(), arguments: ["sessions", "--format", "json"], environment: environment)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        return try #require(rows.first?["id"] as? String)
    }

    @Test func nothingRawReachesTheTerminalFromSheetReportAndSessions() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let id = try play()
        for arguments in [
            ["sheet", id], ["sheet", id, "--format", "html"], ["sheet", id, "--format", "json"],
            ["report", id], ["report", id, "--format", "html"], ["sessions"],
        ] {
            let shown = try onTerminal(arguments)
            #expect(Self.rawControls(in: shown) == [], "\(arguments): \(String(decoding: shown, as: UTF8.self))")
            // Shown, not dropped: the escape is visible as its control picture.
            let visible = arguments.contains("json") ? "\\u001b[2J" : "\u{241B}[2J"
            #expect(String(decoding: shown, as: UTF8.self).contains(visible), "\(arguments)")
        }
    }

    @Test func markdownAndHTMLOnDiskHoldNoneAndJSONKeepsTheOriginal() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let id = try play()
        let session = URL(fileURLWithPath: store).appendingPathComponent(id)
        for name in ["sheet.md", "sheet.html"] {
            let bytes = try [UInt8](Data(contentsOf: session.appendingPathComponent(name)))
            #expect(Self.rawControls(in: bytes) == [], "\(name)")
            #expect(String(decoding: bytes, as: UTF8.self).contains("\u{241B}]0;gehackt\u{2407}"), "\(name)")
        }
        let json = try [UInt8](Data(contentsOf: session.appendingPathComponent("sheet.json")))
        // Escaped as JSON does, so the file is safe to show too …
        #expect(Self.rawControls(in: json) == [])
        #expect(String(decoding: json, as: UTF8.self).contains("\\u001b]0;gehackt\\u0007"))
        #expect(String(decoding: json, as: UTF8.self).contains("\\u009b31m"))
        // … and it reads back as exactly what the group typed.
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\\u001b[2J"))
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        let flattened = Self.strings(in: decoded)
        #expect(flattened.contains(Self.answer), "\(flattened)")
        #expect(flattened.contains(Self.group), "\(flattened)")
    }

    /// Every string anywhere in a decoded JSON value.
    static func strings(in value: Any) -> [String] {
        switch value {
        case let s as String: [s]
        case let array as [Any]: array.flatMap(strings)
        case let object as [String: Any]: object.values.flatMap(strings)
        default: []
        }
    }
}
