/// Where the parts of a question line are written: a diagnostic about one part (`max 60`,
/// `keuze` without options, `schaal 5-1`) underlines that part rather than the whole line.
public struct QuestionSpans: Hashable, Sendable {
    /// `vraag`, `oplossingen`, `effect` or `stem`.
    public var keyword: SourceRange
    /// The type word (`keuze`, `schaal`, `ja/nee`), when written.
    public var type: SourceRange?
    /// `min 2` of a list.
    public var minimum: SourceRange?
    /// `max 60` of a list, or `max 3 min` of a long answer.
    public var maximum: SourceRange?
    /// `1-5` of a scale.
    public var scale: SourceRange?
    /// The `:` before the prompt.
    public var colon: SourceRange

    public init(
        keyword: SourceRange, type: SourceRange? = nil, minimum: SourceRange? = nil, maximum: SourceRange? = nil,
        scale: SourceRange? = nil, colon: SourceRange
    ) {
        self.keyword = keyword
        self.type = type
        self.minimum = minimum
        self.maximum = maximum
        self.scale = scale
        self.colon = colon
    }
}
