@testable import CasusCore
import Foundation
import Testing

/// `Text` stores its literals in one string with marked interpolations; these tests pin that
/// the segments read back are the text that went in.
struct TextTests {
    static let at = SourceRange(file: "t.casus", line: 1, column: 1, length: 1)

    static func name(_ n: String) -> Identifier { Identifier(n, at: at) }

    @Test func segmentsRoundTripWithNonASCIIAndAdjacentInterpolations() {
        let segments: [Text.Segment] = [
            .literal("Wat vindt "), .interpolation(Self.name("rol")), .interpolation(Self.name("lid")),
            .literal(" van het reünie-filmpje "), .interpolation(Self.name("oplossing")), .literal("? ✓"),
        ]
        let text = Text(segments: segments, range: Self.at)
        #expect(text.segments == segments)
        #expect(text.interpolations.map(\.name) == ["rol", "lid", "oplossing"])
        #expect(text.plain == "Wat vindt {rol}{lid} van het reünie-filmpje {oplossing}? ✓")
    }

    @Test func adjacentLiteralsAreJoinedAndEmptyOnesDropped() {
        let text = Text(segments: [.literal("a"), .literal(""), .literal("b"), .interpolation(Self.name("x"))], range: Self.at)
        #expect(text.segments == [.literal("ab"), .interpolation(Self.name("x"))])
        #expect(text == Text(segments: [.literal("ab"), .interpolation(Self.name("x"))], range: Self.at))
        #expect(Text(segments: [], range: Self.at).isEmpty)
        #expect(!Text(segments: [.interpolation(Self.name("x"))], range: Self.at).isEmpty)
    }

    @Test func encodesAsSegments() throws {
        let text = Text(segments: [.literal("Hoi "), .interpolation(Self.name("groep"))], range: Self.at)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(text)) as? [String: Any]
        #expect(json?.keys.sorted() == ["range", "segments"])
        #expect(try JSONDecoder().decode(Text.self, from: JSONEncoder().encode(text)) == text)
    }
}
