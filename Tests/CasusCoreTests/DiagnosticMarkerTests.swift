import Foundation
import Testing
import CasusCore

/// The marker that shows, inside a test's source, where a diagnostic must start.
private let marker = "1️⃣"

/// The source without the marker, and the marker's line and column (1-based; columns in
/// Unicode scalars, as diagnostics count them).
private func strip(_ sourceWithMarker: String) -> (source: String, line: Int, column: Int)? {
    guard let range = sourceWithMarker.range(of: marker) else { return nil }
    let before = sourceWithMarker[..<range.lowerBound]
    var line = 1
    var column = 1
    for scalar in before.unicodeScalars {
        if scalar == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }
    return (sourceWithMarker.replacingCharacters(in: range, with: ""), line, column)
}

private func describe(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { "\($0.range.start.line):\($0.range.start.column) \($0.severity) \($0.code) \($0.message.en)" }
        .joined(separator: "\n")
}

/// Loads the scenario (with `1️⃣` removed) and asserts that a diagnostic `code` starts exactly at
/// the marker, with `message` and `fixIt` (English) when given. Extra files are visible to
/// `invoegen`; the main file is `main.casus`.
@discardableResult
func assertDiagnostic(
    _ sourceWithMarker: String, code: String, message: String? = nil, fixIt: String? = nil,
    language: Language = .en, otherFiles: [String: String] = [:], markerFile: String = "main.casus",
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> [Diagnostic] {
    var files = otherFiles
    var markerSource = sourceWithMarker
    if markerFile != "main.casus" {
        markerSource = files[markerFile] ?? ""
        files["main.casus"] = sourceWithMarker
    }
    guard let (source, line, column) = strip(markerSource) else {
        Issue.record("the test source has no \(marker) marker", sourceLocation: sourceLocation)
        return []
    }
    files[markerFile] = source
    let result = ScenarioLoader.load(path: "main.casus", provider: InMemorySourceProvider(files))
    let all = result.diagnostics
    guard let d = all.first(where: { $0.code.rawValue == code && $0.range.file == markerFile }) else {
        Issue.record("no \(code); got:\n\(describe(all))", sourceLocation: sourceLocation)
        return all
    }
    #expect(
        d.range.start == CasusCore.SourceLocation(line: line, column: column),
        "\(code) at \(d.range.start.line):\(d.range.start.column), marker at \(line):\(column)",
        sourceLocation: sourceLocation)
    if let message {
        #expect(d.message.text(language) == message, sourceLocation: sourceLocation)
    }
    if let fixIt {
        #expect(d.fixIt?.message.text(language) == fixIt, sourceLocation: sourceLocation)
    }
    return all
}

private func errors(_ diagnostics: [Diagnostic]) -> [Diagnostic] { diagnostics.filter { $0.severity == .error } }

@Suite struct DiagnosticMarkerTests {
    // MARK: - The helper itself

    @Test func markerColumnsCountScalars() {
        let stripped = strip("ab\në e\u{301}1️⃣x")
        #expect(stripped?.source == "ab\në e\u{301}x")
        #expect(stripped?.line == 2)
        #expect(stripped?.column == 5)
    }

    // MARK: - Keywords

    @Test func misspeltKeywordInAStep() {
        let all = assertDiagnostic("""
            titel: T
            stap "S"
                1️⃣vrag wat (lang): Wat gebeurde er?
            einde
            """, code: "C003", message: "unknown word `vrag` at the start of the line", fixIt: "did you mean `vraag`?")
        #expect(errors(all).count == 1, "\(describe(all))")
    }

    @Test func misspeltKeywordInDutch() {
        assertDiagnostic("""
            titel: T
            stap "S"
                1️⃣vrag wat (lang): Wat gebeurde er?
            einde
            """, code: "C003", message: "onbekend woord `vrag` aan het begin van de regel",
            fixIt: "bedoelde je `vraag`?", language: .nl)
    }

    @Test func misspeltTopLevelKeywordStillReadsItsBlock() {
        let all = assertDiagnostic("""
            titel: T
            1️⃣sdap "S"
                vraag x: Wat?
            einde
            """, code: "C003", fixIt: "did you mean `stap`?")
        #expect(errors(all).count == 1, "\(describe(all))")
    }

    @Test func proseAtTheTopLevelGetsAProseHint() {
        assertDiagnostic("""
            titel: T
            1️⃣Daarna praat de groep verder over de casus.
            """, code: "C003", fixIt: "is this text? Indent text under `say:`, `case:` or a question")
    }

    @Test func keywordSentenceUnderCaseIsText() {
        let result = ScenarioLoader.load(source: """
            titel: T
            casus:
                Als de jongen besluit te zwijgen, stap dan naar de mentor.
                Einde van het verhaal.
            stap "S"
                vraag x: Wat?
            einde
            """)
        #expect(result.diagnostics.isEmpty, "\(describe(result.diagnostics))")
    }

    // MARK: - Blocks

    @Test func unclosedStepIsBlamedOnItsOpeningLine() {
        assertDiagnostic("""
            titel: T
            1️⃣stap "S"
                vraag x: Wat?
            """, code: "C005", message: "`stap` is never closed with `einde`",
            fixIt: "put `einde` below the last line of this `stap` block")
    }

    @Test func theClosingWordFollowsTheLanguageOfTheOpener() {
        assertDiagnostic("""
            title: T
            1️⃣step "S"
                ask x: What?
            """, code: "C005", message: "`step` is never closed with `end`",
            fixIt: "put `end` below the last line of this `step` block")
    }

    @Test func missingEndOfAnInnerIfIsBlamedOnTheIf() {
        let all = assertDiagnostic("""
            titel: T
            stap "S"
                vraag x (ja/nee): Was er druk?
                1️⃣als x
                    zeg: Vertel.
            einde
            stap "T"
                vraag y: Nog iets?
            einde
            """, code: "C005", message: "`als` is never closed with `einde`")
        #expect(errors(all).count == 1, "\(describe(all))")
        #expect(all.first?.notes.first?.message.en == "the block runs on until line 5")
    }

    @Test func unclosedLoopBeforeTheNextStep() {
        let all = assertDiagnostic("""
            titel: T
            rol a: A
            stap "S"
                1️⃣voor elke rol
                    vraag x: Wat doet {rol}?
            stap "T"
                vraag y: Nog iets?
            einde
            """, code: "C005")
        #expect(errors(all).count == 1, "\(describe(all))")
    }

    @Test func endWithoutABlock() {
        let all = assertDiagnostic("""
            titel: T
            stap "S"
                vraag x: Wat?
            einde
            1️⃣einde
            """, code: "C006", message: "`end` without a block to close")
        #expect(errors(all).count == 1)
    }

    @Test func elseWithoutIf() {
        assertDiagnostic("""
            titel: T
            stap "S"
                vraag x: Wat?
                1️⃣anders
            einde
            """, code: "C015", message: "`else` without an `if` before it")
    }

    // MARK: - Questions

    /// Two words of a loop line in other words: one error, and a fix that changes both.
    @Test func loopInOtherWordsIsOneErrorWithOneFix() {
        let all = assertDiagnostic("""
            titel: T
            rol a: A
            stap "S"
                voor 1️⃣alle rollen
                    vraag x (tekst): {rol}?
                einde
            einde
            """, code: "C018", message: "after `voor`, write `elke`, not `alle`", fixIt: "did you mean `voor elke rol`?")
        #expect(all.filter { $0.severity == .error }.count == 1, "\(all.map(\.code))")
        #expect(all.first?.fixIt?.replacement == "elke rol")
    }

    /// An open quote is only given a fix when a title and a whole time follow it.
    @Test func openQuoteWithoutATitleGetsNoFix() {
        let all = assertDiagnostic("""
            titel: T
            stap 1️⃣"(10 min)
                vraag x (tekst): X?
            einde
            """, code: "C010", message: "quote is never closed")
        #expect(all.first { $0.code == .unclosedQuote }?.fixIt == nil)
    }

    @Test func unknownTypeWithSuggestion() {
        assertDiagnostic("""
            titel: T
            stap "S"
                vraag x (1️⃣schal 1-5): Hoe erg?
            einde
            """, code: "C008", message: "unknown answer type `schal`", fixIt: "did you mean `(schaal 1-5)`?")
    }

    @Test func unknownTypeWithoutSuggestionListsTheTypes() {
        assertDiagnostic("""
            titel: T
            stap "S"
                vraag x (1️⃣olifant): Hoe erg?
            einde
            """, code: "C008", fixIt: "types: text, long, list, yes/no, choice, scale, member, role")
    }

    @Test func modifierThatDoesNotFit() {
        assertDiagnostic("""
            titel: T
            stap "S"
                vraag x (ja/nee, 1️⃣min 2): Druk?
            einde
            """, code: "C019", message: "`min 2` does not fit this answer type")
    }

    @Test func duplicateQuestionId() {
        let all = assertDiagnostic("""
            titel: T
            stap "S"
                vraag wat: Wat?
            einde
            stap "T"
                vraag 1️⃣wat: Nog eens?
            einde
            """, code: "C115", message: "question `wat` already exists")
        let d = all.first { $0.code.rawValue == "C115" }
        #expect(d?.notes.first?.range?.start == CasusCore.SourceLocation(line: 3, column: 11))
    }

    @Test func missingColonAfterAQuestion() {
        assertDiagnostic("""
            titel: T
            stap "S"
                vraag x (tekst) 1️⃣Wat?
            einde
            """, code: "C013")
    }

    // MARK: - Names

    @Test func undefinedNameWithNearestName() {
        assertDiagnostic("""
            titel: T
            stap "S"
                vraag groepsdruk (ja/nee): Was er groepsdruk?
                zeg: Jullie zeiden 1️⃣{groepdruk}.
            einde
            """, code: "C121", message: "`groepdruk` is not defined", fixIt: "did you mean `groepsdruk`?")
    }

    @Test func anUnknownNameIsReportedOnce() {
        let all = assertDiagnostic("""
            titel: T
            stap "S"
                vraag x: Wat?
                zeg: 1️⃣{onbekend} en {onbekend}
                als onbekend
                    zeg: {onbekend}
                einde
            einde
            """, code: "C121")
        #expect(errors(all).count == 1, "\(describe(all))")
    }

    @Test func usedBeforeAskedHasANote() {
        let all = assertDiagnostic("""
            titel: T
            stap "S"
                als 1️⃣druk
                    zeg: Hm.
                einde
                vraag druk (ja/nee): Druk?
            einde
            """, code: "C120", message: "`druk` is used before its question is asked")
        let d = all.first { $0.code.rawValue == "C120" }
        #expect(d?.notes.first?.message.en == "the question is only asked here")
        #expect(d?.notes.first?.range?.start == CasusCore.SourceLocation(line: 6, column: 5))
    }

    @Test func unknownRoleInACondition() {
        assertDiagnostic("""
            titel: T
            rol slachtoffer: het meisje
            rol pester: de pester
            stap "S"
                voor elke rol
                    als rol = 1️⃣slachtofer
                        vraag x: Hoe voelt {rol} zich?
                    einde
                einde
            einde
            """, code: "C121", fixIt: "did you mean `slachtoffer`?")
    }

    @Test func misspeltQuestionGivesOneRootError() {
        let all = assertDiagnostic("""
            titel: T
            stap "S"
                1️⃣vraaag druk (ja/nee): Was er druk?
                als druk
                    zeg: Vertel over {druk}.
                einde
                zeg: Dus: {druk}.
            einde
            """, code: "C003", fixIt: "did you mean `vraag`?")
        #expect(errors(all).count == 1, "\(describe(all))")
    }

    @Test func garbledQuestionLineGivesOneRootError() {
        let all = assertDiagnostic("""
            titel: T
            stap "S"
                vraag druk (1️⃣jaa/nee): Was er druk?
                als druk
                    zeg: Vertel over {druk}.
                einde
            einde
            """, code: "C008")
        #expect(errors(all).count == 1, "\(describe(all))")
    }

    // MARK: - Types

    @Test func yesNoComparedWithANumber() {
        assertDiagnostic("""
            titel: T
            stap "S"
                vraag druk (ja/nee): Druk?
                als 1️⃣druk = 3
                    zeg: Hm.
                einde
            einde
            """, code: "C140", message: "cannot compare a yes/no answer with a number")
    }

    @Test func scaleUsedAsACondition() {
        assertDiagnostic("""
            titel: T
            stap "S"
                vraag ernst (schaal 1-5): Hoe erg?
                als 1️⃣ernst
                    zeg: Hm.
                einde
            einde
            """, code: "C140", message: "`ernst` is a number, not a yes/no answer; a condition must be true or false")
    }

    @Test func choiceComparedWithANonOption() {
        assertDiagnostic("""
            titel: T
            stap "S"
                vraag onderwerp (keuze): Welk onderwerp?
                    - Pesters signaleren
                    - Slachtoffers signaleren
                als onderwerp = 1️⃣"Pester signaleren"
                    zeg: Hm.
                einde
            einde
            """, code: "C141", message: "\"Pester signaleren\" is not an option of `onderwerp`",
            fixIt: "did you mean `\"Pesters signaleren\"`?")
    }

    @Test func effectOutsideLoops() {
        assertDiagnostic("""
            titel: T
            rol a: A
            stap "S"
                oplossingen: Welke?
                voor elke rol
                    1️⃣effect: Wat doet het met {rol}?
                einde
            einde
            """, code: "C130", message: "`effect` belongs inside both `for each solution` and `for each role`")
    }

    // MARK: - Includes

    @Test func includeCycle() {
        assertDiagnostic("""
            titel: T
            invoegen "a.casus"
            stap "S"
                vraag x: Wat?
            einde
            """, code: "C103", otherFiles: ["a.casus": "invoegen 1️⃣\"main.casus\"\n"], markerFile: "a.casus")
    }

    @Test func includeOutsideTheRoot() {
        assertDiagnostic("""
            titel: T
            invoegen 1️⃣"../geheim.casus"
            stap "S"
                vraag x: Wat?
            einde
            """, code: "C102", message: "`../geheim.casus` lies outside the scenario's folder",
            otherFiles: ["../geheim.casus": "rol a: A\n"])
    }

    @Test func includesTooDeep() {
        var files: [String: String] = [:]
        for n in 1...9 { files["d\(n).casus"] = "invoegen \"d\(n + 1).casus\"\n" }
        files["d8.casus"] = "invoegen 1️⃣\"d9.casus\"\n"
        files["d9.casus"] = "rol a: A\n"
        assertDiagnostic("""
            titel: T
            invoegen "d1.casus"
            stap "S"
                vraag x: Wat?
            einde
            """, code: "C104", message: "includes nest more than 8 levels deep", otherFiles: files, markerFile: "d8.casus")
    }

    @Test func eightLevelsOfIncludesAreAllowed() {
        var files: [String: String] = ["main.casus": "titel: T\ninvoegen \"d1.casus\"\nstap \"S\"\n    vraag x (rol): Wie?\neinde\n"]
        for n in 1...7 { files["d\(n).casus"] = "invoegen \"d\(n + 1).casus\"\n" }
        files["d8.casus"] = "rol a: A\n"
        let result = ScenarioLoader.load(path: "main.casus", provider: InMemorySourceProvider(files))
        #expect(result.diagnostics.isEmpty, "\(describe(result.diagnostics))")
    }

    @Test func metadataInAnIncludedFile() {
        assertDiagnostic("""
            titel: T
            invoegen "deel.casus"
            stap "S"
                vraag x: Wat?
            einde
            """, code: "C101", otherFiles: ["deel.casus": "rol a: A\n1️⃣titel: Nog een\n"], markerFile: "deel.casus")
    }

    @Test func includedStepsAndRolesAreUsable() {
        let result = ScenarioLoader.load(path: "main.casus", provider: InMemorySourceProvider([
            "main.casus": "titel: T\ninvoegen \"gedeeld/rollen.casus\"\nstap \"S\"\n    vraag x (rol): Wie?\n    als x = slachtoffer\n        zeg: Ja.\n    einde\neinde\n",
            "gedeeld/rollen.casus": "rol slachtoffer: het meisje\n",
        ]))
        #expect(result.diagnostics.isEmpty, "\(describe(result.diagnostics))")
        #expect(result.scenario?.roles.map(\.id.name) == ["slachtoffer"])
    }

    // MARK: - Warnings

    @Test func stepWithoutQuestions() {
        let all = assertDiagnostic("""
            titel: T
            1️⃣stap "Lezen"
                zeg: Lees de casus.
            einde
            stap "S"
                vraag x: Wat?
            einde
            """, code: "C150", message: "this step asks no questions")
        #expect(all.allSatisfy { $0.severity == .warning })
    }

    @Test func budgetsOverDuration() {
        assertDiagnostic("""
            titel: T
            duur: 1️⃣15 min
            stap "S" (10 min)
                vraag x: Wat?
            einde
            stap "T" (10 min)
                vraag y: Wat?
            einde
            """, code: "C151", message: "the steps take 20 min together, more than `duration` (15 min)")
    }

    @Test func answerNeverShownWithASheet() {
        let all = assertDiagnostic("""
            titel: T
            stap "S"
                vraag x: Wat?
                vraag 1️⃣y: Nog?
            einde
            blad
                toon x
            einde
            """, code: "C152")
        #expect(all.map(\.code.rawValue) == ["C152"])
        #expect(all.first?.severity == .warning)
    }
}
