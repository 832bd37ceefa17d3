import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The finished index: `.finished/` in the store root holds one empty file per finished
/// session, named by its id, so that `casus play` can pass over finished sessions by their
/// names alone instead of reading every session's `meta.json` to find the few it may continue.
///
/// The index is only ever a shortcut, never the truth: a marker that is missing (a crash, a
/// store made by an older casus) costs one read of that session's metadata, after which the
/// caller adds it; a marker whose session is gone is ignored. So markers are written without
/// flushing, and nothing that matters is lost when one is.
extension SessionStore {
    /// The name of the index folder: it starts with a dot, so it is never a session id.
    static let finishedIndexName = ".finished"

    private var finishedIndexPath: String { root.appendingPathComponent(Self.finishedIndexName).path }

    /// The ids of the sessions marked finished; empty when there is no index (yet), or when
    /// something other than a private folder of casus's stands in its place.
    public func finishedIDs() -> Set<String> {
        let path = finishedIndexPath
        guard Posix.fileType(path) == Posix.typeDirectory, (try? Posix.requirePrivateFolder(path)) != nil,
            let names = try? Posix.listFolder(path)
        else { return [] }
        return Set(names.filter(Self.isValidID))
    }

    /// Marks the session `id` as finished (idempotent). Failing is harmless: the session is
    /// then read once more next time.
    public func markFinished(_ id: String) throws {
        guard Self.isValidID(id) else { return }
        let path = finishedIndexPath
        try Posix.makeFolder(path)
        guard Posix.fileType(path) == Posix.typeDirectory else {
            throw StoreError(.notAFile, "\(path) is not a folder", path: path)
        }
        try Posix.requirePrivateFolder(path)
        if let fd = try Posix.createNew(path + "/" + id) { _ = close(fd) }
    }

    /// Removes the finished marker of `id`, if there is one.
    func forgetFinished(_ id: String) {
        guard Self.isValidID(id) else { return }
        unlink(finishedIndexPath + "/" + id)
    }

    /// The sessions whose ids are not marked finished, oldest id first: what `list()` gives,
    /// without reading the files of the finished ones.
    public func listUnfinished() throws -> [Summary] {
        let finished = finishedIDs()
        return try Posix.listFolder(root.path).filter { Self.isValidID($0) && !finished.contains($0) }.sorted()
            .compactMap(summary)
    }
}
