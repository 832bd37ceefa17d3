/// Turns a scenario file's bytes into the UTF-8 the parser reads: the one decoding that
/// `check`, `test`, `fmt`, `play` and the language server share.
///
/// UTF-8 (with or without a byte-order mark) passes through untouched. Bytes that are not
/// UTF-8 are read as Windows-1252, the code page of Notepad and of "save as text" in Word on
/// a Dutch Windows: a teacher's `é` is meant, not a broken file. Latin-1 reads the same for
/// every printable character. A file with a UTF-16 byte-order mark (Notepad's "Unicode") is
/// read as UTF-16. Either way the file is read as meant and a warning (C023) says so.
public enum SourceDecoding {
    /// The encoding a file turned out to have.
    public enum Encoding: Hashable, Sendable {
        case utf8
        /// Some bytes were not UTF-8 and were read as Windows-1252; the first one is at
        /// `line`:`column` (1-based, the column in characters of the decoded line).
        case windows1252(line: Int, column: Int, character: Character)
        case utf16
        /// Not text in any encoding (control bytes); passed on undecoded.
        case notText
    }

    /// A file's text as UTF-8 bytes, and how it was encoded.
    public struct Decoded: Sendable {
        public var bytes: [UInt8]
        public var encoding: Encoding

        public var text: String { String(decoding: bytes, as: UTF8.self) }

        /// The C023 warning for a file that was not UTF-8; nil for UTF-8.
        public func warning(path: String) -> Diagnostic? {
            switch encoding {
            case .utf8, .notText:
                return nil
            case .windows1252(let line, let column, let character):
                return Diagnostic(
                    .notUTF8, at: SourceRange(file: path, line: line, column: column, length: 1),
                    CheckerMessages.readAsWindows1252(character),
                    fixIt: FixIt(CheckerMessages.saveAsUTF8))
            case .utf16:
                return Diagnostic(
                    .notUTF8, at: SourceRange(file: path, line: 1, column: 1, length: 1),
                    CheckerMessages.readAsUTF16, fixIt: FixIt(CheckerMessages.saveAsUTF8))
            }
        }
    }

    /// Decodes `bytes`; never fails (a NUL byte or an oversized file is the parser's error).
    public static func decode(_ bytes: [UInt8]) -> Decoded {
        if bytes.count >= 2, let bigEndian = utf16Order(bytes[0], bytes[1]) {
            return Decoded(bytes: utf16(bytes.dropFirst(2), bigEndian: bigEndian), encoding: .utf16)
        }
        // A UTF-8 byte-order mark (Notepad adds one) goes silently, so columns on line 1
        // count from the first character shown and `fmt` writes the file without it.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return decode(Array(bytes.dropFirst(3))) }
        // A valid file is not copied.
        if Parser.isValidUTF8(bytes) { return Decoded(bytes: bytes, encoding: .utf8) }
        // Control bytes never occur in a text an editor saved: a binary file (a .docx, a
        // picture) stays as it is, for the parser's "not text" error, not a C023 warning.
        // (C0 bytes never occur inside a UTF-8 sequence; the unassigned ones are looked for
        // among the bytes that are not UTF-8.)
        if bytes.contains(where: isControl) { return Decoded(bytes: bytes, encoding: .notText) }
        return mixed(bytes) ?? Decoded(bytes: bytes, encoding: .notText)
    }

    /// True for big-endian, false for little-endian, nil when there is no UTF-16 byte-order mark.
    private static func utf16Order(_ a: UInt8, _ b: UInt8) -> Bool? {
        switch (a, b) {
        case (0xFE, 0xFF): true
        case (0xFF, 0xFE): false
        default: nil
        }
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let (hi, lo) = bigEndian ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
            units.append(UInt16(hi) << 8 | UInt16(lo))
            i += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    /// Valid UTF-8 sequences stay; every other byte is read as Windows-1252, so a file edited
    /// in two editors keeps the characters of both. Nil when such a byte is unassigned there.
    private static func mixed(_ bytes: [UInt8]) -> Decoded? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var first: Encoding?
        var line = 1
        var column = 1
        var previousWasCR = false
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0

        func count(_ scalar: Unicode.Scalar) {
            switch scalar {
            case "\n":
                if !previousWasCR { line += 1 }
                column = 1
            case "\r":
                line += 1
                column = 1
            default:
                column += 1
            }
            previousWasCR = scalar == "\r"
        }

        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                out.append(contentsOf: encoded)
                count(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case .error(let length):
                for byte in bytes[offset..<offset + length] {
                    if unassigned.contains(byte) { return nil }
                    let scalar = windows1252(byte)
                    if first == nil { first = .windows1252(line: line, column: column, character: Character(scalar)) }
                    out.append(contentsOf: String(scalar).utf8)
                    count(scalar)
                }
                offset += length
            case .emptyInput:
                break loop
            }
        }
        return Decoded(bytes: out, encoding: first ?? .utf8)
    }

    /// NUL and the C0 controls other than tab, line feed, form feed and carriage return.
    private static func isControl(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09, 0x0A, 0x0C, 0x0D: false
        case 0x00...0x1F: true
        default: false
        }
    }

    /// The five bytes Windows-1252 leaves unassigned.
    private static let unassigned: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]

    /// The character a Windows-1252 byte stands for, as the WHATWG Encoding standard reads it
    /// (the five unassigned bytes become the C1 controls of the same value).
    static func windows1252(_ byte: UInt8) -> Unicode.Scalar {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        let value = high[Int(byte - 0x80)]
        return Unicode.Scalar(value) ?? Unicode.Scalar(byte)
    }

    /// Windows-1252's 0x80–0x9F; from 0xA0 it is Latin-1.
    private static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
