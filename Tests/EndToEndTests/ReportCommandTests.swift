import CasusCore
import Foundation
import Testing
import TestSupport

/// `casus report` on the built binary: every bundled scenario played with its playthrough
/// script into one store, then merged into one report.
@Suite("Report command")
struct ReportCommandTests {
    static let root: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir.deleteLastPathComponent()
        }
        return dir
    }()

    let temp: URL
    let dir: String

    init() throws {
        temp = FileManager.default.temporaryDirectory.appendingPathComponent("casus-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
        dir = temp.appendingPathComponent("store").path
    }

    func casus(_ arguments: [String]) throws -> ProcessResult {
        let binary = try #require(TestEnvironment.binary(named: "casus"), "build casus first")
        return try runProcess(
            binary: binary, arguments: arguments,
            environment: TestEnvironment.base.merging(["CASUS_LANG": "nl", "CASUS_FAKE_CLOCK": "1700000000"]) { $1 })
    }

    /// A playthrough script's group and a few distinctive answers: the first long enough
    /// one-line answer and the first list item.
    static func expectations(_ script: String) -> (group: String, answers: [String]) {
        var group = ""
        var line: String?
        var item: String?
        let setup = ["groep", "leden", "notulist", "presentator", "tijdbewaker"]
        for text in script.split(separator: "\n").map(String.init) {
            if text.hasPrefix("groep: ") { group = String(text.dropFirst(7)) }
            if line == nil, !text.hasPrefix(" "), !text.hasPrefix("#"), let colon = text.range(of: ": "),
                !setup.contains(String(text[..<colon.lowerBound])), text[colon.upperBound...].count > 25
            {
                line = String(text[colon.upperBound...])
            }
            if item == nil, text.hasPrefix("    - ") { item = String(text.dropFirst(6)) }
        }
        let answers = [line, item].compactMap { $0 }
        return (group, answers)
    }

    /// Plays every bundled scenario; returns the session ids and what each script answered.
    func playAll() throws -> (ids: [String], scripts: [(group: String, answers: [String])]) {
        let scenarios = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Scenarios").path)
            .filter { $0.hasSuffix(".casus") }.sorted()
        #expect(scenarios.count >= 6)
        var scripts: [(group: String, answers: [String])] = []
        for scenario in scenarios {
            let name = String(scenario.dropLast(".casus".count))
            let script = Self.root.appendingPathComponent("Tests/Fixtures/Playthroughs/\(name).answers")
            let played = try casus(["play", Self.root.appendingPathComponent("Scenarios/\(scenario)").path, "--answers", script.path, "--dir", dir])
            #expect(played.status == 0, "\(scenario): \(played.stderr)")
            scripts.append(Self.expectations(try String(contentsOf: script, encoding: .utf8)))
        }
        let list = try casus(["sessions", "--format", "json", "--dir", dir])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let ids = rows.compactMap { $0["id"] as? String }
        #expect(ids.count == scenarios.count)
        return (ids, scripts)
    }

    @Test func reportsEverySessionInHTMLAndMarkdown() throws {
        let (ids, scripts) = try playAll()
        for format in ["html", "md"] {
            let out = temp.appendingPathComponent("verslag.\(format)").path
            let result = try casus(["report"] + ids + ["--out", out, "--format", format, "--dir", dir])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains(out))
            let text = try String(contentsOfFile: out, encoding: .utf8)
            let mode = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            for script in scripts {
                #expect(!script.group.isEmpty && script.answers.count == 2)
                #expect(text.contains(format == "html" ? HTMLSheet.e(script.group) : script.group), "\(script.group)")
                for answer in script.answers {
                    let shown = format == "html" ? HTMLSheet.e(answer) : answer.replacingOccurrences(of: "<", with: "\\<")
                    #expect(text.contains(shown), "\(format): \(script.group) answered \(answer)")
                }
            }
            #expect(text.contains(format == "html" ? "Concept-stappenplan en antipestprotocol" : "## Concept-stappenplan en antipestprotocol"))
        }
        // Standard output by default, in English when asked; answers never on standard error.
        let md = try casus(["report", ids[0], "--dir", dir, "--lang", "en"])
        #expect(md.status == 0, "\(md.stderr)")
        #expect(md.stdout.hasPrefix("# Plenary overview"))
        #expect(!md.stderr.contains(scripts[0].answers[0]))
    }

    @Test func reportsJSONSheetFilesAndSessionsTogether() throws {
        let (ids, _) = try playAll()
        let fixture = Self.root.appendingPathComponent("Tests/Fixtures/Reports/opdracht2-groep-geel.json").path
        let result = try casus(["report", fixture, ids[0], "--dir", dir])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Groep Geel") && result.stdout.contains("signaal noteren in het leerlingvolgsysteem"))
    }

    /// Every file of a session folder: its bytes and its modification time.
    static func snapshot(_ folder: String) throws -> [String: (Data, Date)] {
        var files: [String: (Data, Date)] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let path = folder + "/" + name
            let modified = try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
            files[name] = (try Data(contentsOf: URL(fileURLWithPath: path)), modified)
        }
        return files
    }

    /// A report only reads: even a session with a half-written last line and a leftover
    /// temp file (which `casus play --resume` repairs and removes) keeps every byte and every
    /// modification time, its lock file too; the torn line is left out and said.
    @Test func aReportChangesNoFileOfASession() throws {
        let name = "vo1-afpersing-havo4"
        let played = try casus([
            "play", Self.root.appendingPathComponent("Scenarios/\(name).casus").path, "--answers",
            Self.root.appendingPathComponent("Tests/Fixtures/Playthroughs/\(name).answers").path, "--dir", dir,
        ])
        #expect(played.status == 0, "\(played.stderr)")
        let id = try #require(try FileManager.default.contentsOfDirectory(atPath: dir).first { !$0.hasPrefix(".") })
        let folder = dir + "/" + id
        let journal = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/journal.jsonl"))
        try journal.seekToEnd()
        try journal.write(contentsOf: Data("{\"seq\":999,\"data\":{\"ans".utf8))
        try journal.close()
        #expect(FileManager.default.createFile(atPath: folder + "/.sheet.md.tmp-1", contents: Data("x".utf8), attributes: [.posixPermissions: 0o600]))
        let before = try Self.snapshot(folder)
        #expect(before["lock"] != nil)

        let report = try casus(["report", id, "--dir", dir])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("Plenair overzicht"), "\(report.stdout.prefix(200))")
        #expect(report.stderr.contains("half geschreven"), "\(report.stderr)")
        let after = try Self.snapshot(folder)
        #expect(Set(after.keys) == Set(before.keys))
        for (file, (bytes, modified)) in before {
            #expect(after[file]?.0 == bytes, "\(file) changed")
            #expect(after[file]?.1 == modified, "\(file) was written")
        }
    }

    @Test func badInputsFailClearly() throws {
        let notSheet = temp.appendingPathComponent("lijst.json").path
        try Data("{\"format\":1,\"hello\":true}".utf8).write(to: URL(fileURLWithPath: notSheet))
        let broken = temp.appendingPathComponent("kapot.json").path
        try Data("{nope".utf8).write(to: URL(fileURLWithPath: broken))
        for path in [notSheet, broken] {
            let result = try casus(["report", path, "--dir", dir])
            #expect(result.status == 1)
            #expect(result.stderr.contains(path), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        // A sheet of another format says so, even when its shape is new.
        let newer = temp.appendingPathComponent("nieuw.json").path
        try Data("{\"format\":2,\"groups\":[]}".utf8).write(to: URL(fileURLWithPath: newer))
        let format = try casus(["report", newer, "--dir", dir])
        #expect(format.status == 1 && format.stderr.contains("bladformaat 2"), "\(format.stderr)")
        let missing = temp.appendingPathComponent("weg.json").path
        let gone = try casus(["report", missing, "--dir", dir])
        #expect(gone.status == 1 && gone.stderr.contains(missing))
        let session = try casus(["report", "bestaat-niet", "--dir", dir])
        #expect(session.status == 1)
        // Usage errors exit 2.
        #expect(try casus(["report", "--dir", dir]).status == 2)
        #expect(try casus(["report", notSheet, "--format", "pdf"]).status == 2)
        #expect(try casus(["report", notSheet, "--lang", "de"]).status == 2)
    }
}
