import CasusStore
import Foundation

/// The room's join code (for the groups) and facilitator token (for the pages), made once
/// and kept in `room.json` so a restarted room keeps both.
public struct RoomIdentity: Codable, Sendable, Equatable {
    public var format: Int = 1
    /// Six characters from `codeAlphabet`, e.g. `K7P2QX`.
    public var code: String
    /// 128 random bits as 32 lowercase hex digits; part of the facilitator's link.
    public var token: String
    /// Seconds since 1970.
    public var created: Double

    /// Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L, 5/S, 8/B).
    public static let codeAlphabet = Array("ACDEFGHJKMNPQRTUVWXY2345679")

    /// A new identity from the system's random source.
    public static func make(now: Date) -> RoomIdentity {
        var generator = SystemRandomNumberGenerator()
        let code = String((0..<6).map { _ in codeAlphabet.randomElement(using: &generator)! })
        let token = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        return RoomIdentity(code: code, token: token, created: now.timeIntervalSince1970)
    }

    /// Whether `given` is the join code (case and spaces do not matter: it is read aloud).
    public func accepts(code given: String?) -> Bool {
        guard let given else { return false }
        let normal = given.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        return Self.constantTimeEqual(normal, code)
    }

    /// Whether `given` is the facilitator's token.
    public func accepts(token given: String) -> Bool { Self.constantTimeEqual(given.lowercased(), token) }

    /// Compares without stopping at the first difference, so timing tells nothing.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
