/// One word after `protocol` in a question's parentheses: the protocol section the answers
/// feed (`vraag stappenplan (lijst, protocol stappenplan)`), checked by the checker.
public struct ProtocolTag: Hashable, Sendable {
    /// As written.
    public var name: String
    public var range: SourceRange

    public init(name: String, range: SourceRange) {
        self.name = name
        self.range = range
    }
}
