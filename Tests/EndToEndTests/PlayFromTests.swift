import Foundation
import Testing
import TestSupport

/// `casus play FILE --from STEP`: the earlier steps filled in as `casus test` does, play at
/// the step, the session a trial that `casus sessions` marks and `casus report` leaves out.
@Suite struct PlayFromTests {
    static let scenario = PlayTests.path("Scenarios/vo1-afpersing-havo4.casus")
    let store = FileManager.default.temporaryDirectory.appendingPathComponent("casus-from-\(UUID().uuidString)")
    var environment: [String: String] {
        TestEnvironment.base.merging(["CASUS_FAKE_CLOCK": "1700000000", "CASUS_LANG": "nl", "CASUS_DIR": store.path]) { $1 }
    }

    func casus(_ arguments: [String], stdin: String = "") throws -> ProcessResult {
        try runProcess(binary: try #require(TestEnvironment.binary(named: "casus")), arguments: arguments, stdin: stdin, environment: environment)
    }

    func sessionFolder() throws -> URL {
        let names = try FileManager.default.contentsOfDirectory(atPath: store.path).filter { !$0.hasPrefix(".") }
        #expect(names.count == 1)
        return store.appendingPathComponent(try #require(names.first))
    }

    @Test func startsAtTheStepWithTheEarlierStepsFilledIn() throws {
        defer { try? FileManager.default.removeItem(at: store) }
        let play = try casus(["play", Self.scenario, "--from", "3"], stdin: "Onze pitch.\n\n:stop\n")
        #expect(play.status == 0, "\(play.stderr)")
        let lines = play.stdout.components(separatedBy: "\n")
        // One line says what was filled in; no setup and no question of step 1 or 2 is asked.
        // Just above the step, after the case.
        let notice = try #require(lines.firstIndex { $0.hasPrefix("Proef vanaf stap 3: ") })
        #expect(lines[notice].hasSuffix(" antwoorden van Testgroep ingevuld zoals casus test."))
        #expect(lines[notice - 1].isEmpty && lines[notice + 1].isEmpty)
        #expect(lines[notice + 2].hasPrefix("Stap 3/4 — Presentatie"))
        #expect(lines.firstIndex { $0.hasPrefix("De casus") }! < notice)
        #expect(!play.stdout.contains("Hoe heet jullie groep"))
        #expect(!play.stdout.contains("Stap 1/4"))
        #expect(!play.stdout.contains("Stap 2/4"))
        #expect(play.stdout.contains("Stap 3/4 — Presentatie"))

        // The journal's header and meta.json mark it as a trial; every filled-in answer is in
        // the journal, as if typed.
        let folder = try sessionFolder()
        let journal = try String(contentsOf: folder.appendingPathComponent("journal.jsonl"), encoding: .utf8)
        let header = try #require(journal.split(separator: "\n").first)
        #expect(header.contains("\"trial\":true"))
        #expect(journal.contains("\"key\":\"wat_gebeurde\""))
        #expect(journal.contains("Onze pitch."))
        let meta = try String(contentsOf: folder.appendingPathComponent("meta.json"), encoding: .utf8)
        #expect(meta.contains("\"trial\" : true") || meta.contains("\"trial\":true"))

        let sessions = try casus(["sessions"])
        #expect(sessions.stdout.contains("Testgroep (proef)"), "\(sessions.stdout)")
        let json = try casus(["sessions", "--format", "json"])
        #expect(json.stdout.contains("\"trial\" : true"))

        // A report leaves the trial out, saying so, unless --trials asks for it.
        let id = folder.lastPathComponent
        let report = try casus(["report", id])
        #expect(report.status == 1)
        #expect(report.stderr.contains("Sessie \(id) is een proef (casus play --from) en blijft buiten het verslag; --trials neemt haar mee."))
        #expect(!report.stdout.contains("Testgroep"))
        let asked = try casus(["report", id, "--trials"])
        #expect(asked.status == 0, "\(asked.stderr)")
        #expect(asked.stdout.contains("Groepen: Testgroep"))
    }

    @Test func aStepByTitleAndAnUnknownStep() throws {
        defer { try? FileManager.default.removeItem(at: store) }
        let byTitle = try casus(["play", Self.scenario, "--from", "afronding", "--lang", "en"], stdin: ":quit\n")
        #expect(byTitle.status == 0, "\(byTitle.stderr)")
        #expect(byTitle.stdout.contains("Trial from step 4: "))
        #expect(byTitle.stdout.contains("Step 4/4 — Afronding"))

        let unknown = try casus(["play", Self.scenario, "--from", "Zzz"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Geen stap heet \"Zzz\". Geef een nummer of een titel: 1 \"De situatie verkennen\", 2 \"Oplossingen\", 3 \"Presentatie\", 4 \"Afronding\"."))
        let tooFar = try casus(["play", Self.scenario, "--from", "9"])
        #expect(tooFar.status == 2)
        #expect(tooFar.stderr.contains("Stap 9 bestaat niet: dit scenario heeft stap 1 tot en met 4."))
        let both = try casus(["play", Self.scenario, "--from", "2", "--resume"])
        #expect(both.status == 2)
    }
}
