import Synchronization

/// A scenario file's path, interned: equal paths get equal ids for the life of the process.
///
/// Source ranges store this instead of the path, which makes a range 20 bytes without
/// reference counting; on a large scenario the tree holds millions of ranges. The table is
/// the only shared state of the core: it only grows, and a path's id never changes, so
/// results do not depend on the order files were seen in.
public struct SourceFileID: Hashable, Sendable, CustomStringConvertible {
    private let raw: UInt32

    /// The id of `path`, interning it on first use. Takes a lock: call once per file, not
    /// per range.
    public init(_ path: String) {
        raw = SourcePathTable.shared.intern(path)
    }

    /// The path as it was given.
    public var path: String { SourcePathTable.shared.path(raw) }

    public var description: String { path.debugDescription }
}

/// The interned paths. A class only to own the lock.
private final class SourcePathTable: Sendable {
    static let shared = SourcePathTable()

    private struct State {
        var paths: [String] = []
        var ids: [String: UInt32] = [:]
    }

    private let state = Mutex(State())

    func intern(_ path: String) -> UInt32 {
        state.withLock { state in
            if let id = state.ids[path] { return id }
            let id = UInt32(state.paths.count)
            state.paths.append(path)
            state.ids[path] = id
            return id
        }
    }

    func path(_ id: UInt32) -> String {
        state.withLock { $0.paths[Int(id)] }
    }
}
