/// Prose with `{name}` interpolations: the case text, `zeg:` blocks, prompts, descriptions.
///
/// Paragraphs are separated by `"\n\n"` inside `.literal` segments; lines within a
/// paragraph are joined with single spaces so the terminal can re-wrap them.
public struct Text: Hashable, Sendable, Codable {
    public enum Segment: Hashable, Sendable, Codable {
        case literal(String)
        /// `{name}`: an answer, a role, a loop variable, the group, a job or a member.
        case interpolation(Identifier)
    }

    /// Literal pieces and interpolations in order: no empty literal, no two literals in a row,
    /// so equal texts have equal segments.
    public private(set) var segments: [Segment]
    public var range: SourceRange
    /// The `casus:` / `zeg:` / `notitie:` that introduces the text, when it has one: where a
    /// diagnostic about the text as a whole (a second `casus:`) points. Not encoded.
    public var keywordRange: SourceRange?

    private enum CodingKeys: String, CodingKey { case segments, range }

    /// A text of these segments; adjacent literals are joined and empty ones dropped.
    public init(segments: [Segment], range: SourceRange) {
        var joined: [Segment] = []
        for segment in segments {
            switch (segment, joined.last) {
            case (.literal(let s), _) where s.isEmpty: continue
            case (.literal(let s), .literal(let before)?): joined[joined.count - 1] = .literal(before + s)
            case (.literal, .interpolation?), (.literal, nil), (.interpolation, _): joined.append(segment)
            }
        }
        self.segments = joined
        self.range = range
    }

    /// The names interpolated in this text, in order.
    public var interpolations: [Identifier] {
        segments.compactMap {
            if case .interpolation(let id) = $0 { return id }
            return nil
        }
    }

    /// The text with interpolations left as `{name}`; for display where no values exist.
    public var plain: String {
        segments.map {
            switch $0 {
            case .literal(let s): s
            case .interpolation(let id): "{\(id.name)}"
            }
        }.joined()
    }

    public var isEmpty: Bool { segments.isEmpty }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(segments: try c.decode([Segment].self, forKey: .segments), range: try c.decode(SourceRange.self, forKey: .range))
    }
}
