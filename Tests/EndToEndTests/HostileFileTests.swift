import Foundation
import Testing
import TestSupport

/// Files that are not regular files (a FIFO here) are refused with a located message and
/// never read: reading a FIFO without a writer waits forever. Each test runs the built
/// binary; the time limit is the runner's, so a hang fails the test instead of the suite.
@Suite(.timeLimit(.minutes(1))) struct HostileFileTests {
    static let clean = """
        titel: Afpersing
        stap "Verkennen" (10 min)
            vraag wat (lang): Wat gebeurde er?
        einde

        """

    private func binary() throws -> String {
        try #require(TestEnvironment.binary(named: "casus"), "build the casus executable first")
    }

    /// A fresh temporary folder holding a FIFO `name`; the caller removes it.
    private func folderWithFIFO(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("casus-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let fifo = url.appendingPathComponent(name).path
        try #require(mkfifo(fifo, 0o600) == 0, "mkfifo: \(String(cString: strerror(errno)))")
        return url
    }

    @Test func aFIFOAsScenarioIsRefusedNotRead() throws {
        let folder = try folderWithFIFO("pijp.casus")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("pijp.casus").path
        let result = try runProcess(binary: try binary(), arguments: ["check", "--lang", "en", path], environment: TestEnvironment.base)
        #expect(result.status != 0)
        #expect(result.stderr.contains("pijp.casus:1:1: error[C100]"), "\(result.stderr)")
        #expect(result.stderr.contains("this is not a regular file"), "\(result.stderr)")
        let dutch = try runProcess(binary: try binary(), arguments: ["check", "--lang", "nl", path], environment: TestEnvironment.base)
        #expect(dutch.stderr.contains("dit is geen gewoon bestand"), "\(dutch.stderr)")
    }

    @Test func aFIFOAsIncludeIsRefusedAtTheIncludeLine() throws {
        let folder = try folderWithFIFO("deel.casus")
        defer { try? FileManager.default.removeItem(at: folder) }
        let main = folder.appendingPathComponent("hoofd.casus")
        try Data((Self.clean + "invoegen \"deel.casus\"\n").utf8).write(to: main)
        let result = try runProcess(binary: try binary(), arguments: ["check", "--lang", "en", main.path], environment: TestEnvironment.base)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("hoofd.casus:5:10: error[C105]"), "\(result.stderr)")
        #expect(result.stderr.contains("cannot include `deel.casus`: this is not a regular file"), "\(result.stderr)")
    }

    @Test func aFIFOInTheScenariosFolderIsListedAsBroken() throws {
        let folder = try folderWithFIFO("pijp.casus")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.clean.utf8).write(to: folder.appendingPathComponent("goed.casus"))
        let environment = TestEnvironment.base.merging(["CASUS_SCENARIOS": folder.path]) { $1 }
        let result = try runProcess(binary: try binary(), arguments: ["list", "--lang", "en"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Afpersing"), "\(result.stdout)")
        #expect(result.stdout.contains("pijp.casus (has errors)"), "\(result.stdout)")
    }

    @Test func aFIFOGivenToFmtIsRefused() throws {
        let folder = try folderWithFIFO("pijp.casus")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("pijp.casus").path
        let result = try runProcess(binary: try binary(), arguments: ["fmt", "--lang", "en", path], environment: TestEnvironment.base)
        #expect(result.status != 0)
        #expect(result.stderr.contains("this is not a regular file"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    /// The line limit holds for prose too: a 10 MB `casus:` line is refused where it starts.
    @Test func aTenMegabyteCaseLineIsRefusedWithTheLimitsCode() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casus-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("lang.casus")
        var text = "titel: Lang\ncasus: " + String(repeating: "a", count: 10_000_000) + "\n"
        text += "stap \"S\" (5 min)\n    vraag x (tekst): Wat?\neinde\n"
        try Data(text.utf8).write(to: file)
        let result = try runProcess(binary: try binary(), arguments: ["check", "--lang", "en", file.path], environment: TestEnvironment.base)
        #expect(result.status == 1, "\(result.stderr.prefix(500))")
        #expect(result.stderr.contains("lang.casus:2:1: error[C020]: line too long"), "\(result.stderr.prefix(500))")
        #expect(result.stderr.utf8.count < 2_000)
    }
}
