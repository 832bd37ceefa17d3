import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The sessions in one store root: create, list, find and delete session folders.
public struct SessionStore: Sendable {
    /// One session as listed.
    public struct Summary: Sendable {
        /// The session's folder (and id).
        public let folder: SessionFolder
        /// The bytes of `meta.json`, or nil if missing or unreadable.
        public let meta: Data?
        /// The newest modification time of the folder, its journal and its metadata.
        public let modified: Date
    }

    /// The root folder.
    public let root: URL

    /// Opens the store at `location`, creating the root (0700) if needed. A root that group
    /// or others can write into is refused with `.notPrivate`: they could plant files there.
    public init(location: StoreLocation) throws {
        try location.createIfNeeded()
        try Posix.requirePrivateFolder(location.root.path)
        root = location.root
    }

    /// Creates a new, empty session folder (0700) for `group`, named
    /// `yyyyMMdd-HHmmss-<slug of group>-<4 hex>` from `date` in `timeZone`.
    public func create(group: String, date: Date = Date(), timeZone: TimeZone = .current) throws
        -> SessionFolder
    {
        for _ in 0..<100 {
            let id = Self.makeID(group: group, date: date, timeZone: timeZone)
            let url = folderURL(id)
            // makeFolder reports an existing folder as false: pick another random suffix.
            let made: Bool
            do {
                made = try Posix.makeFolder(url.path)
            } catch let error as StoreError where error.code != EEXIST {
                // The folder that could not be written is the store, not the new session.
                throw StoreError(error.kind, error.message, code: error.code, path: root.path)
            }
            if made {
                // A marker left by a session of the same name removed by hand must not hide this one.
                forgetFinished(id)
                try Posix.syncFolder(root.path)
                return SessionFolder(id: id, url: url)
            }
        }
        throw StoreError(.io, "could not find a free session name in \(root.path)", code: EEXIST, path: root.path)
    }

    /// All sessions, oldest id first (ids start with their date, so this is by start time).
    public func list() throws -> [Summary] {
        try Posix.listFolder(root.path).filter(Self.isValidID).sorted().compactMap(summary)
    }

    /// The summary of the session folder `name`; nil when it is not a folder.
    func summary(_ name: String) -> Summary? {
        let url = folderURL(name)
        guard Posix.fileType(url.path) == Posix.typeDirectory else { return nil }
        let folder = SessionFolder(id: name, url: url)
        let modified = [url, folder.journalURL, folder.metaURL].compactMap(Self.modificationDate).max()
        return Summary(
            folder: folder, meta: try? folder.readMeta(),
            modified: modified ?? Date(timeIntervalSince1970: 0))
    }

    /// Finds a session by exact id, by unique id prefix, or by folder path (anything with a
    /// `/`, which must name a session folder directly inside the root).
    public func find(_ reference: String) throws -> SessionFolder {
        if reference.contains("/") || reference == "." || reference == ".." {
            return try folder(atPath: reference)
        }
        // An exact id is one look at its folder, and a prefix needs only the folder names:
        // neither reads any session's files, so naming many sessions stays linear.
        if Self.isValidID(reference), Posix.fileType(folderURL(reference).path) == Posix.typeDirectory {
            return SessionFolder(id: reference, url: folderURL(reference))
        }
        let ids = try Posix.listFolder(root.path).filter(Self.isValidID).sorted().filter {
            Posix.fileType(folderURL($0).path) == Posix.typeDirectory
        }
        let matches = reference.isEmpty ? [] : ids.filter { $0.hasPrefix(reference) }
        switch matches.count {
        case 0:
            throw StoreError(.sessionNotFound, "no session \"\(reference)\" in \(root.path)")
        case 1:
            return SessionFolder(id: matches[0], url: folderURL(matches[0]))
        default:
            throw StoreError(
                .sessionAmbiguous(matches),
                "\"\(reference)\" matches \(matches.count) sessions: \(matches.joined(separator: ", "))")
        }
    }

    /// Removes a session for good: every file in it, then the folder. Refuses folders that
    /// are not directly inside the root, and sessions another process has locked.
    public func delete(_ folder: SessionFolder) throws {
        let checked = try self.folder(atPath: folder.url.path)
        // Holding the lock keeps a concurrent player from writing into a folder being removed.
        let lock = try checked.lock()
        try delete(checked, holding: lock)
    }

    /// Removes a session whose lock the caller holds (e.g. one it has just created and not
    /// used), then releases the lock.
    public func delete(_ folder: SessionFolder, holding lock: SessionLock) throws {
        let checked = try self.folder(atPath: folder.url.path)
        defer { lock.unlock() }
        try Self.removeContents(of: checked.url.path)
        guard rmdir(checked.url.path) == 0 else { throw Posix.error("remove", checked.url.path, errno) }
        forgetFinished(checked.id)
        try Posix.syncFolder(root.path)
    }

    /// Gives a session folder a new id made from `group` and `date`, keeping its content;
    /// open files and the lock stay valid. Returns the renamed folder.
    public func rename(_ folder: SessionFolder, group: String, date: Date, timeZone: TimeZone = .current) throws
        -> SessionFolder
    {
        for _ in 0..<100 {
            let id = Self.makeID(group: group, date: date, timeZone: timeZone)
            let url = folderURL(id)
            // rename(2) would replace an empty folder of that name: only use a free name.
            guard Posix.fileType(url.path) == nil else { continue }
            guard SystemRename.rename(folder.url.path, url.path) == 0 else {
                let code = errno
                if code == EEXIST || code == ENOTEMPTY { continue }
                throw Posix.error("rename", folder.url.path, code)
            }
            forgetFinished(id)
            try Posix.syncFolder(root.path)
            return SessionFolder(id: id, url: url)
        }
        throw StoreError(.io, "could not find a free session name in \(root.path)", code: EEXIST, path: root.path)
    }

    /// Folder URLs always carry the directory flag, so equal folders compare equal.
    private func folderURL(_ id: String) -> URL {
        root.appendingPathComponent(id, isDirectory: true)
    }

    /// The session folder at `path`, which must be a real folder directly inside the root.
    private func folder(atPath path: String) throws -> SessionFolder {
        let refuse = StoreError(.outsideRoot, "\(path) is not a session folder inside \(root.path)")
        guard let realRoot = Posix.realPath(root.path), let real = Posix.realPath(path) else {
            throw Posix.fileType(path) == nil
                ? StoreError(.sessionNotFound, "no session folder at \(path)") : refuse
        }
        let url = URL(fileURLWithPath: real)
        let name = url.lastPathComponent
        // The path itself must not be a symlink: deleting through one could leave the root.
        let given = URL(fileURLWithPath: path).standardizedFileURL.path
        guard url.deletingLastPathComponent().path == URL(fileURLWithPath: realRoot).path,
            Self.isValidID(name), Posix.fileType(given) == Posix.typeDirectory,
            Posix.fileType(real) == Posix.typeDirectory
        else { throw refuse }
        return SessionFolder(id: name, url: folderURL(name))
    }

    /// Unlinks everything below `path` without following symlinks.
    private static func removeContents(of path: String) throws {
        for name in try Posix.listFolder(path) {
            let child = path + "/" + name
            if Posix.fileType(child) == Posix.typeDirectory {
                try removeContents(of: child)
                guard rmdir(child) == 0 else { throw Posix.error("remove", child, errno) }
            } else {
                guard unlink(child) == 0 else { throw Posix.error("remove", child, errno) }
            }
        }
    }

    private static func modificationDate(_ url: URL) -> Date? {
        var st = stat()
        guard lstat(url.path, &st) == 0 else { return nil }
        #if canImport(Glibc)
        let time = st.st_mtim
        #else
        let time = st.st_mtimespec
        #endif
        return Date(timeIntervalSince1970: Double(time.tv_sec) + Double(time.tv_nsec) / 1e9)
    }

    // MARK: Ids

    /// A new id: `yyyyMMdd-HHmmss-<slug>-<4 random hex>`; sortable, readable, folder-safe.
    public static func makeID(group: String, date: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { String(value ?? 0).leftPadded(to: 2) }
        let stamp = String(c.year ?? 0).leftPadded(to: 4) + two(c.month) + two(c.day) + "-"
            + two(c.hour) + two(c.minute) + two(c.second)
        return stamp + "-" + slug(group) + "-" + DurableFile.randomHex(2)
    }

    /// `text` as lowercase ASCII letters, digits and single dashes, at most 40 characters;
    /// accents are dropped ("Één" → "een"). "session" if nothing is left.
    public static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var result = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(scalar)
                if result.count >= 40 { break }
            } else {
                pendingDash = true
            }
        }
        result = result.lowercased()
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "session" : result
    }

    /// Whether `name` could be a session id: lowercase ASCII letters, digits and dashes,
    /// starting with a digit or letter.
    public static func isValidID(_ name: String) -> Bool {
        // `rooms` holds casus room's folders (the default --dir of `casus room`); never a session.
        guard name != "rooms", let first = name.unicodeScalars.first, name.utf8.count <= 128,
            first != "-"
        else { return false }
        return name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
    }
}

/// Namespaces the C `rename` so it does not clash with `SessionStore.rename`.
private enum SystemRename {
    static func rename(_ from: String, _ to: String) -> Int32 {
        #if canImport(Glibc)
        return Glibc.rename(from, to)
        #else
        return Darwin.rename(from, to)
        #endif
    }
}
