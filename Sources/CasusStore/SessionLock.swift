import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on a session folder, so that two casus processes never write the same
/// session. Held from `init` until the object is released (or `unlock()`).
///
/// Uses `flock` on `<session>/lock` (0600), which also holds the owner's pid for the error
/// message. The kernel drops the lock when the process dies, so no stale locks remain.
/// flock locks belong to the open file description: a second `SessionLock` in the same
/// process conflicts too.
public final class SessionLock {
    /// The lock file.
    public let url: URL
    private var fd: Int32

    /// Takes the lock on the session in `folder`, or fails at once with `.sessionInUse`.
    public convenience init(folder: URL) throws {
        try self.init(folder: folder, create: true)
    }

    /// Takes the lock of `folder` only if its lock file already exists; never creates one.
    convenience init(existingIn folder: URL) throws {
        try self.init(folder: folder, create: false)
    }

    private init(folder: URL, create: Bool) throws {
        url = folder.appendingPathComponent("lock", isDirectory: false)
        let path = url.path
        // A session folder others can write into may hold planted files: refuse it first.
        let folderFD = try Posix.openFolder(folder.path, follow: false)
        defer { _ = Posix.closeDescriptor(folderFD) }
        try Posix.requirePrivateFolder(folderFD, folder.path)
        fd = try Posix.open(path, O_RDWR | (create ? O_CREAT : 0), action: "open lock file")
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            let owner = try? Posix.readAll(fd, path: path)
            _ = Posix.closeDescriptor(fd)
            fd = -1
            if code == EWOULDBLOCK {
                let pid = owner.flatMap {
                    Int32(String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
                }
                let who = pid.map { "another casus (pid \($0))" } ?? "another casus"
                throw StoreError(.sessionInUse(pid: pid), "session is in use by \(who)")
            }
            throw Posix.error("lock", path, code)
        }
        // Only the holder writes the pid, so readers never see a half-written one for long.
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    /// Throws `.sessionInUse` when another process holds the lock of `folder`, without taking
    /// it: a shared `flock` on the lock file, let go at once, so nothing is created or written
    /// (a reader such as `casus report` must not change a session). No lock file: nobody holds it.
    public static func requireFree(folder: URL) throws {
        let folderFD = try Posix.openFolder(folder.path, follow: false)
        defer { _ = Posix.closeDescriptor(folderFD) }
        try Posix.requirePrivateFolder(folderFD, folder.path)
        let path = folder.appendingPathComponent("lock", isDirectory: false).path
        guard Posix.fileType(path) != nil else { return }
        let fd = try Posix.open(path, O_RDONLY, action: "open lock file")
        defer { _ = Posix.closeDescriptor(fd) }
        while flock(fd, LOCK_SH | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            guard code == EWOULDBLOCK else { throw Posix.error("lock", path, code) }
            let pid = (try? Posix.readAll(fd, path: path)).flatMap {
                Int32(String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
            }
            throw StoreError(.sessionInUse(pid: pid), "session is in use by \(pid.map { "another casus (pid \($0))" } ?? "another casus")")
        }
    }

    deinit { unlock() }

    /// Whether this object still holds the lock.
    public var isHeld: Bool { fd >= 0 }

    /// Releases the lock early; the lock file stays (removing it would race with new lockers).
    public func unlock() {
        guard fd >= 0 else { return }
        _ = flock(fd, LOCK_UN)
        _ = Posix.closeDescriptor(fd)
        fd = -1
    }
}
