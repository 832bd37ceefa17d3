import Foundation
import Testing
import TestSupport

/// `:blad alles` on a real terminal: longer than the screen it goes through `$PAGER`;
/// when it fits, it is written to the screen as is.
@Suite struct SheetPagerTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casus-pager-\(UUID().uuidString)")

    func play(rows: UInt16) throws -> (PseudoTerminal, paged: String) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let scenario = folder.appendingPathComponent("blad.casus").path
        try """
            titel: Blad
            taken: notulist
            stap "Verkennen" (5 min)
                vraag wat (tekst): Wat gebeurde er?
                vraag wie (tekst): Wie deed mee?
            einde

            """.write(toFile: scenario, atomically: true, encoding: .utf8)
        let paged = folder.appendingPathComponent("paged.txt").path
        let binary = try #require(TestEnvironment.binary(named: "casus"))
        let environment = TestEnvironment.base.merging([
            "CASUS_DIR": folder.appendingPathComponent("store").path, "PAGER": "cat > '\(paged)'",
        ]) { $1 }
        let terminal = try PseudoTerminal(binary: binary, arguments: ["play", scenario], environment: environment, columns: 60, rows: rows)
        try terminal.waitFor("Hoe heet jullie groep?")
        try terminal.waitFor("> ")
        try terminal.send("Groep Rood\r")
        for name in ["Anna", "Bram"] {
            try terminal.waitFor("> ")
            try terminal.send(name + "\r")
        }
        try terminal.waitFor("lid 3> ")
        try terminal.send("\r")
        try terminal.waitFor("> ")
        try terminal.send("1\r")
        try terminal.waitFor("Wat gebeurde er?")
        try terminal.waitFor("> ")
        try terminal.send("Sam werd buitengesloten in de groepsapp.\r")
        try terminal.waitFor("Wie deed mee?")
        try terminal.waitFor("> ")
        try terminal.send(":blad alles\r")
        try terminal.waitFor("Wie deed mee?")
        try terminal.waitFor("> ")
        try terminal.send(":stop\r")
        #expect(try terminal.waitForExit() == 0)
        return (terminal, paged)
    }

    @Test func longerThanTheScreenGoesThroughThePager() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (terminal, paged) = try play(rows: 6)
        let text = try String(contentsOfFile: paged, encoding: .utf8)
        #expect(text.contains("Alle antwoorden tot nu toe"))
        #expect(text.contains("Sam werd buitengesloten in de groepsapp."))
        #expect(!terminal.output.contains("Alle antwoorden tot nu toe"))
    }

    @Test func whatFitsTheScreenIsWrittenToIt() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (terminal, paged) = try play(rows: 40)
        #expect(!FileManager.default.fileExists(atPath: paged))
        #expect(terminal.output.contains("Alle antwoorden tot nu toe"))
    }
}
