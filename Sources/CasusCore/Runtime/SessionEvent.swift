/// One thing that happened in a session. The session is the list of its events; its state is
/// a replay of them (`Engine.replay`).
///
/// JSON shapes (one object per journal record):
/// - `{"event":"setup","at":1700000000,"group":"Groep Blauw","members":["Anna","Bram"],"jobs":{"scribe":"Anna"}}`
/// - `{"event":"answer","at":1700000060,"key":"beleving[slachtoffer]","value":{"type":"text","text":"…"}}`
/// - `{"event":"skip","at":1700000090,"key":"hoe_druk"}`
/// - `{"event":"resumed","at":1700003600}` — time before it is not counted as step time
/// - `{"event":"finished","at":1700009000}`
public enum SessionEvent: Hashable, Sendable, Codable {
    case setup(GroupSetup, at: Timestamp)
    case answer(AnswerKey, AnswerValue, at: Timestamp)
    /// The group typed `:overslaan` / `:skip`.
    case skip(AnswerKey, at: Timestamp)
    /// The session was continued later (after a quit or crash).
    case resumed(at: Timestamp)
    case finished(at: Timestamp)

    /// When it happened.
    public var timestamp: Timestamp {
        switch self {
        case .setup(_, let t), .answer(_, _, let t), .skip(_, let t), .resumed(let t), .finished(let t): t
        }
    }

    /// The answer key for answers and skips.
    public var answerKey: AnswerKey? {
        switch self {
        case .answer(let key, _, _), .skip(let key, _): key
        case .setup, .resumed, .finished: nil
        }
    }

    private enum CodingKeys: String, CodingKey { case event, at, key, value }
    private enum Kind: String, Codable { case setup, answer, skip, resumed, finished }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let at = try c.decode(Timestamp.self, forKey: .at)
        switch try c.decode(Kind.self, forKey: .event) {
        case .setup: self = .setup(try GroupSetup(from: decoder), at: at)
        case .answer:
            self = .answer(
                try c.decode(AnswerKey.self, forKey: .key), try c.decode(AnswerValue.self, forKey: .value),
                at: at)
        case .skip: self = .skip(try c.decode(AnswerKey.self, forKey: .key), at: at)
        case .resumed: self = .resumed(at: at)
        case .finished: self = .finished(at: at)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .setup(let setup, let at):
            try c.encode(Kind.setup, forKey: .event)
            try c.encode(at, forKey: .at)
            try setup.encode(to: encoder)
        case .answer(let key, let value, let at):
            try c.encode(Kind.answer, forKey: .event)
            try c.encode(at, forKey: .at)
            try c.encode(key, forKey: .key)
            try c.encode(value, forKey: .value)
        case .skip(let key, let at):
            try c.encode(Kind.skip, forKey: .event)
            try c.encode(at, forKey: .at)
            try c.encode(key, forKey: .key)
        case .resumed(let at):
            try c.encode(Kind.resumed, forKey: .event)
            try c.encode(at, forKey: .at)
        case .finished(let at):
            try c.encode(Kind.finished, forKey: .event)
            try c.encode(at, forKey: .at)
        }
    }

    /// `events` without the last answer or skip (and any `finished` after it): undo.
    /// Unchanged when there is nothing to undo.
    public static func undo(_ events: [SessionEvent]) -> [SessionEvent] {
        guard let last = events.lastIndex(where: { $0.answerKey != nil }) else { return events }
        var out = Array(events[..<last])
        for event in events[(last + 1)...] {
            if case .finished = event { continue }
            out.append(event)
        }
        return out
    }
}
