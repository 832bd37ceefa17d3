import Foundation

/// Where a group's room is and the code that lets it in (`--room URL --code CODE`).
public struct RoomAddress: Hashable, Sendable {
    /// `http://host:port` without a trailing slash.
    public let base: String
    /// The join code as the room prints it (upper case, no spaces).
    public let code: String

    /// The room's default port (`casus room` listens there unless told otherwise).
    public static let defaultPort = 8686

    /// Reads what a group types: `http://192.168.1.20:8686`, `192.168.1.20:8686` or just
    /// `192.168.1.20` (port 8686); the code in any case, with spaces or dashes. Nil when the
    /// address is not a plain http address or the code is empty.
    public init?(url: String, code: String) {
        var text = url.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("http://") { text.removeFirst("http://".count) }
        else if text.contains("://") { return nil }  // https and others: the room speaks plain http
        while text.hasSuffix("/") { text.removeLast() }
        guard !text.isEmpty, !text.contains("/"), !text.contains("@"), !text.contains(where: \.isWhitespace) else {
            return nil
        }
        if !Self.hasPort(text) { text += ":\(Self.defaultPort)" }
        let cleaned = code.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        guard !cleaned.isEmpty, cleaned.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        base = "http://" + text
        self.code = cleaned
    }

    /// Whether `host` already ends in `:port` (an IPv6 literal is `[…]` with a colon after).
    private static func hasPort(_ host: String) -> Bool {
        if host.hasPrefix("[") { return host.contains("]:") }
        guard let colon = host.lastIndex(of: ":") else { return false }
        let port = host[host.index(after: colon)...]
        return !port.isEmpty && port.allSatisfy(\.isNumber)
    }
}
