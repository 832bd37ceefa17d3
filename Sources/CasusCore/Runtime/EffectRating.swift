/// How a solution affects a role: `++ + 0 - --`.
public enum EffectRating: String, Hashable, Sendable, Codable, CaseIterable {
    case veryPositive = "++"
    case positive = "+"
    case neutral = "0"
    case negative = "-"
    case veryNegative = "--"

    /// From -2 (very negative) to 2 (very positive), for colouring and sums.
    public var score: Int {
        switch self {
        case .veryPositive: 2
        case .positive: 1
        case .neutral: 0
        case .negative: -1
        case .veryNegative: -2
        }
    }

    /// Reads `++`, `+`, `0`, `-`, `--`; the unicode minus `−` and en dash `–` count as `-`.
    public init?(symbol: some StringProtocol) {
        let normalized = String(symbol).map { $0 == "−" || $0 == "–" ? "-" : String($0) }.joined()
        guard let rating = EffectRating(rawValue: normalized) else { return nil }
        self = rating
    }
}
