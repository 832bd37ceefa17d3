import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DurableFile {
    /// Replaces several files in one folder, each atomically (temp file 0600 → fsync →
    /// rename), with one fsync of the folder at the end instead of one per file. After a
    /// crash every file holds its old or its new content, never a mix.
    public static func writeAtomically(_ files: [(data: Data, url: URL)]) throws {
        try writeAtomically(files, mode: nil)
    }

    /// The batch write; `mode` (when given) replaces 0600 on the new files.
    static func writeAtomically(_ files: [(data: Data, url: URL)], mode: mode_t?) throws {
        guard let folder = files.first?.url.deletingLastPathComponent().path else { return }
        var temps: [(temp: String, path: String)] = []
        defer {
            for (temp, _) in temps { _ = unlink(temp) }
        }
        for (data, url) in files {
            precondition(url.deletingLastPathComponent().path == folder, "all files must share one folder")
            let temp = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(randomHex(4))"
            // Errors name the file being replaced, which is what a person knows.
            let fd = try Posix.open(temp, O_WRONLY | O_CREAT | O_EXCL, action: "create", reportAs: url.path)
            temps.append((temp, url.path))
            do {
                if let mode, fchmod(fd, mode) != 0 { throw Posix.error("set permissions on", url.path, errno) }
                try Posix.writeAll(fd, data, path: url.path)
                try Posix.sync(fd, path: url.path)
            } catch {
                _ = close(fd)
                throw error
            }
            guard close(fd) == 0 else { throw Posix.error("close", url.path, errno) }
        }
        while let (temp, path) = temps.first {
            guard rename(temp, path) == 0 else { throw Posix.error("replace", path, errno) }
            temps.removeFirst()
        }
        try Posix.syncFolder(folder)
    }
}
