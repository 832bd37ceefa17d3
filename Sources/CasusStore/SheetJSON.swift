import Foundation

/// The JSON text of a sheet (or anything else a person's tools read): Foundation's encoder
/// with sorted keys and two-space indentation, then three touches so the bytes stay what
/// casus has always written:
/// - `"key": value` and `[]` / `{}`, not Foundation's `"key" : value` and `[\n\n]`;
/// - `<`, `>` and `&` escaped, so the JSON can be put inside an HTML page as it is;
/// - DEL, the C1 controls (U+0080–U+009F) and U+2028/U+2029 escaped, and `\b` / `\f`
///   written as `\u0008` / `\u000c`: valid raw in JSON, but a terminal showing the file may
///   act on C1 controls (U+009B starts a control sequence) and U+2028/U+2029 end a
///   JavaScript string literal.
public enum SheetJSON {
    public static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Data(touchUp([UInt8](try encoder.encode(value))))
    }

    /// One pass over the encoder's bytes, knowing whether it is inside a string.
    static func touchUp(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        let at = { (i: Int) -> UInt8 in i < bytes.count ? bytes[i] : 0 }
        var inString = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if !inString {
                if b == UInt8(ascii: " "), at(i) == UInt8(ascii: ":") { continue }
                if b == UInt8(ascii: "[") || b == UInt8(ascii: "{"), at(i) == 0x0A, at(i + 1) == 0x0A {
                    // An empty container: `[`, two newlines, indentation, `]`.
                    i += 2
                    while at(i) == UInt8(ascii: " ") { i += 1 }
                }
                inString = b == UInt8(ascii: "\"")
                out.append(b)
                continue
            }
            switch b {
            case UInt8(ascii: "\\"):
                let escaped = at(i)
                i += 1
                if escaped == UInt8(ascii: "b") {
                    out += Array("\\u0008".utf8)
                } else if escaped == UInt8(ascii: "f") {
                    out += Array("\\u000c".utf8)
                } else {
                    out += [b, escaped]
                }
            case UInt8(ascii: "\""):
                inString = false
                out.append(b)
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0x7F:
                out += escape(UInt32(b))
            case 0xC2 where (0x80...0x9F).contains(at(i)):
                out += escape(UInt32(at(i)))
                i += 1
            case 0xE2 where at(i) == 0x80 && (at(i + 1) == 0xA8 || at(i + 1) == 0xA9):
                out += escape(at(i + 1) == 0xA8 ? 0x2028 : 0x2029)
                i += 2
            default:
                out.append(b)
            }
        }
        out.append(0x0A)
        return out
    }

    /// `\u` and four lower-case hex digits.
    private static func escape(_ scalar: UInt32) -> [UInt8] {
        let hex = String(scalar, radix: 16)
        return Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
    }
}
