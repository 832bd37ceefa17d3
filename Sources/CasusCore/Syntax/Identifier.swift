/// A name the author wrote (a question id, a role, an info block, a loop variable), with
/// where it was written.
public struct Identifier: Hashable, Sendable, Codable, CustomStringConvertible {
    public var name: String
    public var range: SourceRange

    public init(_ name: String, at range: SourceRange) {
        self.name = name
        self.range = range
    }

    public var description: String { name }
}
