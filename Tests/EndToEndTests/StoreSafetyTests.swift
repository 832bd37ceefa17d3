import CasusStore
import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// The built binary never deletes what it did not make, never writes through planted files,
/// refuses folders others can write into, and stops before the first question when nothing
/// can be saved.
@Suite("Store safety")
struct StoreSafetyTests {
    static let root: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir.deleteLastPathComponent()
        }
        return dir
    }()
    static let scenario = root.appendingPathComponent("Scenarios/vo1-afpersing-havo4.casus").path
    static let answers = root.appendingPathComponent("Tests/Fixtures/Playthroughs/vo1-afpersing-havo4.answers").path

    let temp: URL
    let dir: String

    init() throws {
        temp = FileManager.default.temporaryDirectory.appendingPathComponent("casus-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
        dir = temp.appendingPathComponent("store").path
    }

    func casus(_ arguments: [String], stdin: String = "") throws -> ProcessResult {
        let binary = try #require(TestEnvironment.binary(named: "casus"), "build casus first")
        return try runProcess(binary: binary, arguments: arguments, stdin: stdin, environment: TestEnvironment.base)
    }

    /// A whole scripted playthrough into `dir`.
    func playThrough(_ dir: String) throws -> ProcessResult {
        try casus(["play", Self.scenario, "--answers", Self.answers, "--dir", dir])
    }

    /// Starts `casus play` and leaves at once (input ends at the first question).
    func startAndLeave(_ extra: [String] = []) throws -> ProcessResult {
        try casus(["play", Self.scenario, "--dir", dir] + extra)
    }

    func store() throws -> SessionStore {
        try SessionStore(location: StoreLocation(root: URL(fileURLWithPath: dir)))
    }

    func sessionIDs() throws -> [String] {
        try store().list().map(\.folder.id)
    }

    // MARK: Item 1: no silent deletion

    @Test func aFolderWithOnlySheetsSurvivesAPlayStart() throws {
        // As a facilitator copying sheets into the store for `casus report` leaves it.
        let copied = try store().create(group: "Groep Geel")
        try copied.writeSheet(Data("# Groep Geel".utf8), as: .markdown)
        try copied.writeSheet(Data("{}".utf8), as: .json)
        let bare = try store().create(group: "leeg")
        let result = try startAndLeave()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try copied.readSheet(.markdown) == Data("# Groep Geel".utf8))
        #expect(try copied.readSheet(.json) == Data("{}".utf8))
        // A new empty folder may be another casus that is just starting: left alone too.
        #expect(FileManager.default.fileExists(atPath: bare.url.path))
        #expect(try sessionIDs() == [copied.id, bare.id].sorted())
    }

    @Test func aFolderAnotherPlayHasJustMadeSurvivesAndThatPlaySucceeds() throws {
        // "Another casus play" has created its folder and not yet taken its lock; this one
        // plays a whole session meanwhile (the interleaving a slow disk makes likely).
        let other = try store().create(group: "Groep Blauw")
        let first = try playThrough(dir)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Klaar! Alle stappen zijn gedaan."))
        // The other play carries on: lock, header, an answer.
        let lock = try other.lock()
        let journal = try other.createJournal(header: Data(#"{"app":"casus"}"#.utf8))
        try journal.append(payload: Data(#"{"event":"x"}"#.utf8))
        journal.close()
        lock.unlock()
        #expect(try sessionIDs().count == 2)
    }

    // MARK: Item 2: planted files

    @Test func aPlantedLockSymlinkLeavesItsVictimUnchanged() throws {
        let victim = temp.appendingPathComponent("victim.txt")
        try Data("precious\n".utf8).write(to: victim)
        #expect(chmod(victim.path, 0o644) == 0)
        let planted = try store().create(group: "geplant")
        #expect(symlink(victim.path, planted.lockURL.path) == 0)
        // Old enough to look abandoned, so the start-up cleanup considers it.
        var times = [timeval(tv_sec: 1_000_000, tv_usec: 0), timeval(tv_sec: 1_000_000, tv_usec: 0)]
        #expect(lutimes(planted.lockURL.path, &times) == 0 && utimes(planted.url.path, &times) == 0)
        let result = try startAndLeave()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Data(contentsOf: victim) == Data("precious\n".utf8))
        var st = stat()
        #expect(stat(victim.path, &st) == 0 && st.st_mode & 0o777 == 0o644)
        #expect(Posix_isSymlink(planted.lockURL.path))
    }

    @Test(arguments: ["nl", "en"])
    func aStoreOthersCanWriteIsRefusedSayingWhatToDo(lang: String) throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        #expect(chmod(dir, 0o777) == 0)
        let expected =
            lang == "nl" ? "Andere gebruikers kunnen in de map \(dir) schrijven" : "Other users can write to the folder \(dir)"
        for arguments in [["play", Self.scenario], ["sessions"]] {
            let result = try casus(arguments + ["--dir", dir, "--lang", lang])
            #expect(result.status == 1)
            #expect(result.stderr.contains(expected), "\(result.stderr)")
            #expect(result.stderr.contains("chmod 700 \(dir)"))
            #expect(!result.stderr.contains("Error:"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    // MARK: Item 5: fail early

    @Test func leavingAtOnceLeavesNothingBehind() throws {
        let result = try startAndLeave()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test(.enabled(if: Mounts.available, "needs root (or CAP_SYS_ADMIN) to mount a tmpfs"))
    func aReadOnlyStoreStopsPlayBeforeTheFirstQuestion() throws {
        let mount = try Mounts.tmpfs(at: temp.appendingPathComponent("ro").path, size: "1m")
        defer { mount.remove() }
        let dir = mount.path + "/casus"
        let played = try playThrough(dir)
        #expect(played.status == 0, "\(played.stderr)")
        // The store also holds its finished index (`.finished`).
        let id = try #require(try FileManager.default.contentsOfDirectory(atPath: dir).first { !$0.hasPrefix(".") })
        let sheet = try String(contentsOfFile: dir + "/" + id + "/sheet.md", encoding: .utf8)
        try mount.remountReadOnly()

        let result = try casus(["play", Self.scenario, "--dir", dir], stdin: "Groep Rood\n")
        #expect(result.status == 1)
        // It names the store folder, not the session folder it could not make.
        #expect(result.stderr.contains("Opslaan is mislukt: de opslag is alleen-lezen: \(dir)."), "\(result.stderr)")
        #expect(result.stderr.contains("--dir"))
        #expect(!result.stdout.contains("Hoe heet jullie groep?"), "\(result.stdout)")

        // casus sheet says why it shows the sheet written during play.
        let shown = try casus(["sheet", id, "--dir", dir])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout == sheet)
        #expect(shown.stderr.contains("alleen-lezen"), "\(shown.stderr)")
        #expect(!shown.stderr.contains("wordt nu gespeeld"))
    }

    @Test(.enabled(if: Mounts.available, "needs root (or CAP_SYS_ADMIN) to mount a tmpfs"))
    func aFullDiskStopsPlayBeforeTheFirstQuestion() throws {
        let mount = try Mounts.tmpfs(at: temp.appendingPathComponent("full").path, size: "64k")
        defer { mount.remove() }
        let dir = mount.path + "/casus"
        #expect(mkdir(dir, 0o700) == 0)
        // Fill the disk to the last byte.
        #expect(FileManager.default.createFile(atPath: mount.path + "/filler", contents: nil))
        let filler = try #require(FileHandle(forWritingAtPath: mount.path + "/filler"))
        let block = Data(count: 4096)
        while (try? filler.write(contentsOf: block)) != nil {}
        try? filler.close()

        for lang in ["nl", "en"] {
            let result = try casus(["play", Self.scenario, "--dir", dir, "--lang", lang], stdin: "Groep Rood\n")
            #expect(result.status == 1)
            let expected = lang == "nl" ? "Opslaan is mislukt: de schijf is vol" : "Saving failed: the disk is full"
            #expect(result.stderr.contains(expected), "\(result.stderr)")
            #expect(!result.stdout.contains(lang == "nl" ? "Hoe heet jullie groep?" : "group"), "\(result.stdout)")
            // What failed is taken back: no half-made session is left.
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
        }
    }

    @Test(.enabled(if: Mounts.available, "needs root (or CAP_SYS_ADMIN) to mount a tmpfs"))
    func aDiskThatFillsUpDuringPlayIsNamedInTheGroupsLanguage() throws {
        // 64 KB hold the journal and the early sheets, not the sheets of a whole session.
        let mount = try Mounts.tmpfs(at: temp.appendingPathComponent("filling").path, size: "64k")
        defer { mount.remove() }
        let dir = mount.path + "/casus"
        let result = try playThrough(dir)
        #expect(result.status == 1)
        #expect(result.stdout.contains("Opslaan is mislukt: de schijf is vol: \(dir)/"), "\(result.stdout.suffix(600))")
        #expect(result.stdout.contains("Maak ruimte vrij"))
        // The file a person knows is named, not a temp file; no English system message.
        #expect(!result.stdout.contains(".tmp-") && !result.stdout.contains("No space left"))
    }
}

private func Posix_isSymlink(_ path: String) -> Bool {
    var st = stat()
    return lstat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK
}

/// Small tmpfs mounts for the disk-full and read-only tests; only root can make them.
enum Mounts {
    struct Mount {
        let path: String

        func remountReadOnly() throws {
            #expect(Mounts.run("/bin/mount", ["-o", "remount,ro", path]), "remount read-only")
        }

        func remove() {
            if !Mounts.run("/bin/umount", [path]) { _ = Mounts.run("/bin/umount", ["-l", path]) }
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Whether this process may mount a tmpfs (tried once, in a scratch folder).
    static let available: Bool = {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/bin/mount") else { return false }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("casus-mount-probe-\(UUID().uuidString)").path
        guard let mount = try? tmpfs(at: probe, size: "64k") else { return false }
        mount.remove()
        return true
    }()

    static func tmpfs(at path: String, size: String) throws -> Mount {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size),mode=0700", "tmpfs", path]) else {
            try? FileManager.default.removeItem(atPath: path)
            throw CocoaError(.fileWriteNoPermission)
        }
        return Mount(path: path)
    }

    static func run(_ program: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
