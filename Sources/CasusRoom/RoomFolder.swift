import CasusRoomWire
import CasusStore
import Foundation

/// The room's folder on disk (0700, files 0600):
///
/// ```
/// room.json              code, token (RoomIdentity)
/// room.journal           the facilitator's messages and topic changes (RoomEvent lines)
/// room.lock              held while a `casus room` serves this folder
/// groups/<session>/join.json   what the group sent at join: header and scenario sources
/// groups/<session>/journal     the group's journal records, same sequence numbers as on
///                              the group's laptop (the header line is the group's header)
/// ```
///
/// Every file is one of CasusStore's: journals fsync each line before the room answers, and
/// whole files are replaced atomically. So a killed room starts again exactly as it was.
struct RoomFolder {
    let url: URL

    var identityURL: URL { url.appendingPathComponent("room.json") }
    var journalURL: URL { url.appendingPathComponent("room.journal") }
    var groupsURL: URL { url.appendingPathComponent("groups", isDirectory: true) }

    func groupURL(_ session: String) -> URL { groupsURL.appendingPathComponent(session, isDirectory: true) }
    func joinURL(_ session: String) -> URL { groupURL(session).appendingPathComponent("join.json") }
    func groupJournalURL(_ session: String) -> URL { groupURL(session).appendingPathComponent("journal") }

    /// Creates the folders (0700) if needed and takes the room's lock.
    func prepare() throws -> SessionLock {
        try StoreLocation(root: groupsURL).createIfNeeded()
        return try SessionLock(folder: url)
    }

    /// The identity kept here, or a new one, made durable before it is shown.
    func identity(now: Date) throws -> RoomIdentity {
        if let data = FileManager.default.contents(atPath: identityURL.path) {
            return try JSONDecoder().decode(RoomIdentity.self, from: data)
        }
        let identity = RoomIdentity.make(now: now)
        try DurableFile.writeAtomically(try Self.encoder.encode(identity), to: identityURL)
        return identity
    }

    /// The room's own journal, created on first use.
    func openJournal() throws -> Journal {
        if FileManager.default.fileExists(atPath: journalURL.path) { return try Journal.open(at: journalURL) }
        return try Journal.create(at: journalURL, header: Data(#"{"app":"casus","room":1}"#.utf8))
    }

    /// Session ids with a join file, in the order they joined (oldest first).
    func sessions() throws -> [(session: String, join: Data)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: groupsURL.path)) ?? []
        var out: [(String, Data, Double)] = []
        for name in names where SessionStore.isValidID(name) {
            guard let data = FileManager.default.contents(atPath: joinURL(name).path) else { continue }
            let joined = (try? JSONDecoder().decode(StoredJoin.self, from: data))?.joined ?? 0
            out.append((name, data, joined))
        }
        return out.sorted { ($0.2, $0.0) < ($1.2, $1.0) }.map { ($0.0, $0.1) }
    }

    /// Writes the join file and creates the group's journal with the group's header.
    func create(_ join: StoredJoin) throws -> Journal {
        try StoreLocation(root: groupURL(join.session)).createIfNeeded()
        try DurableFile.writeAtomically(try Self.encoder.encode(join), to: joinURL(join.session))
        return try openOrCreateJournal(join)
    }

    /// The group's journal; created when a crash came between the join file and the journal.
    func openOrCreateJournal(_ join: StoredJoin) throws -> Journal {
        let url = groupJournalURL(join.session)
        if FileManager.default.fileExists(atPath: url.path) { return try Journal.open(at: url) }
        return try Journal.create(at: url, header: join.header.data)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}

/// `join.json`: what the group sent at join, and when the room first saw it.
struct StoredJoin: Codable, Equatable {
    var format: Int = 1
    var session: String
    var header: JSONObject
    var sources: [String: String]
    /// Seconds since 1970 of the first join: the order topics are handed out in.
    var joined: Double
}
