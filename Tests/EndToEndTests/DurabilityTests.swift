import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` at random moments during `casus play` loses nothing: resuming finishes the
/// session with exactly the answers of an uninterrupted run.
@Suite(.serialized) struct DurabilityTests {
    static let root: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir.deleteLastPathComponent()
        }
        return dir
    }()

    static let scenario = root.appendingPathComponent("Scenarios/vo1-afpersing-havo4.casus").path
    static let answers = root.appendingPathComponent("Tests/Fixtures/Playthroughs/vo1-afpersing-havo4.answers").path

    /// A small seeded generator (SplitMix64), so a failure can be replayed.
    struct SeededRandom: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func binary() throws -> String {
        try #require(TestEnvironment.binary(named: "casus"), "build casus first")
    }

    func tempDir(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("casus-\(name)-\(UUID().uuidString)").path
    }

    var environment: [String: String] {
        TestEnvironment.base.merging(["CASUS_LANG": "nl"]) { $1 }
    }

    /// Starts `casus play` with stdin and stdout on /dev/null.
    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binary())
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func play(_ dir: String, resume: Bool, pace: Int? = nil) -> [String] {
        ["play", Self.scenario, "--answers", Self.answers, "--dir", dir]
            + (resume ? ["--resume"] : []) + (pace.map { ["--pace", String($0)] } ?? [])
    }

    /// The only session folder in `dir`.
    func sessionFolder(_ dir: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { !$0.hasPrefix(".") }
        #expect(names.count == 1, "\(names)")
        return dir + "/" + (try #require(names.sorted().first))
    }

    /// sheet.json without its `times`.
    func sheetWithoutTimes(_ folder: String) throws -> NSDictionary {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/sheet.json"))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["times"] != nil)
        object["times"] = nil
        return object as NSDictionary
    }

    /// An uninterrupted run's sheet, the reference.
    func reference() throws -> NSDictionary {
        let dir = tempDir("reference")
        let result = try runProcess(binary: try binary(), arguments: play(dir, resume: false), environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let sheet = try sheetWithoutTimes(try sessionFolder(dir))
        #expect(sheet["finished"] as? Bool == true)
        return sheet
    }

    func journalLines(_ folder: String) -> Int {
        ((try? String(contentsOfFile: folder + "/journal.jsonl", encoding: .utf8)) ?? "").filter { $0 == "\n" }.count
    }

    /// Waits until the journal in `dir` holds at least `lines` lines, that is until that many
    /// records are durable; false when `process` ended first. The deadline only stops a hang.
    func waitForJournal(_ dir: String, lines: Int, while process: Process) -> Bool {
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            if let name = names.first(where: { !$0.hasPrefix(".") }), journalLines(dir + "/" + name) >= lines { return true }
            if !process.isRunning { return false }
            usleep(2_000)
        }
        return false
    }

    @Test func randomKillsLoseNothing() throws {
        let expected = try reference()
        let dir = tempDir("kills")
        var random = SeededRandom(state: 20_261_125)
        var kills = 0
        var progress: [Int] = []
        var round = 0
        // Each kill lands right after a randomly chosen journal line (a few answers on from the
        // last kill) is durable; a round that finishes by itself ends the loop.
        var target = 2
        while kills < 6, round < 20 {
            let process = try start(play(dir, resume: round > 0, pace: 50))
            round += 1
            target += Int.random(in: 1...10, using: &random)
            guard waitForJournal(dir, lines: target, while: process) else {
                process.waitUntilExit()
                break
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            kills += 1
            if let folder = try? sessionFolder(dir) { progress.append(journalLines(folder)) }
        }
        print("durability: \(kills) kills, journal lines after each: \(progress)")
        #expect(kills >= 6, "only \(kills) kills landed; progress \(progress)")
        let final = try runProcess(binary: try binary(), arguments: play(dir, resume: true), environment: environment)
        #expect(final.status == 0, "\(final.stderr)")
        #expect(final.stdout.contains("Klaar! Alle stappen zijn gedaan."))
        let folder = try sessionFolder(dir)
        #expect(try sheetWithoutTimes(folder) == expected, "journal lines after each kill: \(progress)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func aTornLastRecordIsKeptAsideAndTheSessionFinishes() throws {
        let expected = try reference()
        let dir = tempDir("torn")
        let process = try start(play(dir, resume: false, pace: 30))
        #expect(waitForJournal(dir, lines: 5, while: process))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let folder = try sessionFolder(dir)
        let lines = journalLines(folder)
        #expect(lines >= 2, "the first run got too little done")
        // A crash in the middle of a write: half a record, no newline.
        let handle = try #require(FileHandle(forWritingAtPath: folder + "/journal.jsonl"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"seq\":\(lines + 1),\"data\":{\"event\":\"answer\",\"at\":17000".utf8))
        try handle.close()

        let resumed = try runProcess(binary: try binary(), arguments: play(dir, resume: true), environment: environment)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains(folder + "/journal.jsonl.damaged"))
        #expect(FileManager.default.fileExists(atPath: folder + "/journal.jsonl.damaged"))
        #expect(try sheetWithoutTimes(folder) == expected)
    }

    @Test func aSecondPlayOfTheSameSessionIsRefused() throws {
        let dir = tempDir("twice")
        let first = try start(play(dir, resume: false, pace: 200))
        defer {
            kill(first.processIdentifier, SIGKILL)
            first.waitUntilExit()
        }
        // Wait until the first player has recorded its setup (meta.json follows it), so its
        // folder carries its final name.
        func hasSession() -> Bool {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            return names.contains { FileManager.default.fileExists(atPath: dir + "/" + $0 + "/meta.json") }
        }
        var waited = 0
        while !hasSession(), waited < 100 {
            usleep(50_000)
            waited += 1
        }
        let second = try runProcess(binary: try binary(), arguments: play(dir, resume: true), environment: environment)
        #expect(second.status == 1)
        #expect(second.stderr.contains("al open in een andere casus"), "\(second.stderr)")
    }
}
