import CasusCore
import CasusTerminal
import Testing

/// A line editor that replays typed lines; runs out with `.endOfInput`.
final class ScriptedEditor: LineEditor {
    var inputs: [LineInput]
    var prompts: [String] = []
    var history: [String] = []
    var completions: CompletionProvider = { _, _ in [] }

    init(_ lines: [String]) { inputs = lines.map { .line($0) } }
    init(inputs: [LineInput]) { self.inputs = inputs }

    func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        return inputs.isEmpty ? .endOfInput : inputs.removeFirst()
    }

    func addHistory(_ line: String) { history.append(line) }
}

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    var now = Timestamp(1_700_000_000)
    func advance(_ seconds: Double) { now = now + seconds }
}

@Suite struct PlaySessionTests {
    static let source = """
        titel: Testcasus
        doelgroep: vo, havo 4
        leden: 2-4
        taken: notulist

        casus:
            Een korte casus.

        rol slachtoffer: het meisje
        rol pesters: de pesters

        stap "Verkennen" (5 min)
            zeg: Lees de casus.
            vraag wat (tekst): Wat gebeurde er?
            vraag erg (ja/nee): Is het ernstig?
            vraag hoe (schaal 1-5): Hoe ernstig?
            vraag sleutel (rol): Wie is de sleutelfiguur?
        einde

        stap "Oplossingen" (10 min)
            oplossingen (min 2): Welke oplossingen?
            voor elke oplossing
                voor elke rol
                    effect: Wat doet "{oplossing}" met {rol}?
                einde
            einde
            stem gekozen: Welke kiezen jullie?
        einde
        """

    static func scenario() throws -> Scenario {
        let result = ScenarioLoader.load(source: source, path: "test.casus")
        return try #require(result.scenario, "\(result.diagnostics)")
    }

    static let setup = ["Groep Rood", "Anna", "Bram", "", "1"]
    static let answers = [
        "Er werd gepest.", "ja", "4", "slachtoffer",
        "Praten", "Straffen", "",
        "++ fijn", "-", "+", "--",
        "1", "2",
        // tie between 1 and 2: the group picks
        "Praten",
    ]

    func play(_ lines: [String], clock: TestClock = TestClock(), interactive: Bool = false, recorder: MemoryRecorder = MemoryRecorder())
        throws -> (PlayEnding, String, MemoryRecorder, PlaySession)
    {
        let output = CapturedOutput()
        let session = PlaySession(
            scenario: try Self.scenario(), editor: ScriptedEditor(lines), output: output, clock: { clock.now },
            recorder: recorder, options: PlayOptions(language: .nl, interactive: interactive, showsClock: true))
        let ending = session.run()
        return (ending, output.text, recorder, session)
    }

    @Test func playsAShortScenarioThrough() throws {
        let (ending, text, recorder, session) = try play(Self.setup + Self.answers)
        #expect(ending == .finished)
        #expect(recorder.closed && recorder.closedFinished)
        #expect(text.contains("Stap 1/2 — Verkennen (5 min)"))
        #expect(text.contains("Groep Rood: Anna en Bram."))
        #expect(text.contains("Het staat gelijk tussen"))
        #expect(text.contains("Gekozen door de groep na gelijke stand: Praten"))
        #expect(text.contains("slachtoffer  pesters  som"))
        #expect(session.state.value(AnswerKey("sleutel")) == .role("slachtoffer"))
        #expect(session.state.value(AnswerKey("effect", ["1", "slachtoffer"])) == .effect(.veryPositive, note: "fijn"))
        if case .setup(let setup, _) = recorder.events.first {
            #expect(setup.jobs[.scribe] == "Anna")
        } else {
            Issue.record("first event is not the setup")
        }
        if case .finished = recorder.events.last {} else { Issue.record("no finished event") }
    }

    @Test func invalidInputExplainsAndAsksAgain() throws {
        let (_, text, _, session) = try play(Self.setup + ["Er werd gepest.", "misschien", "ja", "9"])
        #expect(text.contains("Antwoord met ja of nee."))
        #expect(session.state.value(AnswerKey("erg")) == .yesNo(true))
        #expect(text.contains("1 en 5") || text.contains("1 tot 5") || text.contains("1-5"))
        #expect(session.state.value(AnswerKey("hoe")) == nil)
    }

    @Test func backUndoesTheLastAnswer() throws {
        let (_, text, recorder, session) = try play(Self.setup + ["Eerst", ":terug", "Opnieuw", "nee"])
        #expect(text.contains("Het laatste antwoord is teruggedraaid."))
        #expect(session.state.value(AnswerKey("wat")) == .text("Opnieuw"))
        #expect(session.state.value(AnswerKey("erg")) == .yesNo(false))
        let answered = recorder.events.compactMap(\.answerKey)
        #expect(answered == [AnswerKey("wat"), AnswerKey("erg")])
    }

    @Test func aTooShortListKeepsWhatWasTyped() throws {
        // One solution and an empty line: too few, but "Praten" must not have to be retyped.
        let lines = Self.setup + ["Er werd gepest.", "ja", "4", "slachtoffer", "Praten", "", "Straffen", ""]
        let (_, text, _, session) = try play(lines)
        #expect(text.contains("Noem er minstens 2."))
        #expect(text.contains("Bewaard (1)"))
        #expect(session.state.value(AnswerKey("oplossingen")) == .list(["Praten", "Straffen"]))
    }

    @Test func skipMovesOn() throws {
        let (_, text, recorder, session) = try play(Self.setup + [":overslaan", ":skip"])
        #expect(text.contains("Overgeslagen."))
        #expect(session.state.skipped == [AnswerKey("wat"), AnswerKey("erg")])
        #expect(recorder.events.filter { if case .skip = $0 { true } else { false } }.count == 2)
    }

    @Test func aTiedVoteGoesBackToTheGroup() throws {
        let (_, text, _, session) = try play(Self.setup + Self.answers.dropLast())
        #expect(text.contains("Het staat gelijk tussen Praten en Straffen"))
        guard case .tieBreak = session.state.prompt?.kind else {
            Issue.record("expected the tie-break prompt, got \(String(describing: session.state.prompt))")
            return
        }
    }

    @Test func unknownCommandGetsASuggestion() throws {
        let (_, text, _, _) = try play(Self.setup + [":hlup", ":rollen", ":casus"])
        #expect(text.contains("Onbekend commando :hlup. Bedoel je :hulp?"))
        #expect(text.contains("slachtoffer — het meisje"))
        #expect(text.contains("Een korte casus."))
    }

    @Test func pipedEndOfInputSavesAndSaysSo() throws {
        let (ending, text, recorder, _) = try play(Self.setup + ["Er werd gepest."])
        #expect(ending == .inputEnded)
        #expect(recorder.closed && !recorder.closedFinished)
        #expect(text.contains("de sessie is bewaard, ga verder met --resume"))
    }

    @Test func ctrlDAtATerminalAsksBeforeLeaving() throws {
        let output = CapturedOutput()
        let recorder = MemoryRecorder()
        let editor = ScriptedEditor(inputs: Self.setup.map { .line($0) } + [.interrupted, .endOfInput, .line("n"), .endOfInput, .line("j")])
        let session = PlaySession(
            scenario: try Self.scenario(), editor: editor, output: output, clock: { Timestamp(0) },
            recorder: recorder, options: PlayOptions(language: .nl, interactive: true))
        #expect(session.run() == .stopped)
        #expect(output.text.contains("We gaan verder."))
        #expect(editor.prompts.filter { $0 == "Opslaan en stoppen? (j/n) " }.count == 2)
        #expect(recorder.closed)
    }

    @Test func timeRunsOutWithOneNoticeAndShowsOver() throws {
        let clock = TestClock()
        let output = CapturedOutput()
        let editor = ScriptedEditor(Self.setup + ["Er werd gepest."])
        let session = PlaySession(
            scenario: try Self.scenario(), editor: editor, output: output,
            clock: { clock.advance(100); return clock.now },
            recorder: MemoryRecorder(), options: PlayOptions(language: .nl, showsClock: true))
        _ = session.run()
        #expect(output.text.components(separatedBy: "De tijd voor stap 1 (5 min) is om").count == 2)
        #expect(editor.prompts.contains { $0.hasPrefix("[+") })
        #expect(editor.prompts.contains { $0.hasPrefix("[0") && $0.hasSuffix("] > ") })
    }

    @Test func effectMatrixIsColouredOnlyWithStyle() throws {
        let (_, _, _, session) = try play(Self.setup + Self.answers)
        let matrix = try #require(session.state.effectMatrices.first)
        let plain = EffectMatrixTable.render(matrix, style: .plain, language: .nl, width: 80)
        #expect(!plain.joined().contains("\u{1B}"))
        #expect(plain[1].hasPrefix("1.  ++"))
        let coloured = EffectMatrixTable.render(matrix, style: Style(enabled: true), language: .en, width: 80)
        #expect(coloured.joined().contains(ANSI.green))
        #expect(coloured.joined().contains(ANSI.red))
    }

    @Test func commandsParseInBothLanguages() {
        #expect(PlayCommandWord.parse(":terug") == .command(.back))
        #expect(PlayCommandWord.parse(":back") == .command(.back))
        #expect(PlayCommandWord.parse(" :info groepsdynamiek ") == .command(.info("groepsdynamiek")))
        #expect(PlayCommandWord.parse("gewoon antwoord") == .notACommand)
        #expect(PlayCommandWord.parse(":stpo") == .unknown("stpo", suggestion: "stop"))
    }

    @Test func controlCharactersInAnswersAreNeverEchoedRaw() throws {
        let (_, text, _, _) = try play(["Groep \u{1B}[31mRood", "Anna", "Bram", "", "1", ":blad"])
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("␛[31mRood"))
    }

    @Test func aResumedSessionShowsItsStepAndRecallsItsOwnAnswers() throws {
        // First part: the group answers two questions and the input ends.
        let (_, _, first, _) = try play(Self.setup + ["Er werd gepest.", "ja"])
        let editor = ScriptedEditor([])
        let output = CapturedOutput()
        let session = PlaySession(
            scenario: try Self.scenario(), events: first.events, editor: editor, output: output,
            clock: { Timestamp(1_700_000_100) }, recorder: MemoryRecorder(events: first.events),
            options: PlayOptions(language: .nl))
        _ = session.run()
        let afterIntro = try #require(output.text.range(of: "Typ :hulp voor de commando's."))
        let rest = output.text[afterIntro.upperBound...]
        let header = try #require(rest.range(of: "Stap 1/2 — Verkennen (5 min)"))
        let question = try #require(rest.range(of: "Hoe ernstig?"))
        #expect(header.upperBound <= question.lowerBound)
        // ↑ has the answers of this session, in the order they were given, and nothing else.
        #expect(editor.history == ["Er werd gepest.", "ja"])
    }
}
