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

    public var segments: [Segment]
    public var range: SourceRange

    public init(segments: [Segment], range: SourceRange) {
        self.segments = segments
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
}
