import CasusRoomWire

/// A refusal the room answers with: an HTTP status and an English message for the body
/// (`{"error":"…"}`); a gap also carries the status so the group resends from `next`.
public struct RoomError: Error, Equatable, Sendable {
    public var status: Int
    public var message: String
    public var roomStatus: RoomWire.Status?

    public init(_ status: Int, _ message: String, roomStatus: RoomWire.Status? = nil) {
        self.status = status
        self.message = message
        self.roomStatus = roomStatus
    }

    static func malformed(_ message: String) -> RoomError { RoomError(400, message) }
    static func forbidden(_ message: String) -> RoomError { RoomError(403, message) }
    static func notFound(_ message: String) -> RoomError { RoomError(404, message) }
    static func conflict(_ message: String, _ status: RoomWire.Status? = nil) -> RoomError { RoomError(409, message, roomStatus: status) }
    static func tooLarge(_ message: String) -> RoomError { RoomError(413, message) }
    static func doesNotFit(_ message: String) -> RoomError { RoomError(422, message) }
}
