/// One answer as stored in the journal.
///
/// JSON shape: an object with `"type"` and the fields of that type, e.g.
/// `{"type":"text","text":"…"}`, `{"type":"list","items":["a","b"]}`,
/// `{"type":"effect","rating":"+","note":"…"}`.
public enum AnswerValue: Hashable, Sendable, Codable {
    case text(String)
    case longText(String)
    case list([String])
    case yesNo(Bool)
    /// The option's text (not its number, so edits that reorder options keep the answer).
    case choice(String)
    case scale(Int)
    /// A member's name.
    case member(String)
    /// A role id.
    case role(String)
    case effect(EffectRating, note: String?)
    /// The group's pick after a tied vote. Individual ballots are `.choice`.
    case vote(VoteDecision)

    private enum CodingKeys: String, CodingKey {
        case type, text, items, value, option, name, role, rating, note, chosen, tally
    }

    private enum Kind: String, Codable {
        case text, long, list, yesNo, choice, scale, member, role, effect, vote
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(Kind.self, forKey: .type) {
        case .text: self = .text(try c.decode(String.self, forKey: .text))
        case .long: self = .longText(try c.decode(String.self, forKey: .text))
        case .list: self = .list(try c.decode([String].self, forKey: .items))
        case .yesNo: self = .yesNo(try c.decode(Bool.self, forKey: .value))
        case .choice: self = .choice(try c.decode(String.self, forKey: .option))
        case .scale: self = .scale(try c.decode(Int.self, forKey: .value))
        case .member: self = .member(try c.decode(String.self, forKey: .name))
        case .role: self = .role(try c.decode(String.self, forKey: .role))
        case .effect:
            self = .effect(
                try c.decode(EffectRating.self, forKey: .rating),
                note: try c.decodeIfPresent(String.self, forKey: .note))
        case .vote:
            self = .vote(
                VoteDecision(
                    chosen: try c.decode(String.self, forKey: .chosen),
                    tally: try c.decode([VoteCount].self, forKey: .tally)))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let s):
            try c.encode(Kind.text, forKey: .type)
            try c.encode(s, forKey: .text)
        case .longText(let s):
            try c.encode(Kind.long, forKey: .type)
            try c.encode(s, forKey: .text)
        case .list(let items):
            try c.encode(Kind.list, forKey: .type)
            try c.encode(items, forKey: .items)
        case .yesNo(let b):
            try c.encode(Kind.yesNo, forKey: .type)
            try c.encode(b, forKey: .value)
        case .choice(let s):
            try c.encode(Kind.choice, forKey: .type)
            try c.encode(s, forKey: .option)
        case .scale(let n):
            try c.encode(Kind.scale, forKey: .type)
            try c.encode(n, forKey: .value)
        case .member(let s):
            try c.encode(Kind.member, forKey: .type)
            try c.encode(s, forKey: .name)
        case .role(let s):
            try c.encode(Kind.role, forKey: .type)
            try c.encode(s, forKey: .role)
        case .effect(let rating, let note):
            try c.encode(Kind.effect, forKey: .type)
            try c.encode(rating, forKey: .rating)
            // `null` when there is none, as on the sheet, whose `value` is this shape.
            try c.encode(note, forKey: .note)
        case .vote(let decision):
            try c.encode(Kind.vote, forKey: .type)
            try c.encode(decision.chosen, forKey: .chosen)
            try c.encode(decision.tally, forKey: .tally)
        }
    }
}
