/// Where the loader gets files from. The command line gives it the real file system; tests
/// give it a dictionary. Keeps CasusCore free of file APIs.
public protocol SourceProvider {
    /// The bytes of the file at `path` (as returned by `resolve`), or a reason it cannot be read.
    func read(_ path: String) -> Result<[UInt8], SourceReadError>

    /// The path of `include` written in `file`, or nil when it would leave `root` (the folder
    /// of the main scenario). Implementations resolve symbolic links before comparing.
    func resolve(include: String, from file: String, root: String) -> String?

    /// The `.casus` files in `folder` and in the folders just below it, as paths relative to
    /// `folder` (`gedeeld/groepsdynamiek.casus`): the candidates for a misspelt include.
    func casusFiles(in folder: String) -> [String]
}

extension SourceProvider {
    public func casusFiles(in folder: String) -> [String] { [] }
}

/// Why a file could not be read.
public enum SourceReadError: Error, Hashable, Sendable {
    case notFound
    case isDirectory
    /// A FIFO, device or socket: reading one could wait forever or never end.
    case notRegularFile
    case unreadable(String)
}

/// An in-memory provider: paths are keys; includes resolve relative to the including
/// file's folder with `.`/`..` normalised and must stay under the root folder.
public struct InMemorySourceProvider: SourceProvider {
    public var files: [String: String]

    public init(_ files: [String: String]) {
        self.files = files
    }

    public func read(_ path: String) -> Result<[UInt8], SourceReadError> {
        guard let text = files[path] else { return .failure(.notFound) }
        return .success(Array(text.utf8))
    }

    public func casusFiles(in folder: String) -> [String] {
        let prefix = folder.isEmpty ? "" : folder + "/"
        return files.keys.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".casus") }
            .map { String($0.dropFirst(prefix.count)) }
            .filter { $0.split(separator: "/").count <= 2 }
            .sorted()
    }

    public func resolve(include: String, from file: String, root: String) -> String? {
        let folder = PathMath.folder(of: file)
        let joined = include.hasPrefix("/") ? include : (folder.isEmpty ? include : folder + "/" + include)
        guard let normal = PathMath.normalise(joined) else { return nil }
        return PathMath.isInside(normal, root: root) ? normal : nil
    }
}

/// Pure path arithmetic on `/`-separated strings.
public enum PathMath {
    /// The folder part of a path ("" for a bare file name).
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Removes `.` and resolves `..` as far as the text allows: a relative path keeps the `..`
    /// it starts with (`../Scenarios/x.casus` is a fine path typed from a sibling folder), and
    /// `/..` is `/`. Never nil; optional for its callers' sake.
    public static func normalise(_ path: String) -> String? {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !absolute {
                    parts.append(part)
                }
                continue
            }
            parts.append(part)
        }
        return (absolute ? "/" : "") + parts.joined(separator: "/")
    }

    /// True when the normalised `path` is `root` itself or below it. Both are compared as
    /// written, so a caller with a file system compares resolved real paths
    /// (`FileSourceProvider` does).
    public static func isInside(_ path: String, root: String) -> Bool {
        let climbs = path == ".." || path.hasPrefix("../")
        let r = root.hasSuffix("/") ? String(root.dropLast()) : root
        if r.isEmpty || r == "." { return !path.hasPrefix("/") && !climbs }
        return path == r || path.hasPrefix(r + "/")
    }
}
