/// A moment in time as seconds since 1970, passed in by the caller: the core never reads a clock.
///
/// Encoded in JSON as a plain number so journals stay readable.
public struct Timestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var secondsSince1970: Double

    public init(_ secondsSince1970: Double) {
        self.secondsSince1970 = secondsSince1970
    }

    public init(from decoder: Decoder) throws {
        secondsSince1970 = try decoder.singleValueContainer().decode(Double.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(secondsSince1970)
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.secondsSince1970 < b.secondsSince1970 }

    /// The seconds from `b` to `a`.
    public static func - (a: Timestamp, b: Timestamp) -> Double { a.secondsSince1970 - b.secondsSince1970 }

    /// The moment `seconds` later.
    public static func + (a: Timestamp, seconds: Double) -> Timestamp {
        Timestamp(a.secondsSince1970 + seconds)
    }

    public var description: String { "\(secondsSince1970)" }
}
