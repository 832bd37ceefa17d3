/// Raw ANSI SGR escape sequences. Prefer `Style`, which respects `colorEnabled`.
public enum ANSI {
    /// Resets all attributes.
    public static let reset = "\u{1B}[0m"
    /// Bold / increased intensity.
    public static let bold = "\u{1B}[1m"
    /// Dim / decreased intensity.
    public static let dim = "\u{1B}[2m"
    /// Red foreground.
    public static let red = "\u{1B}[31m"
    /// Green foreground.
    public static let green = "\u{1B}[32m"
    /// Yellow foreground.
    public static let yellow = "\u{1B}[33m"
}

/// Styling helpers that wrap text in ANSI codes, or return it unchanged when colour is off.
///
/// Styling never sanitizes: run untrusted text through `TextSafety.sanitize(_:)` first.
public struct Style: Sendable, Equatable {
    /// Whether escape codes are emitted at all.
    public let enabled: Bool

    /// Creates a style; pass `TerminalCapabilities.colorEnabled`.
    public init(enabled: Bool) { self.enabled = enabled }

    /// A style that never emits escape codes (pipes, tests, `NO_COLOR`).
    public static let plain = Style(enabled: false)

    /// `text` in bold.
    public func bold(_ text: String) -> String { apply(ANSI.bold, text) }
    /// `text` dimmed.
    public func dim(_ text: String) -> String { apply(ANSI.dim, text) }
    /// `text` in green.
    public func green(_ text: String) -> String { apply(ANSI.green, text) }
    /// `text` in red.
    public func red(_ text: String) -> String { apply(ANSI.red, text) }
    /// `text` in yellow.
    public func yellow(_ text: String) -> String { apply(ANSI.yellow, text) }

    private func apply(_ code: String, _ text: String) -> String {
        // Empty text gets no codes so plain and styled output have the same shape.
        guard enabled, !text.isEmpty else { return text }
        return code + text + ANSI.reset
    }
}
