import Foundation
import Testing
import TestSupport

/// `casus check A B` is one report: every file's messages and the summary are in the
/// interface language, whatever language each scenario is written in.
@Suite struct CheckSeveralFilesTests {
    static let english = "title: T\nlanguage: en\nstep \"S\" (5 min)\n    ak x (text): X?\nend\n"
    static let dutch = "titel: T\ntaal: nl\nstap \"S\" (5 min)\n    vrag x (tekst): X?\neinde\n"

    private func run(_ names: [String], options: [String] = [], environment: [String: String]) throws -> ProcessResult {
        let binary = try #require(TestEnvironment.binary(named: "casus"), "build the casus executable first")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casus-several-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.english.utf8).write(to: folder.appendingPathComponent("en.casus"))
        try Data(Self.dutch.utf8).write(to: folder.appendingPathComponent("nl.casus"))
        let paths = names.map { folder.appendingPathComponent($0).path }
        return try runProcess(binary: binary, arguments: ["check"] + options + paths, environment: environment)
    }

    @Test func severalFilesAreReportedInTheInterfaceLanguage() throws {
        let dutch = try run(["en.casus", "nl.casus"], environment: TestEnvironment.base.merging(["CASUS_LANG": "nl"]) { $1 })
        #expect(dutch.stderr.contains("en.casus:4:5: fout[C003]"), "\(dutch.stderr)")
        #expect(dutch.stderr.contains("2 fouten"), "\(dutch.stderr)")
        let noChoice = try run(["nl.casus", "en.casus"], environment: TestEnvironment.base)
        #expect(noChoice.stderr.contains("en.casus:4:5: fout[C003]"), "\(noChoice.stderr)")
        #expect(noChoice.stderr.contains("2 fouten"), "\(noChoice.stderr)")
        #expect(!noChoice.stderr.contains("error"), "\(noChoice.stderr)")
    }

    @Test func englishChosenWinsOverTheLastFilesDutch() throws {
        // The last file is Dutch: the old bug answered in the last file's `taal:`.
        for (options, environment) in [
            (["--lang", "en"], TestEnvironment.base.merging(["CASUS_LANG": "nl"]) { $1 }),
            ([], TestEnvironment.base.merging(["CASUS_LANG": "en"]) { $1 }),
        ] {
            let result = try run(["en.casus", "nl.casus"], options: options, environment: environment)
            #expect(result.stderr.contains("en.casus:4:5: error[C003]"), "\(result.stderr)")
            #expect(result.stderr.contains("nl.casus:4:5: error[C003]"), "\(result.stderr)")
            #expect(result.stderr.contains("2 errors, 0 warnings"), "\(result.stderr)")
            #expect(!result.stderr.contains("fout"), "\(result.stderr)")
        }
    }

    @Test func oneFileSpeaksItsScenariosLanguage() throws {
        let result = try run(["en.casus"], environment: TestEnvironment.base)
        #expect(result.stderr.contains("en.casus:4:5: error[C003]"), "\(result.stderr)")
    }
}
