import Foundation
import Testing
import TestSupport

/// A scenario typed as a path that climbs (`../Scenarios/x.casus`) is the same scenario: its
/// includes are inside its folder whatever the form of the path. A link inside the folder that
/// points outside it stays refused. Runs the built binary from a sibling folder.
@Suite struct RelativePathTests {
    private func binary() throws -> String {
        try #require(TestEnvironment.binary(named: "casus"), "build the casus executable first")
    }

    /// `base/Scenarios/main.casus` including `gedeeld/deel.casus`, and an empty `base/werk`.
    private func tree(main: String) throws -> URL {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("casus-rel-\(UUID().uuidString)")
        let shared = base.appendingPathComponent("Scenarios/gedeeld")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: base.appendingPathComponent("werk"), withIntermediateDirectories: true)
        try Data(main.utf8).write(to: base.appendingPathComponent("Scenarios/main.casus"))
        try Data("stap \"Gedeeld\"\n    vraag x (ja/nee): Klopt het?\neinde\n".utf8)
            .write(to: shared.appendingPathComponent("deel.casus"))
        return base
    }

    /// `casus ARGUMENTS` run with `folder` as the current folder.
    private func run(in folder: URL, _ arguments: String) throws -> ProcessResult {
        try runProcess(
            binary: "/bin/sh", arguments: ["-c", "cd \"$0\" && exec \"$1\" \(arguments)", folder.path, try binary()],
            environment: TestEnvironment.base)
    }

    static let main = "titel: T\ninvoegen \"gedeeld/deel.casus\"\n"

    @Test func checkAndTestAcceptAPathThatClimbs() throws {
        let base = try tree(main: Self.main)
        defer { try? FileManager.default.removeItem(at: base) }
        let werk = base.appendingPathComponent("werk")
        let check = try run(in: werk, "check --lang en ../Scenarios/main.casus")
        #expect(check.status == 0, "\(check.stderr)")
        #expect(!check.stderr.contains("C102"), "\(check.stderr)")
        let test = try run(in: werk, "test --lang en ../Scenarios/main.casus")
        #expect(!test.stderr.contains("C102"), "\(test.stderr)")
        let dotted = try run(in: werk, "check --lang en ../werk/../Scenarios/./main.casus")
        #expect(dotted.status == 0, "\(dotted.stderr)")
    }

    @Test func anIncludeThatLeavesTheFolderIsStillRefused() throws {
        let base = try tree(main: "titel: T\ninvoegen \"../werk/buiten.casus\"\ninvoegen \"gedeeld/deel.casus\"\n")
        defer { try? FileManager.default.removeItem(at: base) }
        try Data("rol a: A\n".utf8).write(to: base.appendingPathComponent("werk/buiten.casus"))
        let result = try run(in: base.appendingPathComponent("werk"), "check --lang en ../Scenarios/main.casus")
        #expect(result.status == 1)
        #expect(result.stderr.contains("error[C102]"), "\(result.stderr)")
    }

    @Test func aLinkInsideTheFolderThatPointsOutsideIsRefused() throws {
        let base = try tree(main: "titel: T\ninvoegen \"link.casus\"\ninvoegen \"gedeeld/deel.casus\"\n")
        defer { try? FileManager.default.removeItem(at: base) }
        try Data("rol a: A\n".utf8).write(to: base.appendingPathComponent("werk/buiten.casus"))
        try FileManager.default.createSymbolicLink(
            atPath: base.appendingPathComponent("Scenarios/link.casus").path,
            withDestinationPath: base.appendingPathComponent("werk/buiten.casus").path)
        let result = try run(in: base.appendingPathComponent("werk"), "check --lang en ../Scenarios/main.casus")
        #expect(result.status == 1)
        #expect(result.stderr.contains("error[C102]"), "\(result.stderr)")
    }
}
