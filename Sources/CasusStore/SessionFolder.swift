import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One session's folder inside the store root: its journal, metadata, lock and sheets.
///
///     <root>/<id>/journal.jsonl   the answers, see `Journal`
///     <root>/<id>/meta.json       caller-defined metadata, replaced atomically
///     <root>/<id>/lock            see `SessionLock`
///     <root>/<id>/sheet.md|html|json
public struct SessionFolder: Equatable, Sendable {
    /// The sheet files a session can hold.
    public enum Sheet: String, CaseIterable, Sendable {
        case markdown = "sheet.md"
        case html = "sheet.html"
        case json = "sheet.json"
    }

    /// The session id, which is also the folder name.
    public let id: String
    /// The folder.
    public let url: URL

    init(id: String, url: URL) {
        self.id = id
        self.url = url
    }

    /// The journal file.
    public var journalURL: URL { url.appendingPathComponent("journal.jsonl", isDirectory: false) }
    /// The metadata file.
    public var metaURL: URL { url.appendingPathComponent("meta.json", isDirectory: false) }
    /// The lock file.
    public var lockURL: URL { url.appendingPathComponent("lock", isDirectory: false) }
    /// Where `sheet` is written.
    public func sheetURL(_ sheet: Sheet) -> URL {
        url.appendingPathComponent(sheet.rawValue, isDirectory: false)
    }

    /// Takes the session's lock; fails with `.sessionInUse` if another process holds it.
    public func lock() throws -> SessionLock {
        try SessionLock(folder: url)
    }

    /// Creates the session's journal with the caller's `header` object.
    public func createJournal(header: Data) throws -> Journal {
        try Journal.create(at: journalURL, header: header)
    }

    /// Opens (and if needed repairs the tail of) the session's journal.
    public func openJournal() throws -> Journal {
        try Journal.open(at: journalURL)
    }

    /// The journal's header and intact records, read without the lock and without repairing
    /// anything (see `Journal.read`); `.sessionInUse` while another process plays the session.
    public func readJournal() throws -> (header: Data, records: [JournalRecord], tornTail: Bool) {
        try SessionLock.requireFree(folder: url)
        return try Journal.read(at: journalURL)
    }

    /// The bytes of a sheet file written during play, or nil if there is none. A symlink or
    /// anything else but a regular file is refused.
    public func readSheet(_ sheet: Sheet) throws -> Data? {
        guard Posix.fileType(sheetURL(sheet).path) != nil else { return nil }
        return Data(try Posix.readFile(sheetURL(sheet).path))
    }

    /// The first `limit` bytes of the journal, read without opening (or repairing) it; nil if
    /// there is no journal. For a quick look at the header.
    public func readJournalStart(limit: Int = 64 * 1024) throws -> [UInt8]? {
        guard Posix.fileType(journalURL.path) != nil else { return nil }
        let fd = try Posix.open(journalURL.path, O_RDONLY, action: "read")
        defer { _ = Posix.closeDescriptor(fd) }
        var bytes = [UInt8](repeating: 0, count: limit)
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, limit, 0) }
        guard n >= 0 else { throw Posix.error("read", journalURL.path, errno) }
        return Array(bytes.prefix(n))
    }

    /// Checks, without opening (or repairing) the journal and without the lock, the damage
    /// that makes a session impossible to continue: no journal, something else than a file
    /// in its place, an empty file or an unreadable first line. Damage further on is found
    /// only by `openJournal`.
    public func checkJournalStart() throws {
        guard let bytes = try readJournalStart() else {
            throw StoreError(.io, "journal \(journalURL.path) is missing", code: ENOENT, path: journalURL.path)
        }
        guard !bytes.isEmpty else {
            throw StoreError(.journalEmpty, "journal \(journalURL.path) is empty", path: journalURL.path)
        }
        guard let newline = bytes.firstIndex(of: 0x0A), let line = JournalLine.parse(bytes, 0..<newline),
            line.seq == 1, line.format != nil
        else {
            throw StoreError(
                .journalHeader, "journal \(journalURL.path) has a missing or damaged header line", path: journalURL.path)
        }
    }

    /// Replaces `meta.json` with `data`, atomically and durably.
    public func writeMeta(_ data: Data) throws {
        try DurableFile.writeAtomically(data, to: metaURL)
    }

    /// Encodes `meta` as JSON and replaces `meta.json` with it.
    public func writeMeta<Meta: Encodable>(_ meta: Meta, encoder: JSONEncoder = SessionFolder.metaEncoder())
        throws
    {
        try writeMeta(try encoder.encode(meta))
    }

    /// The bytes of `meta.json`, or nil if there is none.
    public func readMeta() throws -> Data? {
        guard Posix.fileType(metaURL.path) != nil else { return nil }
        return Data(try Posix.readFile(metaURL.path))
    }

    /// Decodes `meta.json` as `Meta`, or nil if there is none.
    public func readMeta<Meta: Decodable>(
        as type: Meta.Type, decoder: JSONDecoder = SessionFolder.metaDecoder()
    ) throws -> Meta? {
        guard let data = try readMeta() else { return nil }
        return try decoder.decode(type, from: data)
    }

    /// Replaces a sheet file with `data`, atomically and durably.
    public func writeSheet(_ data: Data, as sheet: Sheet) throws {
        try DurableFile.writeAtomically(data, to: sheetURL(sheet))
    }

    /// The encoder `writeMeta` uses by default: sorted keys, ISO 8601 dates, readable layout.
    public static func metaEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// The decoder matching `metaEncoder()`.
    public static func metaDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
