import CasusCore
import Foundation

/// Reads scenarios from the real file system; includes are resolved with symbolic links
/// followed, so a link cannot smuggle a file in from outside the scenario's folder.
struct FileSourceProvider: SourceProvider {
    func read(_ path: String) -> Result<[UInt8], SourceReadError> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .failure(.notFound) }
        if isDirectory.boolValue { return .failure(.isDirectory) }
        guard let handle = FileHandle(forReadingAtPath: path) else { return .failure(.unreadable("permission denied")) }
        defer { try? handle.close() }
        do {
            // Read one byte past the limit: enough for the parser to refuse the file.
            let data = try handle.read(upToCount: Parser.maxFileBytes + 1) ?? Data()
            return .success([UInt8](data))
        } catch {
            return .failure(.unreadable(error.localizedDescription))
        }
    }

    func resolve(include: String, from file: String, root: String) -> String? {
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
    static func realPath(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return PathMath.normalise(absolute) ?? absolute
    }
}
