import Foundation
import Testing
import TestSupport

/// `casus play` under a pseudo-terminal for what a group sees while it thinks and types
/// (issue 13): the clock that runs in the prompt, Tab per question type, a resized window.
@Suite struct PlayTerminalTests {
    static let scenario = """
        titel: Aan de terminal
        taken: notulist, tijdbewaker

        casus:
            Een meisje uit havo 4 vertelt thuis aan haar ouders dat zij en een vriendin via
            sociale media al maanden worden bedreigd door meiden van een andere klas. De
            ouders zijn boos en willen dat de school meteen ingrijpt, ook met de politie.

        rol slachtoffer: het meisje uit havo 4
            Zij durft niet meer naar school en denkt dat niemand haar gelooft.
        rol pesters: de meiden uit de andere klas

        stap "Denken" (2 min)
            vraag wat (tekst): Wat gebeurde er?
        einde

        stap "Kiezen wat jullie als groep op school willen aanpakken" (10 min)
            zeg: Jullie schreven: {wat}
            vraag onderwerp (keuze): Welk onderwerp heeft jullie groep?
                - Hoe signaleren we pester(s) bij ons op school?
                - Hoe signaleren we slachtoffer(s) bij ons op school?
            vraag nog (tekst): Nog iets?
        einde
        """

    /// Each test gets its own session store and scenario file.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casus-terminal-\(UUID().uuidString)")

    func start(clockSpeed: Int? = nil, columns: UInt16 = 100) throws -> PseudoTerminal {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("terminal.casus").path
        try Self.scenario.write(toFile: file, atomically: true, encoding: .utf8)
        var environment = TestEnvironment.base.merging([
            "CASUS_FAKE_CLOCK": "1700000000", "CASUS_LANG": "nl",
            "CASUS_DIR": folder.appendingPathComponent("store").path,
        ]) { $1 }
        if let clockSpeed { environment["CASUS_TEST_CLOCK_SPEED"] = String(clockSpeed) }
        let binary = try #require(TestEnvironment.binary(named: "casus"), "build casus first")
        let terminal = try PseudoTerminal(
            binary: binary, arguments: ["play", file], environment: environment, columns: columns, rows: 40)
        try terminal.waitFor("Hoe heet jullie groep?")
        for line in ["Groep Rood", "Anna", "Bram", "", "1", "2"] {
            try terminal.waitFor("> ")
            try terminal.send(line + "\r")
        }
        try terminal.waitFor("Succes!")
        return terminal
    }

    @Test func theClockRunsAndTheNoticesComeWhileTheGroupIsTyping() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // A minute of play per second: the 2-minute step runs out within seconds.
        let terminal = try start(clockSpeed: 60)
        try terminal.waitFor("Wat gebeurde er?")
        try terminal.waitFor("] > ")
        try terminal.send("we dachten")
        try terminal.waitFor("we dachten")
        // No key is pressed from here: the notices come by themselves, naming the timekeeper,
        // and the prompt moves on to the time over.
        try terminal.waitFor("Nog één minuut voor stap 1 (2 min). Bram (tijdbewaker)")
        try terminal.waitFor("De tijd voor stap 1 (2 min) is om. Bram (tijdbewaker)")
        try terminal.waitFor("[+")
        // What was typed is still there and is answered as a whole.
        try terminal.send(" na\r")
        try terminal.waitFor("Jullie schreven: we dachten na")
        try terminal.waitFor("] > ")
        try terminal.send(":stop\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func tabCompletesAWholeChoiceOptionAfterASpace() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let terminal = try start()
        try terminal.waitFor("] > ")
        try terminal.send("iets\r")
        try terminal.waitFor("Welk onderwerp")
        try terminal.waitFor("] > ")
        try terminal.send("Hoe signaleren we s\t")
        // Tab fills in the rest of the option on screen.
        try terminal.waitFor("Hoe signaleren we slachtoffer(s) bij ons op school? ")
        try terminal.send("\r")
        try terminal.waitFor("Nog iets?")
        try terminal.waitFor("] > ")
        try terminal.send(":stop\r")
        #expect(try terminal.waitForExit() == 0)
    }

    /// The lines of `chunk` as they stand on screen: what readline redrew after a `\r` counts.
    static func screenLines(_ chunk: String) -> [String] {
        chunk.components(separatedBy: "\r\n").map { line in
            String(line.split(separator: "\r", omittingEmptySubsequences: false).last ?? "")
        }
    }

    /// Runs `command` and checks that what it shows fits `columns`, and that it is wrapped
    /// to them rather than to something narrower.
    func expectFits(_ terminal: PseudoTerminal, _ command: String, _ columns: Int, showing marker: String) throws -> String {
        try terminal.send(command + "\r")
        try terminal.waitFor(marker)
        let chunk = try terminal.waitFor("] > ")
        let lines = Self.screenLines(chunk)
        let widest = lines.map(\.count).max() ?? 0
        #expect(widest <= columns, "\(command) at \(columns) columns: \(lines.filter { $0.count > columns })")
        #expect(widest > columns - 15, "\(command) at \(columns) columns is wrapped too narrow: \(lines)")
        return lines.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func everythingReWrapsAfterTheWindowIsResized() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let terminal = try start(columns: 100)
        try terminal.waitFor("] > ")
        terminal.resize(columns: 50)
        let shownCase = try expectFits(terminal, ":casus", 50, showing: "De casus")
        // Words stay whole: the text reads the same, only the line breaks moved.
        #expect(shownCase.contains("via sociale media al maanden worden bedreigd"))
        #expect(shownCase.contains("ook met de politie."))
        _ = try expectFits(terminal, ":rollen", 50, showing: "slachtoffer")
        _ = try expectFits(terminal, ":hulp", 50, showing: ":terug")
        terminal.resize(columns: 70)
        _ = try expectFits(terminal, ":casus", 70, showing: "De casus")
        terminal.resize(columns: 50)
        // The step header and the options of the next question.
        try terminal.send("iets\r")
        try terminal.waitFor("iets\r\n")
        let chunk = try terminal.waitFor("] > ")
        let lines = Self.screenLines(chunk)
        #expect(lines.allSatisfy { $0.count <= 50 }, "\(lines.filter { $0.count > 50 })")
        #expect(lines.contains { $0.hasPrefix("Stap 2/2 — Kiezen wat jullie als groep op") })
        let words = lines.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("1. Hoe signaleren we pester(s) bij ons op school?"))
        try terminal.send(":stop\r")
        #expect(try terminal.waitForExit() == 0)
    }
}
