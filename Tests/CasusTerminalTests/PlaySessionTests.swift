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

    /// Before the step's list: the first step answered.
    static let toSolutions = setup + ["Er werd gepest.", "ja", "4", "slachtoffer"]

    @Test func stopInsideAListSavesWhatWasTypedThenStops() throws {
        let (ending, _, recorder, session) = try play(Self.toSolutions + ["Praten", "Straffen", ":stop", "Negeren", ""])
        #expect(ending == .stopped)
        #expect(session.state.value(AnswerKey("oplossingen")) == .list(["Praten", "Straffen"]))
        #expect(recorder.events.compactMap(\.answerKey).last == AnswerKey("oplossingen"))
    }

    @Test func aCommandInsideAListShowsAndTheListGoesOn() throws {
        let (ending, text, _, session) = try play(Self.toSolutions + ["Praten", ":casus", ":hulpje", "Straffen", ""])
        #expect(ending == .inputEnded)
        #expect(session.state.value(AnswerKey("oplossingen")) == .list(["Praten", "Straffen"]))
        let kept = try #require(text.range(of: "Jullie antwoord tot nu toe blijft staan"))
        #expect(text[..<kept.lowerBound].contains("Een korte casus."))
        #expect(text.contains("Onbekend commando :hulpje."))
    }

    @Test func stopInsideATooShortListDoesNotStop() throws {
        let (ending, text, _, session) = try play(Self.toSolutions + ["Praten", ":stop", "Straffen", ""])
        #expect(ending == .inputEnded)
        #expect(text.contains("Noem er minstens 2."))
        #expect(session.state.value(AnswerKey("oplossingen")) == .list(["Praten", "Straffen"]))
    }

    @Test func skipInsideAListSkipsTheQuestion() throws {
        let (_, _, _, session) = try play(Self.toSolutions + ["Praten", ":overslaan"])
        #expect(session.state.skipped == [AnswerKey("oplossingen")])
        #expect(session.state.value(AnswerKey("oplossingen")) == nil)
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
        let editor = ScriptedEditor(inputs: Self.setup.map { .line($0) } + [.interrupted(hadText: true), .endOfInput, .line("n"), .endOfInput, .line("j")])
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

    func playSetup(_ lines: [String], jobs: String = "notulist") throws -> (String, ScriptedEditor, GroupSetup?) {
        let source = Self.source.replacingOccurrences(of: "taken: notulist", with: "taken: " + jobs)
        let scenario = try #require(ScenarioLoader.load(source: source, path: "test.casus").scenario)
        let editor = ScriptedEditor(lines)
        let output = CapturedOutput()
        let recorder = MemoryRecorder()
        _ = PlaySession(
            scenario: scenario, editor: editor, output: output, clock: { Timestamp(0) }, recorder: recorder,
            options: PlayOptions(language: .nl)
        ).run()
        guard case .setup(let setup, _)? = recorder.events.first else { return (output.text, editor, nil) }
        return (output.text, editor, setup)
    }

    @Test func backWorksThroughSetupWithProperPrompts() throws {
        let (text, editor, setup) = try playSetup([
            ":terug",  // nothing to undo yet: the question comes again
            "Groep Rood", ":terug",  // back from the members to the group name
            "Groep Blauw", "Anna", "Bram", ":terug",  // Bram is taken away
            "Chris", "", ":terug",  // back from the job to the members, who are kept
            "", "Chris",
        ])
        let got = try #require(setup)
        #expect(got.group == "Groep Blauw")
        #expect(got.members == ["Anna", "Chris"])
        #expect(got.jobs[.scribe] == "Chris")
        #expect(text.contains("Er is nog niets om terug te draaien."))
        #expect(text.components(separatedBy: "Hoe heet jullie groep?").count == 4)
        #expect(text.contains("Tot nu toe: Anna en Chris."))
        #expect(text.components(separatedBy: "Wie is de notulist").count == 3)
        #expect(editor.prompts.starts(with: ["groep> ", "groep> ", "lid 1> ", "groep> ", "lid 1> ", "lid 2> ", "lid 3> "]))
        #expect(editor.prompts.contains("notulist> "))
        #expect(editor.prompts.filter { $0 == "> " } == ["> "])  // only the first question after setup
    }

    @Test func severalMembersOnOneLineAreSeveralMembers() throws {
        let (text, editor, setup) = try playSetup(["Groep Rood", "Anna, Bram en  Chris", "", "3"])
        #expect(setup?.members == ["Anna", "Bram", "Chris"])
        #expect(setup?.jobs[.scribe] == "Chris")
        #expect(text.contains("Genoteerd: Anna, Bram en Chris."))
        #expect(editor.prompts.starts(with: ["groep> ", "lid 1> ", "lid 4> "]))
        // One name per line, as asked, is said back as before: not at all.
        let (single, _, one) = try playSetup(["Groep Rood", "Anna de Vries", "Bram", "", "1"])
        #expect(one?.members == ["Anna de Vries", "Bram"])
        #expect(!single.contains("Genoteerd"))
        // A name typed twice and names past the maximum (4 here) are not taken.
        let (limited, _, four) = try playSetup(["Groep Rood", "Anna; anna, Bram", "Chris and Dirk, Eva", "1"])
        #expect(four?.members == ["Anna", "Bram", "Chris", "Dirk"])
        #expect(limited.contains("anna staat er twee keer in"))
        #expect(limited.contains("Dat zijn er 4: het maximum voor deze casus."))
    }

    @Test func aSecondJobIsRefusedWhenThereAreMembersEnough() throws {
        let jobs = "notulist, presentator, tijdbewaker"
        let (refused, _, enough) = try playSetup(["Groep Rood", "Anna", "Bram", "Chantal", "", "3", "Chantal", "1", "2"], jobs: jobs)
        #expect(refused.contains("Chantal is al notulist. Kies voor presentator iemand anders"))
        #expect(enough?.jobs == [.scribe: "Chantal", .presenter: "Anna", .timekeeper: "Bram"])
        // Two members for three jobs: allowed, and said.
        let (allowed, _, few) = try playSetup(["Groep Rood", "Anna", "Bram", "", "1", "1", "2"], jobs: jobs)
        #expect(allowed.contains("Anna is ook notulist"))
        #expect(few?.jobs == [.scribe: "Anna", .presenter: "Anna", .timekeeper: "Bram"])
    }

    @Test func theSetupQuestionComesBackAfterACommand() throws {
        let (text, _, _) = try playSetup([":hulp", "Groep Rood", "Anna", ":casus", "Bram", "", ":rollen", "1"])
        let help = try #require(text.range(of: "Commando's (overal te typen):"))
        #expect(text[help.upperBound...].contains("Hoe heet jullie groep?"))
        let caseShown = try #require(text.range(of: "Een korte casus.", options: .backwards))
        #expect(text[caseShown.upperBound...].contains("Wie doen er mee?"))
        let roles = try #require(text.range(of: "slachtoffer — het meisje", options: .backwards))
        #expect(text[roles.upperBound...].contains("Wie is de notulist"))
    }

    @Test func theQuestionComesBackAfterNothingToUndoAndAfterGoingOn() throws {
        let output = CapturedOutput()
        let editor = ScriptedEditor(inputs: Self.setup.map { .line($0) } + [.line(":terug"), .endOfInput, .line("n")])
        _ = PlaySession(
            scenario: try Self.scenario(), editor: editor, output: output, clock: { Timestamp(0) },
            recorder: MemoryRecorder(), options: PlayOptions(language: .nl, interactive: true)
        ).run()
        let text = output.text
        let undo = try #require(text.range(of: "Er is nog niets om terug te draaien."))
        #expect(text[undo.upperBound...].contains("Wat gebeurde er?"))
        let goOn = try #require(text.range(of: "We gaan verder."))
        #expect(text[goOn.upperBound...].contains("Wat gebeurde er?"))
    }

    @Test func instructionsTheScenarioGivesAreNotRepeated() throws {
        let source = Self.source
            .replacingOccurrences(of: "Welke oplossingen?", with: "Welke oplossingen? Eén oplossing per regel.")
            .replacingOccurrences(
                of: "    oplossingen (min 2)",
                with: "    zeg: Geef elk effect: ++ (heel positief), +, 0, - of -- (heel negatief).\n    oplossingen (min 2)")
        let scenario = try #require(ScenarioLoader.load(source: source, path: "test.casus").scenario)
        let output = CapturedOutput()
        _ = PlaySession(
            scenario: scenario, editor: ScriptedEditor(Self.setup + Array(Self.answers.prefix(8))), output: output,
            clock: { Timestamp(0) }, recorder: MemoryRecorder(), options: PlayOptions(language: .nl)
        ).run()
        let text = output.text.replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("Eén oplossing per regel. (een lege regel sluit af; minstens 2)"))
        #expect(!text.contains("één per regel"))
        #expect(text.contains("Geef elk effect: ++ (heel positief)"))
        #expect(!text.contains("Effect: ++ heel positief"))
        // Without the scenario's own explanation the legend is still shown once.
        let (_, plain, _, _) = try play(Self.setup + Array(Self.answers.prefix(8)))
        #expect(plain.components(separatedBy: "Effect: ++ heel positief").count == 2)
    }

    @Test func anUnknownInfoNameListsTheNamesThatExist() throws {
        let source = Self.source + "\n\ninfo groepsdynamiek: Groepen\n    Forming.\n\ninfo cyberpesten: Online\n    Tekst.\n"
        let scenario = try #require(ScenarioLoader.load(source: source, path: "test.casus").scenario)
        let output = CapturedOutput()
        _ = PlaySession(
            scenario: scenario, editor: ScriptedEditor(Self.setup + [":info iets"]), output: output,
            clock: { Timestamp(0) }, recorder: MemoryRecorder(), options: PlayOptions(language: .nl)
        ).run()
        #expect(output.text.contains("Geen informatie met de naam iets."))
        #expect(output.text.replacingOccurrences(of: "\n", with: " ").contains("Wel: groepsdynamiek, cyberpesten (typ :info en de naam)."))
    }

    @Test func aTieShowsTheTallyFirstAndKeepsTheNumbers() throws {
        let lines = Self.setup + [
            "Er werd gepest.", "ja", "4", "slachtoffer",
            "Praten", "Straffen", "Negeren", "",
            "+", "+", "+", "+", "+", "+",
            "1", "3",  // a tie between option 1 and option 3
            "2",  // not one of the tied: asked again
            "3",
        ]
        let (ending, text, _, session) = try play(lines)
        #expect(ending == .finished)
        let tally = try #require(text.range(of: "Stemmen:"))
        let tie = try #require(text.range(of: "Het staat gelijk tussen Praten en Negeren."))
        #expect(tally.upperBound <= tie.lowerBound)
        #expect(text.components(separatedBy: "Stemmen:").count == 2)
        let afterTie = text[tie.upperBound...]
        #expect(afterTie.contains("  1. Praten\n  3. Negeren\n"))
        #expect(afterTie.contains("Kies een van de opties die gelijk staan: 1 of 3"))
        #expect(text.contains("Gekozen door de groep na gelijke stand: Negeren"))
        #expect(session.state.votes.first?.winner == "Negeren")
    }

    @Test func ctrlCOnAnEmptyLineSaysHowToStop() throws {
        let output = CapturedOutput()
        let inputs: [LineInput] = [.interrupted(hadText: false)] + Self.setup.map { .line($0) } + [
            .interrupted(hadText: true), .interrupted(hadText: false),
        ]
        _ = PlaySession(
            scenario: try Self.scenario(), editor: ScriptedEditor(inputs: inputs), output: output,
            clock: { Timestamp(0) }, recorder: MemoryRecorder(), options: PlayOptions(language: .nl)
        ).run()
        // Once in setup (nothing saved yet), once at a question; not after a line with text.
        let text = output.text.replacingOccurrences(of: "\n", with: " ")
        #expect(text.components(separatedBy: "Ctrl-C wist alleen de regel. Stoppen kan met :stop of Ctrl-D. ").count == 2)
        #expect(text.components(separatedBy: "Ctrl-C wist alleen de regel.").count == 3)
        #expect(text.contains("Stoppen kan met :stop of Ctrl-D; alles is al bewaard."))
    }
}
