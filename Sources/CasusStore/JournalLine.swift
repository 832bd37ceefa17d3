import Foundation

/// The line format, encoding and verification of single journal lines.
///
/// Every line is a JSON object with its fields in a fixed order, written by hand:
///
///     {"seq":1,"format":1,"data":{...},"crc":"89abcdef"}\n   (header, first line only)
///     {"seq":2,"data":{...},"crc":"0123abcd"}\n
///
/// `crc` is the CRC-32 (IEEE), as 8 lowercase hex digits, of the exact bytes of the line from
/// its opening `{` up to and including the last byte of the `data` value — that is everything
/// before `,"crc":"`. It thus covers seq, format and payload. Because the crc comes last, a
/// line cut short can never verify, and the line is still plain JSON for tools such as `jq`.
enum JournalLine {
    static let crcSuffixLength = 18  // ,"crc":"xxxxxxxx"}
    private static let crcLead = Array(#","crc":""#.utf8)

    /// A decoded, verified line.
    struct Parsed {
        let seq: Int
        let format: Int?
        let data: Range<Int>
    }

    static func encode(seq: Int, format: Int?, payload: Data) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(payload.count + 64)
        line.append(contentsOf: #"{"seq":"#.utf8)
        line.append(contentsOf: String(seq).utf8)
        if let format {
            line.append(contentsOf: #","format":"#.utf8)
            line.append(contentsOf: String(format).utf8)
        }
        line.append(contentsOf: #","data":"#.utf8)
        line.append(contentsOf: payload)
        let crc = CRC32.checksum(line)
        line.append(contentsOf: crcLead)
        line.append(contentsOf: String(crc, radix: 16).leftPadded(to: 8).utf8)
        line.append(contentsOf: #""}"#.utf8)
        line.append(0x0A)
        return line
    }

    /// Checks that `payload` can be stored as the data of one line: a JSON object without raw
    /// line breaks. Done on append so a bad payload can never poison the middle of a journal.
    static func validate(payload: Data) throws {
        guard payload.first == UInt8(ascii: "{"), payload.last == UInt8(ascii: "}"),
            !payload.contains(0x0A), !payload.contains(0x0D)
        else {
            throw StoreError(.invalidPayload, "journal payload must be a one-line JSON object")
        }
        guard (try? JSONSerialization.jsonObject(with: payload)) is [String: Any] else {
            throw StoreError(.invalidPayload, "journal payload is not valid JSON")
        }
    }

    /// Verifies `bytes[range]` (one line without its newline); nil if it is not a good line.
    static func parse(_ bytes: [UInt8], _ range: Range<Int>) -> Parsed? {
        guard range.count > crcSuffixLength + 10 else { return nil }
        let coveredEnd = range.upperBound - crcSuffixLength
        guard bytes[coveredEnd..<coveredEnd + crcLead.count].elementsEqual(crcLead),
            bytes[range.upperBound - 2] == UInt8(ascii: "\""),
            bytes[range.upperBound - 1] == UInt8(ascii: "}"),
            let stored = UInt32(
                String(decoding: bytes[(coveredEnd + crcLead.count)..<(range.upperBound - 2)], as: UTF8.self),
                radix: 16)
        else { return nil }
        guard CRC32.checksum(bytes[range.lowerBound..<coveredEnd]) == stored else { return nil }

        var cursor = range.lowerBound
        func expect(_ literal: String) -> Bool {
            let lit = Array(literal.utf8)
            guard coveredEnd - cursor >= lit.count,
                bytes[cursor..<cursor + lit.count].elementsEqual(lit)
            else { return false }
            cursor += lit.count
            return true
        }
        func number() -> Int? {
            let start = cursor
            while cursor < coveredEnd, cursor - start < 18,
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor])
            {
                cursor += 1
            }
            guard cursor > start else { return nil }
            return Int(String(decoding: bytes[start..<cursor], as: UTF8.self))
        }
        guard expect(#"{"seq":"#), let seq = number() else { return nil }
        var format: Int?
        if expect(#","format":"#) {
            guard let value = number() else { return nil }
            format = value
        }
        guard expect(#","data":"#) else { return nil }
        let data = cursor..<coveredEnd
        // The CRC matched, so these are bytes we wrote (and `append` only writes JSON objects);
        // the caller decodes them. A full JSON parse here doubled the cost of opening a journal.
        guard data.count >= 2, bytes[data.lowerBound] == UInt8(ascii: "{"), bytes[data.upperBound - 1] == UInt8(ascii: "}")
        else { return nil }
        return Parsed(seq: seq, format: format, data: data)
    }
}
