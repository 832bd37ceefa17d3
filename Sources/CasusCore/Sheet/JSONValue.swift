/// A tiny JSON tree and writer for the sheets: sorted keys, two-space indentation, the same
/// bytes for the same value. Keeps the core free of Foundation.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    static func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
    static func optional(_ n: Int?) -> JSONValue { n.map { .int($0) } ?? .null }

    /// Pretty-printed JSON with sorted keys and a final newline.
    public func serialized() -> String {
        // Built as bytes: appending to a String piece by piece was the slowest part of
        // rewriting a long session's sheet after every answer.
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(&out, indent: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(_ out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .int(let n): out += String(n).utf8
        case .number(let d):
            if d.isFinite, d == d.rounded(), abs(d) < 1e15 {
                out += String(Int(d)).utf8
            } else if d.isFinite {
                out += "\(d)".utf8
            } else {
                out += "null".utf8
            }
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            guard !items.isEmpty else {
                out += "[]".utf8
                return
            }
            out += "[\n".utf8
            for (i, item) in items.enumerated() {
                Self.pad(&out, indent + 1)
                item.write(&out, indent: indent + 1)
                out += (i + 1 < items.count ? ",\n" : "\n").utf8
            }
            Self.pad(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            guard !fields.isEmpty else {
                out += "{}".utf8
                return
            }
            out += "{\n".utf8
            let keys = fields.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (i, key) in keys.enumerated() {
                Self.pad(&out, indent + 1)
                Self.quote(key, into: &out)
                out += ": ".utf8
                fields[key]!.write(&out, indent: indent + 1)
                out += (i + 1 < keys.count ? ",\n" : "\n").utf8
            }
            Self.pad(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func pad(_ out: inout [UInt8], _ indent: Int) {
        for _ in 0..<(indent * 2) { out.append(0x20) }
    }

    static func quote(_ s: String, into out: inout String) {
        var bytes: [UInt8] = []
        quote(s, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    static func quote(_ s: String, into out: inout [UInt8]) {
        let start = out.count
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += "\\\"".utf8
            case UInt8(ascii: "\\"): out += "\\\\".utf8
            case 0x0A: out += "\\n".utf8
            case 0x0D: out += "\\r".utf8
            case 0x09: out += "\\t".utf8
            // < > & escaped too, so the JSON can be embedded in HTML safely.
            case UInt8(ascii: "<"): out += "\\u003c".utf8
            case UInt8(ascii: ">"): out += "\\u003e".utf8
            case UInt8(ascii: "&"): out += "\\u0026".utf8
            case 0..<0x20, 0x7F:
                let hex = String(byte, radix: 16)
                out += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
            default:
                out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        // U+2028 and U+2029 (E2 80 A8 / E2 80 A9) break JavaScript string literals.
        if s.utf8.contains(0xE2) { escapeLineSeparators(&out) }
        // C1 controls (U+0080–U+009F, C2 80–C2 9F) are valid raw in JSON, but a terminal
        // showing the file may act on them (U+009B starts a control sequence).
        if s.utf8.contains(0xC2) { escapeC1Controls(&out, from: start) }
    }

    /// Rewrites raw C1 control characters in `out[start...]` (the string just written) as
    /// `\u0080`–`\u009f`.
    private static func escapeC1Controls(_ out: inout [UInt8], from start: Int) {
        var rewritten: [UInt8] = []
        rewritten.reserveCapacity(out.count - start + 16)
        var i = start
        while i < out.count {
            if out[i] == 0xC2, i + 1 < out.count, (0x80...0x9F).contains(out[i + 1]) {
                rewritten += ("\\u00" + String(out[i + 1], radix: 16)).utf8
                i += 2
            } else {
                rewritten.append(out[i])
                i += 1
            }
        }
        out.replaceSubrange(start..., with: rewritten)
    }

    /// Rewrites raw U+2028/U+2029 bytes at the end of `out` (the string just written).
    private static func escapeLineSeparators(_ out: inout [UInt8]) {
        var result: [UInt8] = []
        var i = 0
        var changed = false
        while i < out.count {
            if i + 2 < out.count, out[i] == 0xE2, out[i + 1] == 0x80, out[i + 2] == 0xA8 || out[i + 2] == 0xA9 {
                result += (out[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8
                i += 3
                changed = true
            } else {
                result.append(out[i])
                i += 1
            }
        }
        if changed { out = result }
    }
}
