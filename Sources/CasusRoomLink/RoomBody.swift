import CasusRoomWire
import Foundation

/// The JSON bodies the link sends. The journal's header and records are JSON objects already
/// (the journal checks each one when it writes it), so they go into the body byte for byte
/// instead of being decoded and encoded again; names and sources go through `JSONEncoder`.
enum RoomBody {
    /// `{"session":…,"header":{…},"sources":{…}}`
    static func join(_ session: RoomSession) -> [UInt8] {
        var body = Array(#"{"session":"#.utf8)
        body += encode(session.id)
        body += Array(#","header":"#.utf8)
        body += session.header
        body += Array(#","sources":"#.utf8)
        body += encode(session.sources)
        body.append(UInt8(ascii: "}"))
        return body
    }

    /// `{"records":[{"seq":N,"data":{…}},…],"end":E}`; `end` is the seq of the journal's
    /// last record, so the room drops what `:terug` removed even when nothing follows it.
    static func records(_ records: some Collection<RoomRecord>, end: Int) -> [UInt8] {
        var body = Array(#"{"records":["#.utf8)
        for (index, record) in records.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body += Array(#"{"seq":\#(record.seq),"data":"#.utf8)
            body += record.data
            body.append(UInt8(ascii: "}"))
        }
        body += Array(#"],"end":\#(end)}"#.utf8)
        return body
    }

    private static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // A String or a [String: String] always encodes.
        return Array((try? encoder.encode(value)) ?? Data("null".utf8))
    }

    /// The `error` of an error body, if it has one.
    static func errorMessage(_ body: [UInt8]) -> String? {
        try? JSONDecoder().decode(RoomWire.Failure.self, from: Data(body)).error
    }
}
