/// Makes untrusted text (typed by players or written in a scenario) safe to print.
///
/// A terminal interprets control characters and escape sequences; printing them raw would
/// let a scenario clear the screen, move the cursor or retitle the window. Every such
/// character is replaced by a visible placeholder instead, so the text stays readable.
public enum TextSafety {
    /// Returns `text` with every control character replaced by a visible placeholder.
    ///
    /// - C0 controls (U+0000–U+001F) except newline and tab become the matching
    ///   Control Pictures symbol (U+2400–U+241F), e.g. ESC → `␛`, CR → `␍`.
    ///   Replacing ESC defuses every escape sequence: the remaining bytes are plain text.
    /// - DEL (U+007F) becomes `␡`.
    /// - C1 controls (U+0080–U+009F, including the single-character CSI) become `�`.
    public static func sanitize(_ text: String) -> String {
        // Fast path: most text has nothing to replace.
        guard text.unicodeScalars.contains(where: needsReplacement) else { return text }
        var result = String.UnicodeScalarView()
        // Scalars, not Characters: "\r\n" is one grapheme cluster but two controls.
        for scalar in text.unicodeScalars {
            result.append(needsReplacement(scalar) ? placeholder(for: scalar) : scalar)
        }
        return String(result)
    }

    /// Whether `scalar` would be replaced by `sanitize(_:)`.
    public static func needsReplacement(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00...0x1F, 0x7F, 0x80...0x9F: true
        default: false
        }
    }

    private static func placeholder(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x00...0x1F: Unicode.Scalar(0x2400 + scalar.value)!
        case 0x7F: "\u{2421}"
        default: "\u{FFFD}"
        }
    }
}
