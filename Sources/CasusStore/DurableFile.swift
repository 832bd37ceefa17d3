import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Crash-safe whole-file writes with private (0600) permissions.
public enum DurableFile {
    /// Replaces the file at `url` with `data` so that after a crash it holds either the old or
    /// the new content, never a mix: temp file in the same folder (0600) → fsync → rename →
    /// fsync of the folder.
    public static func writeAtomically(_ data: Data, to url: URL) throws {
        let path = url.path
        let folder = url.deletingLastPathComponent().path
        let temp = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(randomHex(4))"
        let fd = try Posix.open(temp, O_WRONLY | O_CREAT | O_EXCL, action: "create")
        var renamed = false
        defer {
            if !renamed { _ = unlink(temp) }
        }
        do {
            try Posix.writeAll(fd, data, path: temp)
            try Posix.sync(fd, path: temp)
        } catch {
            _ = close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw Posix.error("close", temp, errno) }
        guard rename(temp, path) == 0 else { throw Posix.error("replace", path, errno) }
        renamed = true
        try Posix.syncFolder(folder)
    }

    /// Writes `data` to a new file named `url`, or `url` + ".1", ".2", … if that exists, and
    /// returns the name used. Never replaces an existing file.
    static func writeNew(_ data: Data, preferred url: URL) throws -> URL {
        var attempt = 0
        while true {
            let candidate = attempt == 0 ? url : URL(fileURLWithPath: url.path + ".\(attempt)")
            guard let fd = try Posix.createNew(candidate.path) else {
                attempt += 1
                continue
            }
            do {
                try Posix.writeAll(fd, data, path: candidate.path)
                try Posix.sync(fd, path: candidate.path)
            } catch {
                _ = close(fd)
                throw error
            }
            _ = close(fd)
            try Posix.syncFolder(candidate.deletingLastPathComponent().path)
            return candidate
        }
    }

    /// `count` random bytes as lowercase hex.
    static func randomHex(_ count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return String(byte, radix: 16).leftPadded(to: 2)
        }.joined()
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
