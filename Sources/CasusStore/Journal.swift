import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An append-only, crash-safe JSON Lines file of caller-supplied JSON objects.
///
/// Line 1 is the header (`seq` 1, `"format": 1`, the caller's header object); every later line
/// is one record with `seq` 2, 3, … See `JournalLine` for the exact byte layout and checksum.
/// Each `append` is one `write` of whole lines followed by a flush to disk, so a record that
/// `append` returned survives a crash or power loss; a line torn by a crash is cut off (and
/// kept aside) on the next `open`.
///
/// Not thread-safe: use one instance from one task at a time.
public final class Journal {
    /// The line format version this code writes and reads.
    public static let formatVersion = 1

    /// The journal file.
    public let url: URL
    /// The caller's header object, byte for byte.
    public let header: Data
    /// All records after the header, oldest first, including those appended since opening.
    public private(set) var records: [JournalRecord]
    /// What `open` had to repair; `.clean` for a newly created journal.
    public let recovery: JournalRecovery

    private var fd: Int32
    private var size: Int
    private var lastSeq: Int
    private var unusable = false

    private init(
        url: URL, fd: Int32, header: Data, records: [JournalRecord], size: Int,
        recovery: JournalRecovery
    ) {
        self.url = url
        self.fd = fd
        self.header = header
        self.records = records
        self.size = size
        self.lastSeq = records.last?.seq ?? 1
        self.recovery = recovery
    }

    deinit { close() }

    /// Creates a new journal at `url` whose first line carries `header` (a one-line JSON
    /// object). Fails if the file exists.
    public static func create(at url: URL, header: Data) throws -> Journal {
        try JournalLine.validate(payload: header)
        let path = url.path
        let fd = try Posix.open(path, O_RDWR | O_APPEND | O_CREAT | O_EXCL, action: "create journal")
        let line = JournalLine.encode(seq: 1, format: formatVersion, payload: header)
        do {
            try line.withUnsafeBytes { try Posix.writeAll(fd, $0, path: path) }
            try Posix.sync(fd, path: path)
            try Posix.syncFolder(url.deletingLastPathComponent().path)
        } catch {
            _ = Posix.closeDescriptor(fd)
            _ = unlink(path)
            throw error
        }
        return Journal(url: url, fd: fd, header: header, records: [], size: line.count, recovery: .clean)
    }

    /// Opens an existing journal for replay and appending.
    ///
    /// A torn or damaged *last* record (no newline, bad JSON, checksum or sequence mismatch)
    /// is cut off: its bytes are saved beside the journal as `<name>.damaged` (or
    /// `.damaged.1`, …) and `recovery` reports it. A damaged record followed by a good one, an
    /// empty file or a bad header is refused with an error, and the file is left untouched.
    ///
    /// Hold the session's `SessionLock` first: repairing a journal that another process is
    /// still appending to would cut off its line in progress.
    public static func open(at url: URL) throws -> Journal {
        let path = url.path
        let fd = try Posix.open(path, O_RDWR | O_APPEND, action: "open journal")
        do {
            let (header, records, goodSize, total, bytes) = try scan(fd: fd, path: path)
            var recovery = JournalRecovery.clean
            if goodSize < total {
                let cut = Data(bytes[goodSize..<total])
                // Keep the damaged bytes durably before they leave the journal.
                let saved = try DurableFile.writeNew(cut, preferred: URL(fileURLWithPath: path + ".damaged"))
                while ftruncate(fd, off_t(goodSize)) != 0 {
                    let code = errno
                    if code != EINTR { throw Posix.error("truncate", path, code) }
                }
                try Posix.sync(fd, path: path)
                recovery = .truncatedTail(bytes: cut.count, savedAt: saved)
            }
            return Journal(
                url: url, fd: fd, header: header, records: records, size: goodSize, recovery: recovery)
        } catch {
            _ = Posix.closeDescriptor(fd)
            throw error
        }
    }

    /// Reads and verifies every line; returns the good prefix and where it ends.
    static func scan(fd: Int32, path: String) throws -> (
        header: Data, records: [JournalRecord], goodSize: Int, total: Int, bytes: [UInt8]
    ) {
        let bytes = try Posix.readAll(fd, path: path)
        guard !bytes.isEmpty else {
            throw StoreError(.journalEmpty, "journal \(path) is empty", path: path)
        }
        // Complete lines as ranges without their newline; a final line without one is torn.
        var lines: [Range<Int>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            lines.append(start..<index)
            start = index + 1
        }

        var header: Data?
        var records: [JournalRecord] = []
        var goodSize = 0
        var firstBad: Int?
        for (offset, range) in lines.enumerated() {
            let lineNumber = offset + 1
            guard let parsed = JournalLine.parse(bytes, range), parsed.seq == lineNumber,
                (parsed.format != nil) == (lineNumber == 1)
            else {
                firstBad = offset
                break
            }
            if lineNumber == 1 {
                let format = parsed.format ?? 0
                guard format == formatVersion else {
                    throw StoreError(
                        .journalFormat(format),
                        "journal \(path) has format \(format); this casus reads format \(formatVersion)", path: path)
                }
                header = Data(bytes[parsed.data])
            } else {
                records.append(JournalRecord(seq: parsed.seq, payload: Data(bytes[parsed.data])))
            }
            goodSize = range.upperBound + 1
        }

        if firstBad == 0 {
            throw StoreError(.journalHeader, "journal \(path) has a missing or damaged header line", path: path)
        }
        if let firstBad {
            // A bad line followed by any intact one is not a torn write: refuse, drop nothing.
            if lines[(firstBad + 1)...].contains(where: { JournalLine.parse(bytes, $0) != nil }) {
                throw StoreError(
                    .journalCorrupt(line: firstBad + 1),
                    "journal \(path) is damaged at line \(firstBad + 1), before later good records; "
                        + "it was left unchanged", path: path)
            }
        }
        guard let header else {
            throw StoreError(.journalHeader, "journal \(path) has an incomplete header line", path: path)
        }
        return (header, records, goodSize, bytes.count, bytes)
    }

    /// Appends one record whose payload is `payload` (a one-line JSON object, e.g. from
    /// `JSONEncoder` without pretty printing) and returns only once it is on disk.
    @discardableResult
    public func append(payload: Data) throws -> JournalRecord {
        try append(payloads: [payload])[0]
    }

    /// Appends one record per payload, in order, with one write and one flush to disk for all
    /// of them (the room stores a group's batch so); returns once every one is on disk. After
    /// a crash the file holds the records before, and of these a prefix of whole lines (a
    /// torn last line is cut off on `open`), never a record out of order.
    @discardableResult
    public func append(payloads: [Data]) throws -> [JournalRecord] {
        guard !unusable, fd >= 0 else {
            throw StoreError(.journalUnusable, "journal \(url.path) cannot be written any more; reopen it", path: url.path)
        }
        guard !payloads.isEmpty else { return [] }
        for payload in payloads { try JournalLine.validate(payload: payload) }
        var bytes: [UInt8] = []
        var added: [JournalRecord] = []
        for (offset, payload) in payloads.enumerated() {
            let seq = lastSeq + 1 + offset
            bytes += JournalLine.encode(seq: seq, format: nil, payload: payload)
            added.append(JournalRecord(seq: seq, payload: payload))
        }
        do {
            // One write for all the lines: a crash leaves whole lines and at most one torn one.
            try bytes.withUnsafeBytes { try Posix.writeAll(fd, $0, path: url.path) }
            // fdatasync also flushes the new file size, which is all an append needs.
            try Posix.dataSync(fd, path: url.path)
        } catch {
            // After a failed write or flush the file state is unknown: cut back and stop.
            _ = ftruncate(fd, off_t(size))
            unusable = true
            throw error
        }
        size += bytes.count
        lastSeq += payloads.count
        records += added
        return added
    }

    /// The sequence number of the newest line (1 if only the header exists).
    public var lastSequence: Int { lastSeq }

    /// Closes the file; further appends fail. Called automatically on deinit.
    public func close() {
        if fd >= 0 {
            _ = Posix.closeDescriptor(fd)
            fd = -1
        }
    }
}
