import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SessionStore {
    /// How long a folder without answers must have been left alone before it counts as
    /// abandoned. A `casus play` that has just created its folder takes the lock and writes
    /// the journal header within moments, even on a slow disk; a minute leaves a wide margin.
    public static let abandonedAge: TimeInterval = 60

    /// Removes the session folders that a crash left before any answer was saved, and returns
    /// their ids. Only a folder that is certainly casus's own and holds nothing is removed:
    /// a private (0700) folder of this user named like a session whose lock no one holds,
    /// holding either the lock and a journal with only its header, or at most a lock and
    /// left alone for `abandonedAge`. Everything else (sheets copied in, a journal with
    /// answers, a folder another casus has just made) is left exactly as it is.
    /// `among` limits the look to those ids (a finished session is never abandoned).
    @discardableResult
    public func removeAbandoned(now: Date = Date(), among ids: [String]? = nil) -> [String] {
        guard let names = ids ?? (try? Posix.listFolder(root.path)) else { return [] }
        return names.filter(Self.isValidID).sorted().filter { id in
            removeIfAbandoned(SessionFolder(id: id, url: root.appendingPathComponent(id, isDirectory: true)), now: now)
        }
    }

    private func removeIfAbandoned(_ folder: SessionFolder, now: Date) -> Bool {
        let journalName = folder.journalURL.lastPathComponent
        guard let names = try? Posix.listFolder(folder.url.path),
            Set(names).isSubset(of: ["lock", journalName])
        else { return false }
        // casus takes the lock before it writes the journal header and holds it until it has
        // removed the folder again, so a header-only journal beside a free lock proves its
        // casus has gone. Without a journal the folder may be one that another casus has just
        // made and not yet locked: then only its age tells.
        let proven = names.contains(journalName) && names.contains("lock")
        let cutoff = now.timeIntervalSince1970 - Self.abandonedAge
        func own(_ path: String, type: mode_t, mode: mode_t) -> Bool {
            var st = stat()
            guard lstat(path, &st) == 0, st.st_mode & Posix.typeMask == type, st.st_uid == geteuid(),
                st.st_mode & 0o7777 == mode
            else { return false }
            return proven || Double(st.st_mtim.tv_sec) < cutoff
        }
        guard own(folder.url.path, type: Posix.typeDirectory, mode: Posix.folderMode) else { return false }
        for name in names {
            guard own(folder.url.path + "/" + name, type: Posix.typeRegular, mode: Posix.fileMode) else {
                return false
            }
        }
        if proven {
            guard folder.journalHoldsOnlyItsHeader else { return false }
        }
        // Hold the lock while removing, so no casus can start writing into the folder; a
        // lock taken meanwhile makes the lock attempt fail, a new file makes rmdir fail.
        var lock: SessionLock?
        if names.contains("lock") {
            guard let held = try? SessionLock(existingIn: folder.url) else { return false }
            lock = held
        }
        defer { lock?.unlock() }
        for name in names {
            _ = unlink(folder.url.path + "/" + name)
        }
        guard rmdir(folder.url.path) == 0 else { return false }
        try? Posix.syncFolder(root.path)
        return true
    }
}

extension SessionFolder {
    /// Whether the journal is exactly one intact header line and nothing else: a session
    /// prepared before the first question in which nothing was recorded yet.
    public var journalHoldsOnlyItsHeader: Bool {
        guard let bytes = try? readJournalStart(), let newline = bytes.firstIndex(of: 0x0A),
            newline == bytes.count - 1, let line = JournalLine.parse(bytes, 0..<newline)
        else { return false }
        return line.seq == 1 && line.format != nil
    }
}
