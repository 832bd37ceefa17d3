import CasusCore
import Foundation

/// Reads scenarios from the real file system; includes are resolved with symbolic links
/// followed, so a link cannot smuggle a file in from outside the scenario's folder.
/// Only regular files are read: a FIFO or a device could block or never end.
public struct FileSourceProvider: SourceProvider {
    public init() {}

    public func read(_ path: String) -> Result<[UInt8], SourceReadError> {
        // Non-blocking, so opening a FIFO without a writer returns at once instead of waiting
        // for one; the type is checked on the open descriptor (no race with a rename).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        if fd < 0 {
            switch errno {
            case ENOENT, ENOTDIR: return .failure(.notFound)
            case EACCES, EPERM: return .failure(.unreadable("permission denied"))
            default: return .failure(.unreadable(String(cString: strerror(errno))))
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.isDirectory)
        default: return .failure(.notRegularFile)
        }
        // Straight into the array the parser reads (no Data in between, no zero-filling), and
        // one byte past the limit at most: enough for the parser to refuse the file. Sized by
        // the file's length; a file that grows meanwhile is read on in chunks.
        let limit = Parser.maxFileBytes + 1
        var bytes: [UInt8] = []
        var expected = min(max(Int(info.st_size), 0) + 1, limit)
        while bytes.count < limit {
            let before = bytes.count
            switch Self.append(from: fd, upTo: expected, to: &bytes) {
            case .failure(let error): return .failure(error)
            case .success: break
            }
            // End of file: the last read returned fewer bytes than asked for.
            if bytes.count - before < expected { break }
            expected = min(64 * 1024, limit - bytes.count)
        }
        return .success(bytes)
    }

    /// Reads up to `count` bytes from `fd` onto the end of `bytes`; stops early at end of file.
    private static func append(from fd: Int32, upTo count: Int, to bytes: inout [UInt8]) -> Result<Void, SourceReadError> {
        var failure: Int32 = 0
        let extra = [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
            filled = 0
            while filled < count {
                let n = systemRead(fd, buffer.baseAddress! + filled, count - filled)
                if n == 0 { break }
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                filled += n
            }
        }
        if failure != 0 { return .failure(.unreadable(String(cString: strerror(failure)))) }
        // The first read (usually the whole file) becomes the array itself, without a copy.
        if bytes.isEmpty { bytes = extra } else { bytes.append(contentsOf: extra) }
        return .success(())
    }

    public func resolve(include: String, from file: String, root: String) -> String? {
        let folder = PathMath.folder(of: file)
        let joined = include.hasPrefix("/") ? include : (folder.isEmpty ? include : folder + "/" + include)
        guard let normal = PathMath.normalise(joined) else { return nil }
        let realRoot = Self.realPath(root.isEmpty ? "." : root)
        let realTarget = Self.realPath(normal)
        guard PathMath.isInside(realTarget, root: realRoot) else { return nil }
        return normal
    }

    /// The canonical absolute path (links resolved) when the file exists, else the absolute
    /// normalised path.
    public static func realPath(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return PathMath.normalise(absolute) ?? absolute
    }
}

/// The C `read`, which the provider's own `read(_:)` hides.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, buffer, count)
    #else
    return Darwin.read(fd, buffer, count)
    #endif
}
