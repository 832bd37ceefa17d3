import Foundation

/// A JSON object kept as its encoded bytes, so a header or an event the room stores is
/// exactly what the group sent (sorted keys, no reformatting of numbers).
public struct JSONObject: Codable, Sendable, Hashable {
    /// One-line JSON of an object.
    public let data: Data

    /// Wraps `data`; nil unless it is a JSON object.
    public init?(data: Data) {
        guard (try? JSONSerialization.jsonObject(with: data)) is [String: Any] else { return nil }
        self.data = data
    }

    /// The encoding of `value`, which must encode as an object.
    public init<T: Encodable>(encoding value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        data = try encoder.encode(value)
    }

    public init(from decoder: Decoder) throws {
        let value = try decoder.singleValueContainer().decode(AnyJSON.self)
        guard case .object = value else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an object"))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        data = try encoder.encode(value)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(try JSONDecoder().decode(AnyJSON.self, from: data))
    }

    /// Decodes the object as `T`.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: data)
    }
}

/// Any JSON value, for carrying objects through Codable unchanged.
enum AnyJSON: Codable, Hashable {
    case null, bool(Bool), int(Int64), double(Double), string(String), array([AnyJSON]), object([String: AnyJSON])

    init(from decoder: Decoder) throws {
        // Each failed attempt throws (a DecodingError with its coding path): the kinds a
        // session event holds most, strings and numbers, are tried first.
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int64.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let o = try? c.decode([String: AnyJSON].self) { self = .object(o) }
        else { self = .array(try c.decode([AnyJSON].self)) }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}
