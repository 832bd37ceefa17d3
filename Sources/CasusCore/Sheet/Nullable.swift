/// An optional that a sheet writes as `null` rather than leaving its key out, so every sheet
/// has the same keys whatever was answered. A missing key reads as nil, so sheets trimmed by
/// hand (or written before a field existed) still decode.
@propertyWrapper
public struct Nullable<Value: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        wrappedValue = c.decodeNil() ? nil : try c.decode(Value.self)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(wrappedValue)
    }
}

extension KeyedDecodingContainer {
    /// Chosen by the synthesized `init(from:)` of every type with a `@Nullable` property:
    /// an absent key is nil instead of an error. Decodes the value straight from this
    /// container: a report reads thousands of these, and a nested decoder for each cost a
    /// quarter of decoding a sheet.
    public func decode<Value>(_ type: Nullable<Value>.Type, forKey key: Key) throws -> Nullable<Value> {
        Nullable(wrappedValue: try decodeIfPresent(Value.self, forKey: key))
    }
}

extension KeyedEncodingContainer {
    /// Chosen by the synthesized `encode(to:)` likewise: writes the value or `null` straight
    /// into this container, without a nested encoder per field.
    public mutating func encode<Value>(_ value: Nullable<Value>, forKey key: Key) throws {
        if let wrapped = value.wrappedValue {
            try encode(wrapped, forKey: key)
        } else {
            try encodeNil(forKey: key)
        }
    }
}
