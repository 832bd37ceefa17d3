import CasusCore

/// Small layout helpers for the REPL: padding, clock texts.
public enum TextLayout {
    /// `text` padded with spaces to `width` characters (grapheme clusters).
    public static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// `mm:ss` for a number of seconds (`h:mm:ss` from an hour on); negative as `+mm:ss`.
    public static func clock(_ seconds: Double, overSign: Bool = true) -> String {
        let total = Int(abs(seconds).rounded(.down))
        let h = total / 3600, m = (total % 3600) / 60, s = total % 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let body = h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(two(m)):\(two(s))"
        return seconds < 0 && overSign ? "+" + body : body
    }

    /// "vo, havo 4".
    public static func audience(_ audience: Audience) -> String {
        [audience.school.rawValue, audience.level].compactMap { $0 }.joined(separator: ", ")
    }
}
