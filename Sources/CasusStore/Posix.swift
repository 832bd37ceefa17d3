import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the POSIX calls the store needs, turning `errno` into `StoreError`.
/// Foundation is avoided for writes: it neither sets modes explicitly nor fsyncs folders.
enum Posix {
    static let fileMode: mode_t = 0o600
    static let folderMode: mode_t = 0o700

    // st_mode file types; the C macros are not reliably imported.
    static let typeMask: mode_t = 0o170000
    static let typeDirectory: mode_t = 0o040000
    static let typeRegular: mode_t = 0o100000
    static let typeSymlink: mode_t = 0o120000

    static func message(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    static func error(_ action: String, _ path: String, _ code: Int32) -> StoreError {
        StoreError(.io, "could not \(action) \(path): \(message(code))", code: code, path: path)
    }

    /// Flags every file in the store is opened with: never through a symlink (a planted link
    /// must not redirect a write or a chmod), never inherited by child processes, and never
    /// blocking on a planted pipe (regular files ignore `O_NONBLOCK`).
    static let safeFlags = O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK

    /// `open` with `safeFlags`, retried on EINTR; refuses anything but a regular file. New
    /// files get mode 0600 whatever the umask, set through the descriptor.
    static func open(_ path: String, _ flags: Int32, action: String = "open", reportAs: String? = nil) throws -> Int32 {
        while true {
            let fd = SystemOpen.open(path, flags | safeFlags, fileMode)
            if fd >= 0 {
                try requireRegularFile(fd, path)
                // The umask may have narrowed 0600 further or an old file may be wider: fix it.
                if flags & O_CREAT != 0 || flags & (O_WRONLY | O_RDWR) != 0 {
                    var st = stat()
                    if fstat(fd, &st) == 0, st.st_mode & 0o7777 != fileMode {
                        try setFileMode(fd, path)
                    }
                }
                return fd
            }
            let code = errno
            if code == EINTR { continue }
            throw error(action, reportAs ?? path, code)
        }
    }

    /// Closes `fd` and throws `.notAFile` unless it is a regular file.
    private static func requireRegularFile(_ fd: Int32, _ path: String) throws {
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let code = errno
            _ = close(fd)
            throw error("open", path, code)
        }
        guard st.st_mode & typeMask == typeRegular else {
            _ = close(fd)
            throw StoreError(.notAFile, "\(path) is not a regular file", path: path)
        }
    }

    /// Gives the open file `fd` mode 0600 whatever the umask; closes it when that fails.
    private static func setFileMode(_ fd: Int32, _ path: String) throws {
        guard fchmod(fd, fileMode) != 0 else { return }
        let code = errno
        _ = close(fd)
        throw error("set permissions on", path, code)
    }

    /// Creates `path` exclusively with mode 0600; nil if something by that name exists.
    static func createNew(_ path: String) throws -> Int32? {
        while true {
            let fd = SystemOpen.open(path, O_WRONLY | O_CREAT | O_EXCL | safeFlags, fileMode)
            if fd >= 0 {
                try setFileMode(fd, path)
                return fd
            }
            let code = errno
            if code == EINTR { continue }
            if code == EEXIST { return nil }
            throw error("create", path, code)
        }
    }

    /// The whole content of the regular file at `path`, read without following a symlink.
    static func readFile(_ path: String) throws -> [UInt8] {
        let fd = try open(path, O_RDONLY, action: "read")
        defer { _ = close(fd) }
        return try readAll(fd, path: path)
    }

    /// Throws `.notPrivate` when the folder behind the open descriptor `fd` can be written by
    /// group or others: anyone who can write there can plant files for casus to trust.
    static func requirePrivateFolder(_ fd: Int32, _ path: String) throws {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw error("check", path, errno) }
        if st.st_mode & 0o022 != 0 {
            throw StoreError(
                .notPrivate, "\(path) can be written by others (mode \(String(st.st_mode & 0o7777, radix: 8)))",
                path: path)
        }
    }

    /// Throws `.notPrivate` when the folder at `path` (symlinks followed: a linked root is
    /// fine) can be written by group or others.
    static func requirePrivateFolder(_ path: String) throws {
        let fd = try openFolder(path, follow: true)
        defer { _ = close(fd) }
        try requirePrivateFolder(fd, path)
    }

    /// Opens a folder read-only (to fsync, fchmod or check it); `follow` allows a symlink as
    /// the last component, which only the root and caller-chosen folders may be.
    static func openFolder(_ path: String, follow: Bool) throws -> Int32 {
        let flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW)
        while true {
            let fd = SystemOpen.open(path, flags, 0)
            if fd >= 0 { return fd }
            let code = errno
            if code == EINTR { continue }
            throw error("open folder", path, code)
        }
    }

    /// Writes all bytes, looping over partial writes and EINTR.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                throw error("write", path, code)
            }
            offset += n
        }
    }

    static func writeAll(_ fd: Int32, _ data: Data, path: String) throws {
        try data.withUnsafeBytes { buffer in
            guard buffer.count > 0 else { return }
            try writeAll(fd, buffer, path: path)
        }
    }

    /// Reads the whole file behind `fd` from offset 0.
    static func readAll(_ fd: Int32, path: String) throws -> [UInt8] {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw error("read", path, errno) }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
        var offset = 0
        while true {
            if offset == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: 4096)) }
            let n = bytes.withUnsafeMutableBytes { buffer in
                pread(fd, buffer.baseAddress! + offset, buffer.count - offset, off_t(offset))
            }
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                throw error("read", path, code)
            }
            if n == 0 { break }
            offset += n
        }
        bytes.removeSubrange(offset...)
        return bytes
    }

    static func sync(_ fd: Int32, path: String) throws {
        while fsync(fd) != 0 {
            let code = errno
            if code == EINTR { continue }
            throw error("flush to disk", path, code)
        }
    }

    /// Flushes file content and size but not other metadata such as timestamps: all an
    /// append needs, and cheaper than a full fsync.
    static func dataSync(_ fd: Int32, path: String) throws {
        #if os(Linux)
        while fdatasync(fd) != 0 {
            let code = errno
            if code == EINTR { continue }
            throw error("flush to disk", path, code)
        }
        #else
        try sync(fd, path: path)
        #endif
    }

    static func closeDescriptor(_ fd: Int32) -> Int32 {
        close(fd)
    }

    /// Flushes a folder so that creations, renames and removals inside it survive a crash.
    static func syncFolder(_ path: String) throws {
        // Read-only and only to flush: following a symlinked root or `--out` folder is harmless.
        let fd = try openFolder(path, follow: true)
        defer { _ = close(fd) }
        while fsync(fd) != 0 {
            let code = errno
            if code == EINTR { continue }
            // Some file systems cannot fsync folders; nothing more can be done there.
            if code == EINVAL || code == EROFS { return }
            throw error("flush folder to disk", path, code)
        }
    }

    static func fileType(_ path: String) -> mode_t? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return st.st_mode & typeMask
    }

    /// Creates one folder with mode 0700; returns false if it already existed as a folder.
    @discardableResult
    static func makeFolder(_ path: String) throws -> Bool {
        if mkdir(path, folderMode) == 0 {
            // mkdir honours the umask; set the mode explicitly, through a descriptor of the
            // folder itself so that a symlink swapped in meanwhile is refused, not chmod'ed.
            let fd = try openFolder(path, follow: false)
            defer { _ = close(fd) }
            guard fchmod(fd, folderMode) == 0 else { throw error("set permissions on", path, errno) }
            return true
        }
        let code = errno
        if code == EEXIST {
            var st = stat()
            if stat(path, &st) == 0, st.st_mode & typeMask == typeDirectory { return false }
            throw StoreError(.io, "could not create folder \(path): a file with that name exists", code: EEXIST, path: path)
        }
        throw error("create folder", path, code)
    }

    /// Creates `path` and any missing parents, each new folder 0700 and flushed into its parent.
    static func makeFolders(_ path: String) throws {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var missing: [String] = []
        var current = url
        while fileType(current.path) == nil, current.path != "/" {
            missing.append(current.path)
            current = current.deletingLastPathComponent()
        }
        for folder in missing.reversed() {
            if try makeFolder(folder) {
                try syncFolder(URL(fileURLWithPath: folder).deletingLastPathComponent().path)
            }
        }
        // stat (not lstat): a symlink to a folder is an acceptable root.
        var st = stat()
        if stat(url.path, &st) != 0 || st.st_mode & typeMask != typeDirectory {
            throw StoreError(.io, "could not create folder \(url.path): not a folder", code: ENOTDIR, path: url.path)
        }
    }

    /// The names in a folder, without "." and "..".
    static func listFolder(_ path: String) throws -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            let code = underlying?.domain == NSPOSIXErrorDomain ? Int32(underlying!.code) : EIO
            throw Posix.error("list", path, code)
        }
    }

    /// The canonical path with symlinks resolved, or nil if it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Namespaces the C `open` so it does not clash with `Posix.open`.
private enum SystemOpen {
    static func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
        #if canImport(Glibc)
        return Glibc.open(path, flags, mode)
        #else
        return Darwin.open(path, flags, mode)
        #endif
    }
}
