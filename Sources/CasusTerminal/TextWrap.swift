/// Word wrapping for terminal output.
public enum TextWrap {
    /// Wraps `text` into lines of at most `width` characters, each starting with `indent`.
    ///
    /// Lengths are counted in grapheme clusters, so "ë" or "👩‍🏫" count as one.
    /// Each line of the input (separated by `\n`) is wrapped on its own, so paragraphs
    /// and blank lines survive; an empty input line yields an empty output line.
    /// Runs of spaces collapse to one. A word is split only if it alone is longer
    /// than the room after the indent (at least one character per line is always placed).
    public static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
        let room = max(1, width - indent.count)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = paragraph.split(separator: " ", omittingEmptySubsequences: true)
            if words.isEmpty {
                lines.append("")
                continue
            }
            var current = ""
            var currentCount = 0
            func flush() {
                if currentCount > 0 { lines.append(indent + current) }
                current = ""
                currentCount = 0
            }
            for word in words {
                var word = Substring(word)
                let wordCount = word.count
                if currentCount > 0 && currentCount + 1 + wordCount <= room {
                    current += " " + word
                    currentCount += 1 + wordCount
                    continue
                }
                flush()
                // Only a word longer than a whole line is cut; the rest starts the next line.
                while word.count > room {
                    let cut = word.index(word.startIndex, offsetBy: room)
                    lines.append(indent + word[..<cut])
                    word = word[cut...]
                }
                current = String(word)
                currentCount = word.count
            }
            flush()
        }
        return lines
    }
}
