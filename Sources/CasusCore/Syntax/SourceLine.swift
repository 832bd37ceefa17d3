/// One physical line of a scenario: a slice of the file's UTF-8 bytes (shared, not copied),
/// split into indentation and content.
///
/// Inside the parser, columns are 1-based *byte* columns within the line, which keeps the
/// hot path free of Unicode decoding; `scalarColumn` converts to the Unicode-scalar columns
/// that diagnostics show.
struct SourceLine: Sendable {
    /// 1-based line number.
    var number: Int
    /// The line's bytes without its line break; indices are positions in the whole file.
    var bytes: ArraySlice<UInt8>
    /// Indentation width; a tab counts up to the next multiple of four.
    var indent: Int
    /// 1-based byte column where the content starts.
    var contentColumn: Int
    /// True when every byte is ASCII (then byte and scalar columns agree).
    var isASCII: Bool

    /// The number of bytes in the line.
    var count: Int { bytes.count }

    /// The byte at 1-based byte column `column`.
    @inline(__always) func byte(_ column: Int) -> UInt8 { bytes[bytes.startIndex + column - 1] }

    var isBlank: Bool { contentColumn > count }

    /// A code comment line: `# …` as the first thing on the line.
    var isComment: Bool { !isBlank && byte(contentColumn) == UInt8(ascii: "#") }

    /// The text between two byte columns (end exclusive).
    func text(_ from: Int, _ to: Int) -> String {
        guard to > from else { return "" }
        let start = bytes.startIndex + from - 1
        return String(decoding: bytes[start..<(start + to - from)], as: UTF8.self)
    }

    /// The whole line as text.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The content as text (after the indentation).
    var contentString: String { text(contentColumn, count + 1) }

    /// Converts a byte column to the Unicode-scalar column shown to people.
    func scalarColumn(_ byteColumn: Int) -> Int {
        if isASCII { return byteColumn }
        let within = min(byteColumn - 1, count)
        var column = 1
        for b in bytes.prefix(within) where b & 0xC0 != 0x80 { column += 1 }
        // Columns past the end of the line (a point after the last character).
        return column + max(0, byteColumn - 1 - count)
    }

    /// The column just past the last non-blank byte.
    var trimmedEnd: Int {
        var end = count
        while end > 0, byte(end) == 0x20 || byte(end) == 0x09 { end -= 1 }
        return end + 1
    }

    /// The number of Unicode scalars (for the line-length limit).
    var scalarCount: Int { isASCII ? count : bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }

    /// Splits UTF-8 source into lines (`\n`, `\r\n` and `\r` all end a line).
    static func split(_ source: [UInt8]) -> [SourceLine] {
        var lines: [SourceLine] = []
        lines.reserveCapacity(source.count / 32 + 1)
        var start = 0
        var number = 1
        // The OR of the line's bytes: bit 7 set means a non-ASCII byte. Tracked here so
        // `make` needs no second pass over the line.
        var bits: UInt8 = 0
        var i = 0
        let n = source.count
        // Every read is at an index below `n`, checked by the loop; the buffer view only
        // skips the per-byte bounds check of the array (~14 % of this function).
        source.withUnsafeBufferPointer { buffer in
            while i < n {
                let b = buffer[i]
                if b == 0x0A || b == 0x0D {
                    lines.append(make(number: number, bytes: source[start..<i], isASCII: bits < 0x80))
                    bits = 0
                    number += 1
                    if b == 0x0D, i + 1 < n, buffer[i + 1] == 0x0A { i += 1 }
                    i += 1
                    start = i
                    continue
                }
                bits |= b
                i += 1
            }
        }
        if start < n { lines.append(make(number: number, bytes: source[start..<n], isASCII: bits < 0x80)) }
        return lines
    }

    static func split(_ text: String) -> [SourceLine] { split(Array(text.utf8)) }

    private static func make(number: Int, bytes: ArraySlice<UInt8>, isASCII ascii: Bool) -> SourceLine {
        var indent = 0
        var column = 1
        var i = bytes.startIndex
        // A byte order mark at the very start is neither indentation nor content.
        if number == 1, bytes.count >= 3, bytes[i] == 0xEF, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF {
            i += 3
            column += 3
        }
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == 0x20 {
                indent += 1
            } else if b == 0x09 {
                indent += 4 - indent % 4
            } else {
                break
            }
            column += 1
            i += 1
        }
        return SourceLine(number: number, bytes: bytes, indent: indent, contentColumn: column, isASCII: ascii)
    }
}
