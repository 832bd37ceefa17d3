/// What the room needs to know of a group's session to take it in: its id, the journal's
/// header object and the scenario's sources (the scenario file and every file it includes,
/// by path relative to the scenario's folder), so the room can render the group's sheet.
public struct RoomSession: Hashable, Sendable {
    public var id: String
    /// The journal's line-1 object, byte for byte.
    public var header: [UInt8]
    public var sources: [String: String]

    public init(id: String, header: [UInt8], sources: [String: String]) {
        self.id = id
        self.header = header
        self.sources = sources
    }
}

/// One durable journal record: its sequence number and its data object, byte for byte.
public struct RoomRecord: Hashable, Sendable {
    public var seq: Int
    public var data: [UInt8]

    public init(seq: Int, data: [UInt8]) {
        self.seq = seq
        self.data = data
    }
}
