/// Makes untrusted text (typed by players or written in a scenario) safe to print: used on
/// every path to a terminal (the REPL, the command line's output) and for the Markdown and
/// HTML sheets and reports, so even `cat sheet.md` cannot be abused.
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
        // Built as UTF-8 bytes: appending to a String.UnicodeScalarView scalar by scalar
        // copies the whole string each time.
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        // Scalars, not Characters: "\r\n" is one grapheme cluster but two controls.
        for scalar in text.unicodeScalars {
            UTF8.encode(needsReplacement(scalar) ? placeholder(for: scalar) : scalar) { result.append($0) }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// JSON text with every raw DEL and C1 control character (which JSON allows unescaped)
    /// written as a `\u00XX` escape instead: the same document, safe on a terminal. Outside
    /// strings JSON holds only ASCII structure and whitespace, so every such character is
    /// inside a string. C0 controls are escaped by every JSON encoder already.
    public static func escapingControlsInJSON(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: needsReplacement) else { return json }
        var result: [UInt8] = []
        result.reserveCapacity(json.utf8.count + 16)
        for scalar in json.unicodeScalars {
            if needsReplacement(scalar) {
                let hex = String(scalar.value, radix: 16)
                result += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
            } else {
                UTF8.encode(scalar) { result.append($0) }
            }
        }
        return String(decoding: result, as: UTF8.self)
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
