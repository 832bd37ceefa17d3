import CasusCore

/// Small layout helpers for the REPL: padding, clock texts.
public enum TextLayout {
    /// `text` padded with spaces to `width` characters (grapheme clusters).
    /// `text` on one line of at most `width` columns: line breaks become spaces, and a text
    /// that is too long ends in `…` at a word boundary when there is one.
    public static func oneLine(_ text: String, width: Int) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > width else { return flat }
        let cut = flat.prefix(max(1, width - 1))
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return String(atWord.count > width / 2 ? atWord : cut) + "…"
    }

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
