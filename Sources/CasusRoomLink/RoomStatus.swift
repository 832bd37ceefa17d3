/// What the room answers to a join, to every records POST and to a status poll.
public struct RoomStatus: Codable, Hashable, Sendable {
    /// The journal sequence number the room wants next (2 for a new session).
    public var next: Int
    /// The facilitator's messages for everyone, newest last (the last few only).
    public var messages: [RoomMessage]
    /// Answers the room gives the group (Opdracht 2's topic).
    public var presets: [RoomPreset]

    public init(next: Int, messages: [RoomMessage] = [], presets: [RoomPreset] = []) {
        self.next = next
        self.messages = messages
        self.presets = presets
    }

    private enum CodingKeys: String, CodingKey { case next, messages, presets }

    /// Missing lists are empty: a room that has nothing to say may leave them out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        next = try c.decode(Int.self, forKey: .next)
        messages = try c.decodeIfPresent([RoomMessage].self, forKey: .messages) ?? []
        presets = try c.decodeIfPresent([RoomPreset].self, forKey: .presets) ?? []
    }
}

/// One message of the facilitator ("Over 2 minuten plenair"); shown once per id.
public struct RoomMessage: Codable, Hashable, Sendable {
    public var id: Int
    public var text: String

    public init(id: Int, text: String) {
        self.id = id
        self.text = text
    }
}

/// An answer the room gives for the question `key`, in the answer-script syntax of `--answers`.
public struct RoomPreset: Codable, Hashable, Sendable {
    public var key: String
    public var answer: String
    /// What the answer means in words (the topic's text), for the group to read.
    public var label: String?

    public init(key: String, answer: String, label: String? = nil) {
        self.key = key
        self.answer = answer
        self.label = label
    }
}
