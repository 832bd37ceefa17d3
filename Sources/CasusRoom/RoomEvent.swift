import Foundation

/// What the facilitator did, one line each in the room's own journal (`room.journal`):
/// messages to every group and topic changes. Replayed on start.
enum RoomEvent: Codable, Equatable {
    case message(id: Int, text: String, at: Double)
    /// `topic` is 1…6 (ProtocolDraft.Topic's raw value).
    case topic(session: String, topic: Int, at: Double)

    private enum CodingKeys: String, CodingKey { case event, id, text, at, session, topic }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .event) {
        case "message":
            self = .message(id: try c.decode(Int.self, forKey: .id), text: try c.decode(String.self, forKey: .text), at: try c.decode(Double.self, forKey: .at))
        case "topic":
            self = .topic(session: try c.decode(String.self, forKey: .session), topic: try c.decode(Int.self, forKey: .topic), at: try c.decode(Double.self, forKey: .at))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .event, in: c, debugDescription: "unknown room event \(other)")
        }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .message(let id, let text, let at):
            try c.encode("message", forKey: .event)
            try c.encode(id, forKey: .id)
            try c.encode(text, forKey: .text)
            try c.encode(at, forKey: .at)
        case .topic(let session, let topic, let at):
            try c.encode("topic", forKey: .event)
            try c.encode(session, forKey: .session)
            try c.encode(topic, forKey: .topic)
            try c.encode(at, forKey: .at)
        }
    }
}
