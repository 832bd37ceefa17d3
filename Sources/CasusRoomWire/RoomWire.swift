import Foundation

/// The JSON bodies of the room's API (docs/room-protocol.md): the room decodes and encodes
/// them, and the group's link decodes the room's answers with the same types. (The link writes
/// its own join and records bodies byte for byte, `RoomBody`; a test decodes them as `Join`
/// and `Records`.)
public enum RoomWire {
    /// `POST /api/join`.
    public struct Join: Codable, Sendable {
        public var session: String
        /// The group's journal header object (line 1 data), kept byte for byte as JSON.
        public var header: JSONObject
        /// The scenario file and every file it includes, by path relative to the scenario's folder.
        public var sources: [String: String]

        public init(session: String, header: JSONObject, sources: [String: String]) {
            self.session = session
            self.header = header
            self.sources = sources
        }
    }

    /// One journal record: its sequence number and the journal line's data (a SessionEvent).
    public struct Record: Codable, Sendable {
        public var seq: Int
        public var data: JSONObject

        public init(seq: Int, data: JSONObject) {
            self.seq = seq
            self.data = data
        }
    }

    /// `POST /api/sessions/<session>/records`.
    public struct Records: Codable, Sendable {
        public var records: [Record]
        /// The seq of the last record in the group's journal (1: only the header). Records
        /// the room has beyond it were undone on the group's side (`:terug`) and are removed.
        public var end: Int?

        public init(records: [Record], end: Int? = nil) {
            self.records = records
            self.end = end
        }
    }

    /// A facilitator's message for every group ("Over 2 minuten plenair"); shown once per id.
    public struct Message: Codable, Sendable, Hashable {
        public var id: Int
        public var text: String

        public init(id: Int, text: String) {
            self.id = id
            self.text = text
        }
    }

    /// An answer the room gives for the question `key` (Opdracht 2's topic), in the
    /// answer-script syntax of `--answers`.
    public struct Preset: Codable, Sendable, Hashable {
        public var key: String
        public var answer: String
        /// What the answer means in words (the topic's text), for the group to read.
        public var label: String

        public init(key: String, answer: String, label: String) {
            self.key = key
            self.answer = answer
            self.label = label
        }
    }

    /// The answer to join, to every records POST and to `GET …/status`.
    public struct Status: Codable, Sendable, Hashable {
        /// The journal sequence number the room wants next (2 for a new session).
        public var next: Int
        public var messages: [Message]
        public var presets: [Preset]

        public init(next: Int, messages: [Message] = [], presets: [Preset] = []) {
            self.next = next
            self.messages = messages
            self.presets = presets
        }

        private enum CodingKeys: String, CodingKey { case next, messages, presets }

        /// Missing lists are empty: a room that has nothing to say may leave them out.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            next = try c.decode(Int.self, forKey: .next)
            messages = try c.decodeIfPresent([Message].self, forKey: .messages) ?? []
            presets = try c.decodeIfPresent([Preset].self, forKey: .presets) ?? []
        }
    }

    /// Every error body: `{"error":"<english message>"}`.
    public struct Failure: Codable, Sendable {
        public var error: String

        public init(error: String) { self.error = error }
    }

    /// The most records one request may carry.
    public static let maxRecordsPerRequest = 200
    /// The largest body the room reads (bigger is 413).
    public static let maxBodyBytes = 512 * 1024
    /// The header that carries the join code.
    public static let codeHeader = "X-Casus-Code"
}
