import Foundation
import Testing
import TestSupport

@Suite struct ToolsEndToEndTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url.path
    }()

    func casus(_ arguments: [String], env: [String: String] = [:]) throws -> ProcessResult {
        let binary = try #require(TestEnvironment.binary(named: "casus"))
        return try runProcess(binary: binary, arguments: arguments, environment: TestEnvironment.base.merging(env) { $1 })
    }

    func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("casus-tools-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func testPassesOnABundledScenario() throws {
        let r = try casus(["test", Self.root + "/Scenarios/vo1-afpersing-havo4.casus"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("takken gedekt") || r.stdout.contains("branches covered"))
        let scripted = try casus([
            "test", Self.root + "/Scenarios/vo1-afpersing-havo4.casus", "--answers",
            Self.root + "/Tests/Fixtures/Playthroughs/vo1-afpersing-havo4.answers",
        ])
        #expect(scripted.status == 0, "\(scripted.stderr)")
        let random = try casus(["test", Self.root + "/Scenarios/vo1-afpersing-havo4.casus", "--random", "5", "--seed", "7"])
        #expect(random.status == 0)
    }

    @Test func newThenCheck() throws {
        let folder = try temporaryFolder()
        let file = folder + "/x.casus"
        #expect(try casus(["new", file]).status == 0)
        #expect(try casus(["check", file]).status == 0)
        #expect(try casus(["new", file]).status == 2)
        let english = folder + "/y.casus"
        #expect(try casus(["new", "--lang", "en", english]).status == 0)
        #expect(try casus(["check", english]).status == 0)
    }

    @Test func fmtWriteIsStable() throws {
        let folder = try temporaryFolder()
        let file = folder + "/m.casus"
        try "titel:   T\n\n\n\nstap   \"A\"   (5 min)   \n        vraag  x (ja/nee):   Klopt?   \n  einde\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        chmod(file, 0o640)
        #expect(try casus(["fmt", "--write", file]).status == 0)
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written == "titel: T\n\nstap \"A\" (5 min)\n    vraag x (ja/nee): Klopt?\neinde\n")
        let again = try casus(["fmt", file])
        #expect(again.status == 0 && again.stdout == written)
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        let broken = folder + "/b.casus"
        try "titel: T\nstap \"A\"\n    vrag x: X?\neinde\n".write(toFile: broken, atomically: true, encoding: .utf8)
        #expect(try casus(["fmt", "--write", broken]).status == 1)
        #expect(try String(contentsOfFile: broken, encoding: .utf8) == "titel: T\nstap \"A\"\n    vrag x: X?\neinde\n")
    }

    /// A write that fails says why, and leaves the file as it was. The temporary file's name
    /// is longer than the file's, so a name near the 255-byte limit makes its creation fail,
    /// even for root.
    @Test func fmtWriteThatFailsSaysWhy() throws {
        let folder = try temporaryFolder()
        let file = folder + "/" + String(repeating: "n", count: 240) + ".casus"
        let source = "titel:   T\nstap \"A\" (5 min)\n  zeg: Hallo.\neinde\n"
        try source.write(toFile: file, atomically: true, encoding: .utf8)
        let r = try casus(["fmt", "--write", file])
        #expect(r.status == 2)
        #expect(r.stderr.contains("niet geschreven: \(file): de naam is te lang"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == source)
    }

    @Test func listShowsTheBundledTitles() throws {
        let r = try casus(["list"], env: ["CASUS_SCENARIOS": Self.root + "/Scenarios"])
        #expect(r.status == 0)
        for title in [
            "Aanpak in de klas, met een eigen casus", "Aanpak binnen de school", "Belachelijk gemaakt op Instagram",
            "Een filmpje zonder dat hij het wist", "Afpersing via sociale media", "De hele klas lacht mee",
        ] {
            #expect(r.stdout.contains(title), "\(title)")
        }
        let json = try casus(["list", "--format", "json"], env: ["CASUS_SCENARIOS": Self.root + "/Scenarios"])
        #expect(json.stdout.contains("\"title\""))
        #expect(!r.stdout.contains("gedeeld/"))
    }
}
