import CasusCore
import CasusSession
import CasusStore
import Foundation
import Testing
import TestSupport

/// `casus sheet`, `casus sessions` and `casus delete` on the built binary.
@Suite("Session commands")
struct SessionCommandsTests {
    static let source = """
        titel: Proef
        taal: nl
        casus:
            Een korte casus.
        rol slachtoffer: het meisje
        stap "Een" (5 min)
            vraag a (tekst): Wat gebeurde er?
            vraag b (tekst): Wie deed mee?
            vraag c (tekst): Wat nu?
        einde
        """

    let root: URL
    let dir: String
    let scenarioPath: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("casus-cmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        dir = root.appendingPathComponent("store").path
        scenarioPath = root.appendingPathComponent("proef.casus").path
        try Data(Self.source.utf8).write(to: URL(fileURLWithPath: scenarioPath))
    }

    /// Records a session in-process, as `casus play` would.
    func record(finished: Bool, group: String = "Groep <Geel>") throws -> SessionFolder {
        let scenario = try #require(ScenarioLoader.load(path: scenarioPath, provider: FileSourceProvider()).scenario)
        let opened = try openPlayStorage(
            scenario: scenario, options: PlayStorageOptions(dir: dir, resume: false, language: .nl, choose: { _ in .newSession }))
        let files = try #require(opened.recorder as? SessionFiles)
        let setup = GroupSetup(group: group, members: ["Anna", "Bram"], jobs: [:])
        try files.record(.setup(setup, at: Timestamp(1_700_000_000)), state: files.state)
        try files.record(.answer(AnswerKey("a"), .text("Sam werd buitengesloten."), at: Timestamp(1_700_000_060)), state: files.state)
        try files.close(state: files.state, finished: finished)
        return try #require(files.folder)
    }

    func casus(_ arguments: [String], stdin: String = "") throws -> ProcessResult {
        let binary = try #require(TestEnvironment.binary(named: "casus"))
        return try runProcess(binary: binary, arguments: arguments, stdin: stdin, environment: TestEnvironment.base)
    }

    @Test func sheetRendersAgainInEveryFormat() throws {
        let folder = try record(finished: false)
        let md = try casus(["sheet", folder.id, "--dir", dir])
        #expect(md.status == 0, "\(md.stderr)")
        #expect(md.stdout.contains("Sam werd buitengesloten."))
        #expect(md.stdout == (try String(contentsOf: folder.sheetURL(.markdown), encoding: .utf8)))
        let json = try casus(["sheet", String(folder.id.prefix(20)), "--format", "json", "--dir", dir])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout.contains("\"key\": \"a\""))
        let out = root.appendingPathComponent("blad.html").path
        let html = try casus(["sheet", folder.id, "--format", "html", "--out", out, "--dir", dir])
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout == "Het blad staat in: \(out)\n")
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("Groep &lt;Geel&gt;"))
        let mode = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // Answers never go to standard error.
        #expect(!md.stderr.contains("Sam") && !json.stderr.contains("Sam") && !html.stderr.contains("Sam"))
    }

    @Test func sheetShowsTimesInTheComputersTimeZone() throws {
        let folder = try record(finished: false)
        let binary = try #require(TestEnvironment.binary(named: "casus"))
        // India has no summer time, so the offset is the same on every day the test runs.
        let md = try runProcess(
            binary: binary, arguments: ["sheet", folder.id, "--dir", dir],
            environment: TestEnvironment.base.merging(["TZ": "Asia/Kolkata"]) { $1 })
        #expect(md.status == 0, "\(md.stderr)")
        #expect(md.stdout.contains("(UTC+5:30)"), "\(md.stdout)")
        #expect(!md.stdout.contains(" UTC ·") && !md.stdout.hasSuffix(" UTC\n"))
    }

    @Test(arguments: ["nl", "en"])
    func sheetOfAJournalDamagedInTheMiddleFallsBackWithANote(lang: String) throws {
        let folder = try record(finished: false)
        // Header, setup, answer: spoil the setup line so a good line follows the damage.
        var lines = try String(contentsOf: folder.journalURL, encoding: .utf8).components(separatedBy: "\n")
        lines[1] = lines[1].replacingOccurrences(of: "Anna", with: "Anne")
        try Data(lines.joined(separator: "\n").utf8).write(to: folder.journalURL)
        let journal = try Data(contentsOf: folder.journalURL)

        let result = try casus(["sheet", folder.id, "--dir", dir, "--lang", lang])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == (try String(contentsOf: folder.sheetURL(.markdown), encoding: .utf8)))
        let note = lang == "nl" ? "Let op: Het logboek van sessie \(folder.id) is beschadigd op regel 2" : "Note: The journal of session \(folder.id) is damaged at line 2"
        #expect(result.stderr.contains(note), "\(result.stderr)")
        #expect(result.stderr.contains(lang == "nl" ? "Het blad van tijdens het spelen wordt getoond." : "Showing the sheet written during play."))
        #expect(!result.stderr.contains("Sam"))
        #expect(try Data(contentsOf: folder.journalURL) == journal)
    }

    @Test func sessionsListsGroupsAndState() throws {
        let open = try record(finished: false)
        let done = try record(finished: true)
        let text = try casus(["sessions", "--dir", dir, "--lang", "en"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains(open.id) && text.stdout.contains(done.id))
        #expect(text.stdout.contains("Groep <Geel>"))
        let json = try casus(["sessions", "--format", "json", "--dir", dir])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(Set(rows.compactMap { $0["finished"] as? Bool }) == [true, false])
        #expect(rows.allSatisfy { $0["answers"] as? Int == 1 && $0["scenario"] as? String == "Proef" })
    }

    @Test func deleteAsksAndRemovesForGood() throws {
        let folder = try record(finished: true)
        let no = try casus(["delete", folder.id, "--dir", dir], stdin: "nee\n")
        #expect(no.status == 1)
        #expect(FileManager.default.fileExists(atPath: folder.url.path))
        let yes = try casus(["delete", folder.id, "--dir", dir], stdin: "ja\n")
        #expect(yes.status == 0, "\(yes.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.url.path))
        let missing = try casus(["delete", folder.id, "--yes", "--dir", dir])
        #expect(missing.status == 1)
    }

    @Test func deleteRefusesASessionInUse() throws {
        let folder = try record(finished: false)
        let lock = try folder.lock()
        let busy = try casus(["delete", folder.id, "--yes", "--dir", dir, "--lang", "en"])
        #expect(busy.status == 1)
        #expect(busy.stderr.contains("already open in another casus"))
        lock.unlock()
        #expect(FileManager.default.fileExists(atPath: folder.url.path))
    }

    @Test func aSessionIsFoundByItsGroupName() throws {
        let zoe = try record(finished: true, group: "Zoë")
        _ = try record(finished: true, group: "Groep Blauw")
        let sheet = try casus(["sheet", "zoe", "--dir", dir])
        #expect(sheet.status == 0, "\(sheet.stderr)")
        #expect(sheet.stdout == (try String(contentsOf: zoe.sheetURL(.markdown), encoding: .utf8)))
        let byStart = try casus(["sheet", "GROEP bl", "--dir", dir])
        #expect(byStart.status == 0 && byStart.stdout.contains("Groep Blauw"), "\(byStart.stderr)")
        let byWord = try casus(["sheet", "blauw", "--dir", dir])
        #expect(byWord.status == 0 && byWord.stdout.contains("Groep Blauw"), "\(byWord.stderr)")

        let deleted = try casus(["delete", "ZOE", "--yes", "--dir", dir])
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(!FileManager.default.fileExists(atPath: zoe.url.path))
    }

    @Test(arguments: ["nl", "en"])
    func severalSessionsOfOneGroupAreListed(lang: String) throws {
        let first = try record(finished: false, group: "Team Red")
        let second = try record(finished: true, group: "team red")
        let result = try casus(["delete", "team-red", "--yes", "--dir", dir, "--lang", lang])
        #expect(result.status == 1)
        let intro = lang == "nl" ? "De groepsnaam \"team-red\" past bij 2 sessies; kies er een met zijn id:" : "The group name \"team-red\" matches 2 sessions; pick one by its id:"
        #expect(result.stderr.contains(intro), "\(result.stderr)")
        #expect(result.stderr.contains("  \(first.id)  Team Red · ") && result.stderr.contains("  \(second.id)  team red · "))
        #expect(result.stderr.contains(lang == "nl" ? "1\u{00A0}antwoord" : "1\u{00A0}answer"))
        #expect(FileManager.default.fileExists(atPath: first.url.path) && FileManager.default.fileExists(atPath: second.url.path))
    }

    @Test func anUnknownNameSaysSoInTheChosenLanguage() throws {
        _ = try record(finished: true)
        let nl = try casus(["sheet", "zoe", "--dir", dir, "--lang", "nl"])
        #expect(nl.status == 1)
        #expect(nl.stderr.contains("Geen sessie met het id of de groepsnaam \"zoe\""), "\(nl.stderr)")
        #expect(!nl.stderr.contains("no session"))
        let en = try casus(["sheet", "zoe", "--dir", dir, "--lang", "en"])
        #expect(en.stderr.contains("No session with the id or group name \"zoe\""), "\(en.stderr)")
    }

    @Test func anAmbiguousStartListsTheSessionsWithTheirGroups() throws {
        let rood = try record(finished: true, group: "Rood")
        let geel = try record(finished: true, group: "Geel")
        // Both ids start with the date of today.
        let start = String(rood.id.prefix(4))
        #expect(geel.id.hasPrefix(start))
        let result = try casus(["sheet", start, "--dir", dir])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\"\(start)\" past bij 2 sessies; kies er een met zijn id:"), "\(result.stderr)")
        #expect(result.stderr.contains("  \(rood.id)  Rood · ") && result.stderr.contains("  \(geel.id)  Geel · "))
    }
}
