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
        try writeAtomically([(data, url)])
    }

    /// Replaces the file at `url` as `writeAtomically` does, but gives the new file `mode`
    /// instead of 0600: for a file that is not the store's, such as a scenario `casus fmt`
    /// rewrites, whose permissions are kept.
    public static func replace(_ data: Data, at url: URL, mode: mode_t) throws {
        try writeAtomically([(data, url)], mode: mode)
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
