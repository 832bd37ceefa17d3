import Foundation

/// One record of a journal: its sequence number and the caller's payload, byte for byte.
public struct JournalRecord: Equatable, Sendable {
    /// Position in the journal; the header is 1, so the first record after it is 2.
    public let seq: Int
    /// The exact JSON object bytes given to `Journal.append(payload:)`.
    public let payload: Data

    /// Creates a record.
    public init(seq: Int, payload: Data) {
        self.seq = seq
        self.payload = payload
    }
}

/// What opening a journal had to repair.
public enum JournalRecovery: Equatable, Sendable {
    /// The file was intact.
    case clean
    /// A torn or damaged last record was cut off; its `bytes` were saved at `savedAt`.
    case truncatedTail(bytes: Int, savedAt: URL)
}
