import CasusCore
import Foundation
import Testing

/// The fast journal reader must read exactly what `Codable` writes.
@Suite struct JournalJSONTests {
    static let events: [SessionEvent] = [
        .setup(GroupSetup(group: "Groep \"Blauw\"", members: ["Anna", "Zoë", "Bram 🙂"], jobs: [.scribe: "Anna", .presenter: "Zoë"]), at: Timestamp(1_764_100_000.25)),
        .answer(AnswerKey("wat"), .text("Regel één\nmet \\ en / en \t tab"), at: Timestamp(1_764_100_010)),
        .answer(AnswerKey("pitch"), .longText("Eerste alinea.\n\nTweede <b>alinea</b> & meer."), at: Timestamp(1_764_100_011)),
        .answer(AnswerKey("spelers"), .list(["het meisje", "de pesters", ""]), at: Timestamp(1_764_100_012)),
        .answer(AnswerKey("groepsdruk"), .yesNo(true), at: Timestamp(1_764_100_013)),
        .answer(AnswerKey("druk2"), .yesNo(false), at: Timestamp(1_764_100_013.5)),
        .answer(AnswerKey("onderwerp"), .choice("Waar wordt (online)pesten gemeld?"), at: Timestamp(1_764_100_014)),
        .answer(AnswerKey("ernst"), .scale(4), at: Timestamp(1_764_100_015)),
        .answer(AnswerKey("inbrenger"), .member("Zoë"), at: Timestamp(1_764_100_016)),
        .answer(AnswerKey("sleutel"), .role("slachtoffer"), at: Timestamp(1_764_100_017)),
        .answer(AnswerKey("effect", ["2", "pesters"]), .effect(.veryNegative, note: "voelen zich \"betrapt\""), at: Timestamp(1_764_100_018)),
        .answer(AnswerKey("effect", ["1", "ouders"]), .effect(.neutral, note: nil), at: Timestamp(1_764_100_019)),
        .answer(AnswerKey("gekozen", ["Anna"]), .choice("Praten"), at: Timestamp(1_764_100_020)),
        .answer(AnswerKey("gekozen"), .vote(VoteDecision(chosen: "Praten", tally: [VoteCount(option: "Praten", votes: 2), VoteCount(option: "Straffen", votes: 2)])), at: Timestamp(1_764_100_021)),
        .skip(AnswerKey("hoe_druk"), at: Timestamp(1_764_100_022)),
        .answer(AnswerKey("beleving", ["rol[x]"]), .text("sleutel met haken"), at: Timestamp(1_764_100_023)),
        .resumed(at: Timestamp(1_764_100_030)),
        .finished(at: Timestamp(1_764_100_040)),
    ]

    @Test func readsEverythingCodableWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for event in Self.events {
            let bytes = [UInt8](try encoder.encode(event))
            let read = try #require(SessionEvent(journalJSON: bytes), "\(String(decoding: bytes, as: UTF8.self))")
            #expect(read == event)
            // And it agrees with the reference decoder.
            #expect(try JSONDecoder().decode(SessionEvent.self, from: Data(bytes)) == read)
        }
    }

    @Test func escapesAndSurrogatePairs() {
        let json = #"{"a":"\u00eb\n\"\\\/ \ud83d\ude42","b":[1,-2.5e1,true,null]}"#
        guard case .object(let o)? = JSONParser.parse(Array(json.utf8)) else {
            Issue.record("not parsed")
            return
        }
        #expect(o["a"] == .string("ë\n\"\\/ 🙂"))
        #expect(o["b"] == .array([.int(1), .number(-25), .bool(true), .null]))
    }

    @Test func malformedInputIsRefused() {
        for bad in ["", "{", "{\"a\":}", "{\"a\":1,}", "[1 2]", "\"open", "{\"a\":1} x", "tru", "{\"a\":\"\u{01}\"}",
                    "\"\\ud83d\"", String(repeating: "[", count: 100) + String(repeating: "]", count: 100)]
        {
            #expect(JSONParser.parse(Array(bad.utf8)) == nil, "\(bad)")
        }
        #expect(SessionEvent(journalJSON: Array(#"{"event":"answer","at":1,"key":"x","value":{"type":"nieuw"}}"#.utf8)) == nil)
    }
}
