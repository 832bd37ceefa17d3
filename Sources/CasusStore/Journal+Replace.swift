import Foundation

extension Journal {
    /// Replaces the journal at `url` with one that holds `header` and then `payloads` as
    /// records 2, 3, …, atomically (temp file → fsync → rename → folder fsync), and opens it.
    /// After a crash the file is the old journal or the new one, never a mix. Used for undo,
    /// which drops records from an otherwise append-only journal. Hold the session lock and
    /// close the old `Journal` object first.
    public static func replace(at url: URL, header: Data, payloads: [Data]) throws -> Journal {
        try JournalLine.validate(payload: header)
        var bytes = JournalLine.encode(seq: 1, format: formatVersion, payload: header)
        for (offset, payload) in payloads.enumerated() {
            try JournalLine.validate(payload: payload)
            bytes += JournalLine.encode(seq: offset + 2, format: nil, payload: payload)
        }
        try DurableFile.writeAtomically(Data(bytes), to: url)
        return try Journal.open(at: url)
    }
}
