import Foundation
import Testing
import TestSupport

/// `casus play` as a person or a pipe sees it: the built binary under pipes and a pseudo-terminal.
///
/// Transcript determinism: the prompt shows the time left (`[mm:ss] > `) only when stdin and
/// stdout are terminals, so piped output has no clock in it; `CASUS_FAKE_CLOCK` (tests only)
/// fixes the clock so the summary's step times are always 00:00.
@Suite struct PlayTests {
    static let root: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir.deleteLastPathComponent()
        }
        return dir
    }()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// Each test gets its own session store, so no earlier session is offered for resuming.
    let environment = TestEnvironment.base.merging([
        "CASUS_FAKE_CLOCK": "1700000000", "CASUS_LANG": "nl",
        "CASUS_DIR": FileManager.default.temporaryDirectory.appendingPathComponent("casus-play-\(UUID().uuidString)").path,
    ]) { $1 }

    /// The output without the line naming the sheet file, whose folder name is unique per run.
    static func withoutSheetLocation(_ text: String) -> String {
        let labels = ["Het blad staat in:", "The sheet is at:", "Om af te drukken, open in de browser:", "To print, open in a browser:"]
        var kept: [Substring] = []
        var pathFollows = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if pathFollows {
                pathFollows = false
                if line.hasPrefix("  /") { continue }
            }
            if let label = labels.first(where: { line.hasPrefix($0) }) {
                pathFollows = line == label
                continue
            }
            kept.append(line)
        }
        return kept.joined(separator: "\n")
    }

    func binary() throws -> String {
        try #require(TestEnvironment.binary(named: "casus"), "build casus first")
    }

    @Test func scriptedPlaythroughMatchesTheGoldenTranscript() throws {
        let result = try runProcess(
            binary: try binary(),
            arguments: [
                "play", Self.path("Scenarios/vo1-afpersing-havo4.casus"),
                "--answers", Self.path("Tests/Fixtures/Playthroughs/vo1-afpersing-havo4.answers"),
            ],
            environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let golden = Self.path("Tests/Fixtures/Transcripts/vo1.txt")
        // The paths are longer than 80 columns: each goes on a line of its own under its label.
        #expect(result.stdout.contains("Het blad staat in:\n  " + environment["CASUS_DIR"]!))
        #expect(result.stdout.contains("Om af te drukken, open in de browser:\n  " + environment["CASUS_DIR"]!))
        #expect(result.stdout.contains("/sheet.html\n"))
        let problem = Golden.mismatch(Self.withoutSheetLocation(result.stdout), golden: URL(fileURLWithPath: golden))
        #expect(problem == nil)
        #expect(result.stdout.contains("Klaar! Alle stappen zijn gedaan."))
    }

    @Test func stopInsideALongAnswerSavesTheAnswerAndStops() throws {
        let input = ["Groep Rood", "Anna", "Bram", "Carla", "", "1", "2", "3", "Twee meisjes worden afgeperst.", ":stop", "Nog een regel", ""]
        let result = try runProcess(
            binary: try binary(), arguments: ["play", Self.path("Scenarios/vo1-afpersing-havo4.casus")],
            stdin: input.joined(separator: "\n") + "\n", environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("De sessie is bewaard."))
        let store = URL(fileURLWithPath: environment["CASUS_DIR"]!)
        let session = try #require(try FileManager.default.contentsOfDirectory(atPath: store.path).first { !$0.hasPrefix(".") })
        let journal = try String(contentsOf: store.appendingPathComponent("\(session)/journal.jsonl"), encoding: .utf8)
        let answers = journal.split(separator: "\n").filter { $0.contains("\"event\":\"answer\"") }
        #expect(answers.count == 1)
        #expect(answers.first?.contains("\"text\":\"Twee meisjes worden afgeperst.\"") == true)
        #expect(!journal.contains(":stop") && !journal.contains("Nog een regel"))
    }

    @Test func emptyStdinEndsCleanly() throws {
        let result = try runProcess(
            binary: try binary(), arguments: ["play", Self.path("Scenarios/vo1-afpersing-havo4.casus")],
            environment: environment)
        #expect(result.status == 0)
        #expect(result.stdout.contains("De invoer is op"))
    }

    @Test func aScriptRunningOutOnAPipeStopsSaved() throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("casus-short-\(UUID()).answers")
        try "groep: Groep Blauw\nleden: Anna, Bram, Carla, Daan\nnotulist: Anna\nwat_gebeurde: Iets.\n".write(
            to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        let result = try runProcess(
            binary: try binary(),
            arguments: ["play", Self.path("Scenarios/vo1-afpersing-havo4.casus"), "--answers", script.path],
            environment: environment)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Het antwoordscript is op; de sessie is bewaard"))
    }

    @Test func anUnknownScriptKeyNamesItsLine() throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("casus-bad-\(UUID()).answers")
        try "groep: G\nleden: Anna, Bram\n\nbestaat_niet: x\n".write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        let result = try runProcess(
            binary: try binary(),
            arguments: ["play", Self.path("Scenarios/vo1-afpersing-havo4.casus"), "--answers", script.path],
            environment: environment)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(script.lastPathComponent):4"))
    }

    // MARK: Under a pseudo-terminal

    func startTerminal() throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(
            binary: try binary(), arguments: ["play", Self.path("Scenarios/vo1-afpersing-havo4.casus")],
            environment: environment, columns: 100, rows: 40)
        try terminal.waitFor("Hoe heet jullie groep?")
        try terminal.waitFor("> ")
        return terminal
    }

    func setUpGroup(_ terminal: PseudoTerminal, name: String = "Groep Blauw") throws {
        try terminal.send(name + "\r")
        for name in ["Anna", "Bram", "Carla", "Daan"] {
            try terminal.waitFor("> ")
            try terminal.send(name + "\r")
        }
        try terminal.waitFor(" 5> ")
        try terminal.send("\r")
        for answer in ["1", "Bram", "Ca\t"] {
            try terminal.waitFor("> ")
            try terminal.send(answer + "\r")
        }
        try terminal.waitFor("!")
    }

    @Test func typingEditingHistoryCompletionAndLeaving() throws {
        let terminal = try startTerminal()
        // Backspace over a multi-byte character.
        try terminal.send("Groep Zoë\u{7F}e\r")
        try terminal.waitFor("Wie doen er mee")
        for name in ["Anna", "Bram", "Carla", "Daan"] {
            try terminal.waitFor("> ")
            try terminal.send(name + "\r")
        }
        try terminal.waitFor("lid 5> ")
        try terminal.send("\r")
        // Tab completes a member name at the job questions.
        try terminal.waitFor("notulist")
        try terminal.waitFor("> ")
        try terminal.send("An\t\r")
        try terminal.waitFor("presentator")
        try terminal.waitFor("> ")
        try terminal.send("2\r")
        try terminal.waitFor("tijdbewaker")
        try terminal.waitFor("> ")
        try terminal.send("3\r")
        try terminal.waitFor("Groep Zoe: Anna, Bram, Carla en Daan. Succes!")
        // The prompt shows the time left on a terminal.
        try terminal.waitFor("[10:00] > ")
        try terminal.send("Er werd afgeperst.\r")
        try terminal.waitFor("  … ")
        try terminal.send("\r")
        // ↑ recalls the earlier answer; Ctrl-C throws the line away and the program lives.
        try terminal.waitFor("] > ")
        try terminal.send("\u{1B}[A")
        try terminal.waitFor("Er werd afgeperst.")
        try terminal.send("\u{03}")
        try terminal.waitFor("] > ")
        try terminal.send(":rollen\r")
        try terminal.waitFor("slachtoffer — het meisje uit havo 4")
        // Ctrl-D asks first; `j` saves and leaves.
        try terminal.waitFor("] > ")
        try terminal.send("\u{04}")
        try terminal.waitFor("Opslaan en stoppen? (j/n) ")
        try terminal.send("j\r")
        try terminal.waitFor("De sessie is bewaard")
        #expect(try terminal.waitForExit() == 0)
        #expect(terminal.output.contains("Anna") && !terminal.output.contains("An\t"))
    }

    @Test func aSessionStartedInEnglishResumesInEnglishAndTwoAreOfferedToPick() throws {
        let scenario = Self.path("Scenarios/vo1-afpersing-havo4.casus")
        // Two unfinished sessions: one in English (started first), one in Dutch.
        for (lang, group, prompt) in [("en", "Team Red", "What is your group called?"), ("nl", "Groep Zoë", "Hoe heet jullie groep?")] {
            let terminal = try PseudoTerminal(
                binary: try binary(), arguments: ["play", scenario, "--lang", lang], environment: environment,
                columns: 100, rows: 40)
            if lang == "nl" {
                // The English session is offered (asked in Dutch: --lang nl); `n` starts a new one.
                try terminal.waitFor("Daarmee verder gaan? [J/n] ")
                try terminal.send("n\r")
            }
            try terminal.waitFor(prompt)
            try terminal.waitFor("> ")
            try setUpGroup(terminal, name: group)
            try terminal.waitFor("] > ")
            try terminal.send(":stop\r")
            #expect(try terminal.waitForExit() == 0)
        }
        // CASUS_LANG says Dutch and no --lang is given: the list, then the picked session in its own language.
        let terminal = try PseudoTerminal(
            binary: try binary(), arguments: ["play", scenario], environment: environment, columns: 100, rows: 40)
        let list = try terminal.waitFor("Welke sessie? [1] ")
        #expect(list.contains("Er zijn 2 onafgemaakte sessies van deze casus:"))
        #expect(list.contains("1. Groep Zoë · begonnen "))
        #expect(list.contains("2. Team Red · begonnen "))
        #expect(list.contains("n. een nieuwe sessie beginnen"))
        try terminal.send("3\r")
        try terminal.waitFor("Typ een nummer van 1 tot 2")
        try terminal.send("2\r")
        try terminal.waitFor("Continuing session")
        // The step header comes back, in English.
        try terminal.waitFor("Step 1/4")
        try terminal.waitFor("] > ")
        try terminal.send(":quit\r")
        try terminal.waitFor("The session is saved.")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func tabCompletesCommandsAndInfoNames() throws {
        let terminal = try startTerminal()
        try setUpGroup(terminal)
        try terminal.waitFor("] > ")
        try terminal.send(":info groeps\t\r")
        try terminal.waitFor("] > ")
        try terminal.send(":roll\t\r")
        try terminal.waitFor("mentor — de mentor")
        try terminal.waitFor("] > ")
        try terminal.send(":stop\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func tabCompletesARoleAtARoleQuestion() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casus-role-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("rol.casus").path
        try """
            titel: Rollen
            taken: notulist
            rol slachtoffer: het meisje
            rol pesters: de meiden uit de andere klas
            stap "Kiezen" (5 min)
                vraag sleutel (rol): Wie is de sleutelfiguur?
            einde

            """.write(toFile: scenario, atomically: true, encoding: .utf8)
        let terminal = try PseudoTerminal(
            binary: try binary(), arguments: ["play", scenario], environment: environment, columns: 100, rows: 40)
        try terminal.waitFor("Hoe heet jullie groep?")
        try terminal.waitFor("> ")
        try terminal.send("Groep Rood\r")
        for name in ["Anna", "Bram"] {
            try terminal.waitFor("> ")
            try terminal.send(name + "\r")
        }
        try terminal.waitFor("lid 3> ")
        try terminal.send("\r")
        try terminal.waitFor("notulist")
        try terminal.waitFor("> ")
        try terminal.send("1\r")
        try terminal.waitFor("Wie is de sleutelfiguur?")
        try terminal.waitFor("] > ")
        // Tab completes the role id from its first letters.
        try terminal.send("slach\t\r")
        try terminal.waitFor("Klaar!")
        #expect(try terminal.waitForExit() == 0)
        #expect(terminal.output.contains("> slachtoffer"))
    }
}
