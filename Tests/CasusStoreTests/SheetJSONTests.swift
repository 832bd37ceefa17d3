import CasusStore
import Foundation
import Testing

/// The JSON sheet's bytes: Foundation's encoder, touched up to casus's layout and escaping.
@Suite struct SheetJSONTests {
    struct Sample: Encodable {
        var text: String
        var empty: [Int] = []
        var none: [String: Int] = [:]
        var list = [1, 2]
    }

    @Test func layoutIsKeyColonValueWithEmptyContainersOnOneLine() throws {
        let json = String(decoding: try SheetJSON.encode(Sample(text: "a : [\n\n]")), as: UTF8.self)
        #expect(json == "{\n  \"empty\": [],\n  \"list\": [\n    1,\n    2\n  ],\n  \"none\": {},\n  \"text\": \"a : [\\n\\n]\"\n}\n")
    }

    @Test func htmlAndTerminalSensitiveCharactersAreEscaped() throws {
        let text = "<b>&</b> \"q\" \\ / \u{1}\u{8}\u{C}\u{7F}\u{85}\u{9B}\u{2028}\u{2029} é 🙂"
        let data = try SheetJSON.encode(Sample(text: text))
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains(#""text": "\u003cb\u003e\u0026\u003c/b\u003e \"q\" \\ / \u0001\u0008\u000c\u007f\u0085\u009b\u2028\u2029 é 🙂""#))
        // Still JSON, meaning the same text.
        let read = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(read["text"] as? String == text)
    }
}
