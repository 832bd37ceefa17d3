/// Prose with `{name}` interpolations: the case text, `zeg:` blocks, prompts, descriptions.
///
/// Paragraphs are separated by `"\n\n"` inside `.literal` segments; lines within a
/// paragraph are joined with single spaces so the terminal can re-wrap them.
///
/// Stored compactly: all literal text in one string, and each interpolation with the place in
/// that string where it stands. A scenario holds many texts, most with no or one
/// interpolation; an array of segments (plus a string per literal piece) per text was a fifth
/// of a large scenario's tree. `segments` gives the familiar view.
public struct Text: Hashable, Sendable, Codable {
    public enum Segment: Hashable, Sendable, Codable {
        case literal(String)
        /// `{name}`: an answer, a role, a loop variable, the group, a job or a member.
        case interpolation(Identifier)
    }

    /// One interpolation and the UTF-8 offset in `literals` where it stands.
    struct Mark: Hashable, Sendable {
        var offset: Int
        var id: Identifier
    }

    /// The literal text with the interpolations cut out.
    private(set) var literals: String
    /// The interpolations in order (offsets never decrease).
    private(set) var marks: [Mark]
    public var range: SourceRange

    /// A text of these segments; adjacent literals are joined (the segments read back are
    /// the same text, possibly in fewer pieces).
    public init(segments: [Segment], range: SourceRange) {
        var literals = ""
        var marks: [Mark] = []
        for segment in segments {
            switch segment {
            case .literal(let s): literals += s
            case .interpolation(let id): marks.append(Mark(offset: literals.utf8.count, id: id))
            }
        }
        self.init(literals: literals, marks: marks, range: range)
    }

    init(literals: String, marks: [Mark], range: SourceRange) {
        self.literals = literals
        self.marks = marks
        self.range = range
    }

    /// The text as literal pieces and interpolations, in order; no empty literal pieces.
    public var segments: [Segment] {
        if marks.isEmpty { return literals.isEmpty ? [] : [.literal(literals)] }
        var out: [Segment] = []
        out.reserveCapacity(marks.count * 2 + 1)
        let utf8 = literals.utf8
        var start = 0
        for mark in marks {
            if mark.offset > start { out.append(.literal(Self.piece(utf8, start, mark.offset))) }
            out.append(.interpolation(mark.id))
            start = mark.offset
        }
        if start < utf8.count { out.append(.literal(Self.piece(utf8, start, utf8.count))) }
        return out
    }

    private static func piece(_ utf8: String.UTF8View, _ from: Int, _ to: Int) -> String {
        let a = utf8.index(utf8.startIndex, offsetBy: from)
        let b = utf8.index(a, offsetBy: to - from)
        return String(Substring(utf8[a..<b]))
    }

    /// The names interpolated in this text, in order.
    public var interpolations: [Identifier] { marks.map(\.id) }

    /// The text with interpolations left as `{name}`; for display where no values exist.
    public var plain: String {
        segments.map {
            switch $0 {
            case .literal(let s): s
            case .interpolation(let id): "{\(id.name)}"
            }
        }.joined()
    }

    public var isEmpty: Bool { literals.isEmpty && marks.isEmpty }

    // Encoded as segments, as the struct always was.
    private enum CodingKeys: String, CodingKey { case segments, range }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(segments: try c.decode([Segment].self, forKey: .segments), range: try c.decode(SourceRange.self, forKey: .range))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(segments, forKey: .segments)
        try c.encode(range, forKey: .range)
    }
}
