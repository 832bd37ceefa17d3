import Testing
import CasusCore

/// Carets stand under the word at fault, not the whole line: each source marks the underline
/// with `«` and `»` (removed before checking), and the diagnostic's range must be exactly
/// that. The broken corpus shows the same for errors; warnings live here, since every corpus
/// file must hold an error.
@Suite struct CaretTests {
    /// The source without `«` and `»`, and the range between them (one line).
    private func marked(_ text: String) -> (source: String, line: Int, start: Int, end: Int) {
        var source = ""
        var line = 1
        var column = 1
        var start = (line: 0, column: 0)
        var end = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "«": start = (line, column)
            case "»": end = column
            default:
                source.unicodeScalars.append(scalar)
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
        }
        return (source, start.line, start.column, end)
    }

    private func expectUnderline(
        _ text: String, code: DiagnosticCode, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let (source, line, start, end) = marked(text)
        let result = ScenarioLoader.load(path: "main.casus", provider: InMemorySourceProvider(["main.casus": source]))
        guard let d = result.diagnostics.first(where: { $0.code == code }) else {
            Issue.record("no \(code): \(result.diagnostics.map(\.code))", sourceLocation: sourceLocation)
            return
        }
        #expect(d.range.start == SourceLocation(line: line, column: start), sourceLocation: sourceLocation)
        #expect(d.range.end == SourceLocation(line: line, column: end), sourceLocation: sourceLocation)
    }

    private let header = "titel: T\ndoelgroep: vo, havo 4\n"

    @Test func zeroMinutesUnderTheBudget() {
        expectUnderline(header + "stap \"Afronden\" «(0 min)»\n    vraag wat (lang): Wat?\neinde\n", code: .zeroBudget)
    }

    @Test func questionWithoutTextAtItsColon() {
        expectUnderline(header + "stap \"S\"\n    vraag wat (lang)«:»\neinde\n", code: .emptyPrompt)
    }

    @Test func stepWithoutQuestionsUnderStap() {
        expectUnderline(
            header + "«stap» \"Welkom\" (5 min)\n    zeg: Maak viertallen.\neinde\nstap \"S\"\n    vraag wat: Wat?\neinde\n",
            code: .stepWithoutQuestions)
    }

    @Test func unclosedBlockUnderItsKeyword() {
        expectUnderline(header + "«step» \"S\"\n    vraag wat: Wat?\n", code: .unclosedBlock)
        expectUnderline(header + "stap \"S\"\n    «for each» role\n        vraag wat: Wat?\neinde\n", code: .unclosedBlock)
    }

    @Test func unknownJobUnderThatJob() {
        expectUnderline(
            "titel: T\ntaken: notulist, «tijdbewaarder»\nstap \"S\"\n    vraag wat: Wat?\neinde\n", code: .badMetadataValue)
    }

    @Test func listTooLargeUnderItsMax() {
        expectUnderline(header + "stap \"S\"\n    vraag z (lijst, «max 51»): Zorgen?\neinde\n", code: .listTooLarge)
    }

    /// What a terminal of `width` columns shows of a diagnostic under `word` of `line`: the
    /// echoed line and the caret line, and where the caret is in it.
    private func narrow(_ line: String, _ word: String, width: Int) throws -> (shown: String, carets: String, at: Int) {
        let column = try #require(line.range(of: word)).lowerBound.utf16Offset(in: line) + 1
        let d = Diagnostic(
            .listTooLarge, at: SourceRange(file: "a.casus", line: 5, column: column, length: word.count),
            LocalizedText(nl: "te veel", en: "too many"))
        var style = DiagnosticStyle.plain
        style.width = width
        let rendered = DiagnosticRenderer(language: .en, style: style) { _, _ in line }.render(d).split(separator: "\n")
        let carets = String(rendered[2])
        return (String(rendered[1]), carets, try #require(carets.firstIndex(of: "^")).utf16Offset(in: carets))
    }

    @Test func aNarrowTerminalCutsTheLineSoTheCaretStaysUnderTheWord() throws {
        let line = "    vraag zorgen (lijst, min 2, max 60): Welke zorgen hebben jullie als groep samen?"
        let (shown, carets, at) = try narrow(line, "max 60", width: 50)
        #expect(shown.count <= 50 && carets.count <= 50, "\(shown)\n\(carets)")
        #expect(shown.hasSuffix("…"))
        #expect(shown.dropFirst(at).hasPrefix("max 60"), "\(shown)\n\(carets)")
        #expect(carets.hasSuffix("^~~~~~"))
    }

    @Test func aWordFarRightIsShownWithWhatComesBeforeIt() throws {
        let line = "    als aantal spelers > 4 en niet ernstig en groepsdruk en niet hulp en wie = \"De pestr\""
        let (shown, carets, at) = try narrow(line, "\"De pestr\"", width: 50)
        #expect(shown.count <= 50 && carets.count <= 50, "\(shown)\n\(carets)")
        #expect(shown.contains("| …"))
        #expect(shown.dropFirst(at).hasPrefix("\"De pestr\""), "\(shown)\n\(carets)")
        // A wide terminal shows the line whole.
        let (whole, _, wholeAt) = try narrow(line, "\"De pestr\"", width: 200)
        #expect(whole.hasSuffix(line) && whole.dropFirst(wholeAt).hasPrefix("\"De pestr\""))
    }
}
