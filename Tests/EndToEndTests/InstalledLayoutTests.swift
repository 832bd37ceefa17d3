import Foundation
import Testing
import TestSupport

/// What an installed casus (`make install`, the .deb) relies on: the version the package is
/// named after, and the bundled scenarios found through the binary's own prefix.
@Suite struct InstalledLayoutTests {
    @Test func versionIsPrintedAndExitsCleanly() throws {
        let binary = try #require(TestEnvironment.binary(named: "casus"))
        let r = try runProcess(binary: binary, arguments: ["--version"], environment: TestEnvironment.base)
        #expect(r.status == 0, "\(r.stderr)")
        let version = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // Debian versions must start with a digit; `make deb` names the package after this.
        let parts = version.split(separator: ".", omittingEmptySubsequences: false)
        #expect(parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }, "\(version)")
    }

    /// A copy of the binary in PREFIX/bin lists the scenarios in PREFIX/share/casus/Scenarios,
    /// without CASUS_SCENARIOS and although the current folder (the package) has Scenarios/.
    @Test func bundledScenariosAreFoundThroughTheBinarysPrefix() throws {
        let binary = try #require(TestEnvironment.binary(named: "casus"))
        // Beside the build folder, so the binary can be hard-linked: a copy would hold a write
        // descriptor that a process spawned meanwhile by a parallel test inherits, and then
        // starting the copy fails with "Text file busy".
        let build = URL(fileURLWithPath: binary).deletingLastPathComponent().deletingLastPathComponent()
        let prefix = build.appendingPathComponent("installed-layout-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: prefix + "/share/casus/Scenarios", withIntermediateDirectories: true)
        try fm.linkItem(atPath: binary, toPath: prefix + "/bin/casus")
        try "titel: Alleen in de prefix\nstap \"A\"\n    vraag a (tekst): A?\neinde\n"
            .write(toFile: prefix + "/share/casus/Scenarios/prefix.casus", atomically: true, encoding: .utf8)
        // Started through a symlink elsewhere, as /usr/local/bin/casus -> /opt/casus/bin/casus.
        try fm.createDirectory(atPath: prefix + "/elsewhere", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: prefix + "/elsewhere/casus", withDestinationPath: prefix + "/bin/casus")
        for path in [prefix + "/bin/casus", prefix + "/elsewhere/casus"] {
            let r = try runProcess(binary: path, arguments: ["list"], environment: TestEnvironment.base)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("Alleen in de prefix"), "\(r.stdout)")
            #expect(r.stdout.contains(prefix + "/share/casus/Scenarios/prefix.casus"), "\(r.stdout)")
        }
    }

    /// `casus room` in the installed layout: casus in PREFIX/bin hands the command to
    /// PREFIX/lib/casus/casus-room (here `room send`, which needs no network to answer).
    @Test func roomCommandsRunTheRoomProgramInLib() throws {
        let (casus, room) = (try #require(TestEnvironment.binary(named: "casus")), try #require(TestEnvironment.binary(named: "casus-room")))
        let prefix = try Self.prefix(beside: casus)
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try fm.linkItem(atPath: casus, toPath: prefix + "/bin/casus")
        let environment = TestEnvironment.base.merging(["CASUS_DIR": prefix + "/data"]) { $1 }
        let missing = try runProcess(binary: prefix + "/bin/casus", arguments: ["room", "send", "--lang", "nl"], environment: environment)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("casus-room") && missing.stderr.contains(prefix + "/lib/casus/casus-room"), "\(missing.stderr)")
        try fm.createDirectory(atPath: prefix + "/lib/casus", withIntermediateDirectories: true)
        try fm.linkItem(atPath: room, toPath: prefix + "/lib/casus/casus-room")
        let sent = try runProcess(binary: prefix + "/bin/casus", arguments: ["room", "send", "--lang", "nl"], environment: environment)
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("Er wacht niets op de zaal"), "\(sent.stdout)")
    }

    /// The point of the second program: casus itself carries no network library (SwiftNIO
    /// comes with the room's server and client), casus-room does.
    @Test func onlyTheRoomProgramCarriesTheNetworkLibraries() throws {
        let (casus, room) = (try #require(TestEnvironment.binary(named: "casus")), try #require(TestEnvironment.binary(named: "casus-room")))
        let marker = Data("NIOCore".utf8)
        #expect(try Data(contentsOf: URL(fileURLWithPath: casus), options: .alwaysMapped).range(of: marker) == nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: room), options: .alwaysMapped).range(of: marker) != nil)
    }

    /// A fresh folder beside the build folder (see above: hard links, not copies).
    private static func prefix(beside binary: String) throws -> String {
        let build = URL(fileURLWithPath: binary).deletingLastPathComponent().deletingLastPathComponent()
        return build.appendingPathComponent("installed-layout-\(UUID().uuidString)").path
    }
}
