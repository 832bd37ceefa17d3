/// Where an answer is stored: a question id plus the loop values around it, outermost first.
///
/// Components are the role id, the member name, the solution number (1-based), the item
/// number (1-based), and for a vote ballot a final component naming the member who votes.
/// Which kind each component is follows from the scenario's loops, so the canonical text
/// (`effect[2][pesters]`, `gekozen[Anna]`, `gekozen`) round-trips without extra markers.
/// Keys never use positions of statements, so journals survive scenario edits.
public struct AnswerKey: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var questionId: String
    public var components: [String]

    public init(_ questionId: String, _ components: [String] = []) {
        self.questionId = questionId
        self.components = components
    }

    /// This key with one more component (e.g. the voter of a ballot).
    public func appending(_ component: String) -> AnswerKey {
        AnswerKey(questionId, components + [component])
    }

    /// This key without its last component (a ballot's key → the vote's key).
    public var dropLast: AnswerKey { AnswerKey(questionId, Array(components.dropLast())) }

    /// The canonical text, e.g. `effect[2][pesters]`; `[`, `]` and `\` in components are escaped
    /// with a backslash.
    public var description: String {
        var out = questionId
        for component in components {
            out += "["
            for ch in component {
                if ch == "[" || ch == "]" || ch == "\\" { out.append("\\") }
                out.append(ch)
            }
            out += "]"
        }
        return out
    }

    /// Parses the canonical text; nil when it is not a key.
    public init?(canonical text: some StringProtocol) {
        let chars = Array(RuntimeText.trim(text))
        var i = 0
        var id = ""
        while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" {
            id.append(chars[i])
            i += 1
        }
        guard let first = id.first, !first.isNumber else { return nil }
        var components: [String] = []
        while i < chars.count {
            guard chars[i] == "[" else { return nil }
            i += 1
            var component = ""
            var closed = false
            while i < chars.count {
                let ch = chars[i]
                if ch == "\\", i + 1 < chars.count {
                    component.append(chars[i + 1])
                    i += 2
                } else if ch == "]" {
                    closed = true
                    i += 1
                    break
                } else if ch == "[" {
                    return nil
                } else {
                    component.append(ch)
                    i += 1
                }
            }
            guard closed, !component.isEmpty else { return nil }
            components.append(component)
        }
        self.init(id, components)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let key = AnswerKey(canonical: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not an answer key: \(text)"))
        }
        self = key
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public static func < (a: AnswerKey, b: AnswerKey) -> Bool { a.description < b.description }
}
