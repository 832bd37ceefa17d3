import Foundation
import Testing

@testable import CasusCore

/// Files as teachers' editors save them: Windows-1252 (Notepad, Word's "plain text"), UTF-16
/// with a byte-order mark (Notepad's "Unicode"), a UTF-8 byte-order mark, CRLF line ends.
@Suite struct SourceDecodingTests {
    /// The same scenario in UTF-8; `é` and `ë` are where Windows-1252 differs.
    static let text = """
        titel: Pesten in de brugklas
        taal: nl

        casus:
            Een leerling wordt buitengesloten; de mentor krijgt een e-mail van de ouders.

        stap "Wat is er gebeurd?" (10 min)
            vraag wat: Wat is er volgens jullie gebeurd met één leerling?
        einde

        """

    /// `text` as Windows-1252 bytes: every scalar below U+0100 is its own byte.
    static var windows1252: [UInt8] {
        text.unicodeScalars.map { UInt8($0.value) }
    }

    static func load(_ bytes: [UInt8]) -> ScenarioLoader.Result {
        struct Bytes: SourceProvider {
            let bytes: [UInt8]
            func read(_ path: String) -> Result<[UInt8], SourceReadError> { .success(bytes) }
            func resolve(include: String, from file: String, root: String) -> String? { nil }
        }
        return ScenarioLoader.load(path: "s.casus", provider: Bytes(bytes: bytes))
    }

    @Test func windows1252IsReadAsMeantWithOneWarningAtTheFirstByte() throws {
        let result = Self.load(Self.windows1252)
        #expect(result.scenario != nil)
        #expect(result.diagnostics.map(\.code) == [.notUTF8])
        let warning = try #require(result.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.range.start.line == 8)
        #expect(warning.range.start.column == 53)
        #expect(warning.message.nl.contains("Windows-1252") && warning.message.nl.contains("`é`"))
        #expect(warning.fixIt?.message.nl.contains("sla het op als UTF-8") == true)
        #expect(warning.fixIt?.message.nl.contains("Kladblok") == true)
        #expect(warning.fixIt?.message.en.contains("Notepad") == true)
        // The line shown with the warning is the line as meant, not bytes as `�`.
        #expect(result.line(8, of: "s.casus")?.contains("één leerling") == true)
        let prompt = result.scenario?.questions["wat"]?.question.prompt.segments
        #expect(prompt == [Text.Segment.literal("Wat is er volgens jullie gebeurd met één leerling?")])
    }

    @Test func windows1252PunctuationIsTheCodePageNotLatin1() {
        // 0x93/0x94 are Word's curly quotes, 0x80 the euro sign, 0x85 the ellipsis.
        let decoded = SourceDecoding.decode([0x93, 0x61, 0x94, 0x20, 0x80, 0x85, 0xEB])
        #expect(decoded.text == "\u{201C}a\u{201D} €…ë")
    }

    @Test func aBinaryFileIsNotReadAsWindows1252() {
        // Control bytes, or a byte Windows-1252 leaves unassigned: not a text from an editor.
        for bytes: [UInt8] in [[0xC6, 0x7E, 0x01, 0x6B], [0x61, 0xE9, 0x81], [0xE9, 0x00]] {
            let decoded = SourceDecoding.decode(bytes)
            #expect(decoded.encoding == .notText)
            #expect(decoded.bytes == bytes)
        }
        // `Á` in UTF-8 is C3 81: the unassigned 0x81 inside a valid sequence is not binary.
        #expect(SourceDecoding.decode(Array("Á ".utf8) + [0xE9]).text == "Á é")
        // Tabs, form feeds and both line ends are text.
        #expect(SourceDecoding.decode([0x09, 0xE9, 0x0C, 0x0D, 0x0A]).encoding == .windows1252(line: 1, column: 2, character: "é"))
    }

    @Test func validUTF8NextToAStrayByteKeepsBoth() {
        // A file pasted together from two editors: `één` in UTF-8, `é` as one Windows-1252 byte.
        let bytes = Array("één ".utf8) + [0xE9] + Array("\nrest".utf8)
        let decoded = SourceDecoding.decode(bytes)
        #expect(decoded.text == "één é\nrest")
        #expect(decoded.encoding == .windows1252(line: 1, column: 5, character: "é"))
    }

    @Test func columnsAndLinesCountCharactersAndEveryLineEnd() {
        let bytes = Array("ä\r\nb\rcd".utf8) + [0xE9]
        #expect(SourceDecoding.decode(bytes).encoding == .windows1252(line: 3, column: 3, character: "é"))
    }

    @Test func utf16WithAByteOrderMarkIsReadWithAWarning() {
        let units = Array(Self.text.utf16)
        let little: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for bytes in [little, big] {
            let result = Self.load(bytes)
            #expect(result.scenario != nil)
            #expect(result.diagnostics.map(\.code) == [.notUTF8])
            #expect(result.diagnostics.first?.message.en.contains("UTF-16") == true)
        }
    }

    @Test func utf8WithAByteOrderMarkAndCRLFIsAcceptedSilently() {
        let crlf = Self.text.replacingOccurrences(of: "\n", with: "\r\n")
        for text in [Self.text, crlf] {
            let result = Self.load([0xEF, 0xBB, 0xBF] + Array(text.utf8))
            #expect(result.scenario != nil)
            #expect(result.diagnostics.isEmpty)
        }
        #expect(Self.load(Array(crlf.utf8)).diagnostics.isEmpty)
    }

    @Test func theByteOrderMarkIsDroppedSoLineOneCountsFromItsFirstCharacter() throws {
        let result = Self.load([0xEF, 0xBB, 0xBF] + Array("titel Pesten\nstap \"A\" (5 min)\n    vraag a (lang): A?\neinde\n".utf8))
        let error = try #require(result.diagnostics.first)
        #expect(error.code == .malformedLine)
        #expect(error.range.start.column == 1)
        #expect(result.line(1, of: "s.casus") == "titel Pesten")
    }

    @Test func validUTF8IsNotCopied() {
        let decoded = SourceDecoding.decode(Array(Self.text.utf8))
        #expect(decoded.encoding == .utf8)
        #expect(decoded.bytes == Array(Self.text.utf8))
    }
}
