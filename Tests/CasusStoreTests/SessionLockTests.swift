import Foundation
import Testing

@testable import CasusStore

@Suite struct SessionLockTests {
    @Test func secondLockIsRefusedUntilTheFirstIsReleased() throws {
        let temp = try TempFolder()
        var first: SessionLock? = try SessionLock(folder: temp.url)
        #expect(first?.isHeld == true)
        #expect(String(decoding: try bytes(temp.path("lock")), as: UTF8.self) == "\(getpid())\n")

        #expect {
            try SessionLock(folder: temp.url)
        } throws: {
            let error = $0 as? StoreError
            return error?.kind == .sessionInUse(pid: getpid())
                && error?.message == "session is in use by another casus (pid \(getpid()))"
        }

        first = nil
        let second = try SessionLock(folder: temp.url)
        #expect(second.isHeld)
        second.unlock()
        #expect(!second.isHeld)
        _ = try SessionLock(folder: temp.url)
        withExtendedLifetime(first) {}
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")))
    func lockHeldByAnotherProcess() throws {
        let temp = try TempFolder()
        let lockFile = temp.path("lock")
        try data("4242\n").write(to: lockFile)
        // flock(1) holds the lock until its shell ends, which is when we close its stdin.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        child.arguments = ["-x", lockFile.path, "-c", "echo locked; read line"]
        let pipe = Pipe()
        let input = Pipe()
        child.standardOutput = pipe
        child.standardInput = input
        try child.run()
        defer {
            try? input.fileHandleForWriting.close()
            child.waitUntilExit()
        }
        _ = pipe.fileHandleForReading.availableData  // waits for "locked"

        #expect {
            try SessionLock(folder: temp.url)
        } throws: {
            ($0 as? StoreError)?.message == "session is in use by another casus (pid 4242)"
        }
    }
}
