/// One physical line of a scenario: where it lies in the file's UTF-8 bytes, split into
/// indentation and content.
///
/// A line holds no bytes, only their position: copying a line is copying 28 bytes with no
/// reference count to touch (a slice of the file made every copy a retain and a release, and
/// a large scenario has ~450,000 lines). Whoever holds lines holds the file's bytes as well
/// and passes them in (`in source:`).
///
/// Inside the parser, columns are 1-based *byte* columns within the line, which keeps the
/// hot path free of Unicode decoding; `scalarColumn` converts to the Unicode-scalar columns
/// that diagnostics show. Offsets are 32-bit: files are at most `Parser.maxFileBytes`.
struct SourceLine: Sendable {
    private var storedStart: Int32
    private var storedCount: Int32
    private var storedNumber: Int32
    private var storedIndent: Int32
    private var storedContentColumn: Int32
    private var storedTrimmedEnd: Int32
    /// True when every byte is ASCII (then byte and scalar columns agree).
    let isASCII: Bool
    /// A code comment line: `# …` as the first thing on the line.
    let isComment: Bool

    /// 1-based line number.
    var number: Int { Int(storedNumber) }
    /// Offset of the line's first byte in the file.
    var start: Int { Int(storedStart) }
    /// The number of bytes in the line, without its line break.
    var count: Int { Int(storedCount) }
    /// Indentation width; a tab counts up to the next multiple of four.
    var indent: Int { Int(storedIndent) }
    /// 1-based byte column where the content starts.
    var contentColumn: Int { Int(storedContentColumn) }
    /// The column just past the last non-blank byte.
    var trimmedEnd: Int { Int(storedTrimmedEnd) }

    var isBlank: Bool { contentColumn > count }

    /// The file offsets of the line's bytes.
    var offsets: Range<Int> { start..<(start + count) }

    /// The byte at 1-based byte column `column`.
    @inline(__always) func byte(_ column: Int, in source: [UInt8]) -> UInt8 {
        // The array checks the file's bounds; this catches a column outside the line in tests.
        assert(column >= 1 && column <= count, "column \(column) outside line \(number)")
        return source[start + column - 1]
    }

    /// The file offsets of the bytes between two byte columns (end exclusive).
    func offsets(_ from: Int, _ to: Int) -> Range<Int> {
        (start + from - 1)..<(start + max(from, to) - 1)
    }

    /// The text between two byte columns (end exclusive).
    func text(_ from: Int, _ to: Int, in source: [UInt8]) -> String {
        guard to > from else { return "" }
        return String(decoding: source[offsets(from, to)], as: UTF8.self)
    }

    /// The whole line as text.
    func string(in source: [UInt8]) -> String { String(decoding: source[offsets], as: UTF8.self) }

    /// The content as text (after the indentation).
    func contentString(in source: [UInt8]) -> String { text(contentColumn, count + 1, in: source) }

    /// Converts a byte column to the Unicode-scalar column shown to people.
    func scalarColumn(_ byteColumn: Int, in source: [UInt8]) -> Int {
        if isASCII { return byteColumn }
        let within = min(byteColumn - 1, count)
        var column = 1
        for b in source[start..<(start + within)] where b & 0xC0 != 0x80 { column += 1 }
        // Columns past the end of the line (a point after the last character).
        return column + max(0, byteColumn - 1 - count)
    }

    /// True when the line is longer than `Parser.maxLineLength` scalars (bytes are counted
    /// first: a line of fewer bytes cannot be too long).
    func isTooLong(in source: [UInt8]) -> Bool {
        count > Parser.maxLineLength && scalarCount(in: source) > Parser.maxLineLength
    }

    /// The number of Unicode scalars (for the line-length limit).
    func scalarCount(in source: [UInt8]) -> Int {
        isASCII ? count : source[offsets].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

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
                    lines.append(make(number: number, buffer, start..<i, isASCII: bits < 0x80))
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
            if start < n { lines.append(make(number: number, buffer, start..<n, isASCII: bits < 0x80)) }
        }
        return lines
    }

    static func split(_ text: String) -> [SourceLine] { split(Array(text.utf8)) }

    /// Measures the line at `range` of `buffer` (a range inside the buffer, from `split`).
    private static func make(
        number: Int, _ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, isASCII ascii: Bool
    ) -> SourceLine {
        var indent = 0
        var i = range.lowerBound
        let end = range.upperBound
        // A byte order mark at the very start is neither indentation nor content.
        if number == 1, end - i >= 3, buffer[i] == 0xEF, buffer[i + 1] == 0xBB, buffer[i + 2] == 0xBF {
            i += 3
        }
        while i < end {
            let b = buffer[i]
            if b == 0x20 {
                indent += 1
            } else if b == 0x09 {
                indent += 4 - indent % 4
            } else {
                break
            }
            i += 1
        }
        let content = i
        var trimmed = end
        while trimmed > range.lowerBound, buffer[trimmed - 1] == 0x20 || buffer[trimmed - 1] == 0x09 { trimmed -= 1 }
        return SourceLine(
            storedStart: Int32(range.lowerBound), storedCount: Int32(range.count), storedNumber: Int32(number),
            storedIndent: Int32(clamping: indent), storedContentColumn: Int32(content - range.lowerBound + 1),
            storedTrimmedEnd: Int32(trimmed - range.lowerBound + 1), isASCII: ascii,
            isComment: content < end && buffer[content] == UInt8(ascii: "#"))
    }
}
