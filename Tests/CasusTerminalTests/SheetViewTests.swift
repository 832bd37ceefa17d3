import CasusCore
import CasusTerminal
import Testing

/// `:blad` is what the presenter presents from; `:blad alles` shows every answer.
@Suite struct SheetViewTests {
    static let source = """
        titel: Testcasus
        leden: 2-4
        taken: notulist, presentator

        casus:
            Een meisje wordt via een groepsapp buitengesloten. Haar vriendin kijkt toe.

        rol slachtoffer: het meisje
        rol pesters: de pesters

        stap "Oplossingen" (10 min)
            vraag wat (tekst): Wat gebeurde er?
            oplossingen (min 2): Welke oplossingen?
            voor elke oplossing
                voor elke rol
                    effect: Wat doet "{oplossing}" met {rol}?
                einde
            einde
            stem gekozen: Welke kiezen jullie?
            vraag plan (lang): Wat doen jullie, wie doet wat en wanneer?
        einde

        stap "Presentatie" (15 min)
            vraag pitch (lang, max 3 min): Schrijf de presentatie uit.
            vraag reacties (lang): Noteer de reacties.
        einde
        """

    static let setup = ["Groep Rood", "Anna", "Bram", "", "1", "2"]
    static let answers = [
        "Buitengesloten in de app.",
        "Praten", "Straffen", "",
        "++ fijn", "-", "+", "--",
        "1", "2", "1",
        "De mentor praat morgen met beiden.", "",
        "Wij kiezen praten: het meisje is veilig.", "",
    ]

    func play(_ lines: [String], width: Int = 80, page: ((String) -> Bool)? = nil) throws -> String {
        let result = ScenarioLoader.load(source: Self.source, path: "test.casus")
        let scenario = try #require(result.scenario, "\(result.diagnostics)")
        let output = CapturedOutput()
        let session = PlaySession(
            scenario: scenario, editor: ScriptedEditor(lines), output: output, clock: { Timestamp(1_700_000_000) },
            recorder: MemoryRecorder(), options: PlayOptions(language: .nl, width: width, page: page))
        _ = session.run()
        return output.text
    }

    /// The part of `text` between `start` and `end` (both included).
    func between(_ text: String, _ start: String, _ end: String) throws -> Substring {
        let from = try #require(text.range(of: start), "no \(start) in \(text)")
        let to = try #require(text.range(of: end, range: from.upperBound..<text.endIndex), "no \(end) in \(text)")
        return text[from.lowerBound..<to.upperBound]
    }

    @Test func presentationViewHoldsWhatThePresenterNeeds() throws {
        let text = try play(Self.setup + Self.answers + [":blad"])
        let view = try between(text, "Presentatieblad: Testcasus", "Alle antwoorden: :blad alles")
        #expect(view.contains("\nCasus: Een meisje wordt via een groepsapp buitengesloten. Haar vriendin kijkt…\n"))
        #expect(view.contains("\nGroep Rood: Anna, Bram\n  notulist Anna · presentator Bram\n"))
        #expect(view.contains("\nGekozen oplossing: Praten\n"))
        #expect(view.contains("\nSpreektijd: ongeveer 3 s (7 woorden), binnen de grens van 3 minuten.\n"), "\(view)")
        #expect(view.contains("slachtoffer  pesters  som"))
        #expect(view.contains("\nOns plan\n  De mentor praat morgen met beiden.\n"))
        #expect(view.contains("\nDe presentatie (Bram presenteert)\n  Wij kiezen praten: het meisje is veilig.\n"))
        // Not the transcript: the other answers stay out of the presenter's view.
        #expect(!view.contains("Buitengesloten in de app.") && !view.contains("Welke kiezen jullie?"))
        #expect(view.split(separator: "\n").count < 24, "one screen: \(view)")
    }

    @Test func everythingShowsAVoteOnceWithItsVoters() throws {
        let text = try play(Self.setup + Self.answers + [":blad alles"])
        let view = try between(text, "Alle antwoorden tot nu toe", "het meisje is veilig.")
        #expect(view.contains("Buitengesloten in de app."))
        #expect(view.components(separatedBy: "Welke kiezen jullie?").count == 2, "\(view)")
        #expect(view.contains("• Welke kiezen jullie?\n    Anna: Praten\n    Bram: Straffen\n"), "\(view)")
    }

    @Test func aLongViewGoesThroughThePager() throws {
        var paged: [String] = []
        let text = try play(Self.setup + Self.answers + [":blad alles"], page: { paged.append($0); return true })
        #expect(paged.count == 1)
        #expect(paged.first?.contains("Anna: Praten") == true)
        #expect(!text.contains("Alle antwoorden tot nu toe"))
        // A pager that declines (the text fits the screen) leaves the writing to the REPL.
        let written = try play(Self.setup + Self.answers + [":blad alles"], page: { _ in false })
        #expect(written.contains("Alle antwoorden tot nu toe"))
    }

    @Test func narrowScreenGetsTheCompactMatrix() throws {
        let text = try play(Self.setup + Self.answers + [":blad"], width: 20)
        let view = try between(text, "Presentatieblad:", "Alle antwoorden:")
        #expect(view.contains("1. ++ -   +1\n"), "\(view)")
        #expect(view.split(separator: "\n").allSatisfy { $0.count <= 20 }, "\(view)")
    }

    @Test func sheetCommandsParse() {
        #expect(PlayCommandWord.parse(":blad") == .command(.sheet(all: false)))
        #expect(PlayCommandWord.parse(":blad alles") == .command(.sheet(all: true)))
        #expect(PlayCommandWord.parse(":sheet ALL") == .command(.sheet(all: true)))
    }
}
