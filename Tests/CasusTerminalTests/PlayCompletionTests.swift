import CasusCore
import CasusTerminal
import Testing

/// Tab at each kind of question offers that question's candidates only (issue 13, item 5).
@Suite struct PlayCompletionTests {
    static let source = """
        titel: Aanvullen
        taken: notulist

        rol slachtoffer: het meisje uit havo 4
        rol pesters: de meiden uit de andere klas

        info groepsdynamiek: Groepsdynamiek
            Over groepen.

        stap "Alles" (10 min)
            vraag onderwerp (keuze): Welk onderwerp heeft jullie groep?
                - Hoe signaleren we pester(s) bij ons op school?
                - Hoe signaleren we slachtoffer(s) bij ons op school?
            vraag wat (tekst): Wat gebeurde er?
            vraag wie (lid): Wie vertelt het?
            vraag ernst (schaal 1-5): Hoe ernstig?
            oplossingen (min 1): Welke oplossingen?
            voor elke oplossing
                voor elke rol
                    effect: Wat doet "{oplossing}" met {rol}?
                einde
            einde
        einde
        """

    /// Plays the setup and the first answers; returns the editor with every read recorded.
    func play(_ answers: [String]) throws -> RecordingEditor {
        let loaded = ScenarioLoader.load(source: Self.source, path: "aanvullen.casus")
        let scenario = try #require(loaded.scenario, "\(loaded.diagnostics)")
        let output = CapturedOutput()
        let editor = RecordingEditor(["Groep Rood", "Anna", "Bram de Vries", "", "1"] + answers, output: output)
        let session = PlaySession(
            scenario: scenario, editor: editor, output: output, clock: { Timestamp(0) },
            recorder: MemoryRecorder(), options: PlayOptions(language: .nl, interactive: false))
        _ = session.run()
        return editor
    }

    /// What Tab would offer for the line `typed`, as readline asks: first for the whole line,
    /// then, when that gives nothing, for the word under the cursor.
    func complete(_ read: RecordingEditor.Read?, _ typed: String) throws -> [String] {
        let provider = try #require(read).completions
        let whole = provider("", typed)
        if !whole.isEmpty { return whole }
        let start = typed.lastIndex(of: " ").map { typed.index(after: $0) } ?? typed.startIndex
        return provider(String(typed[..<start]), String(typed[start...]))
    }

    @Test func aChoiceCompletesItsWholeOptionsOnly() throws {
        let editor = try play(["2", "Er werd gepest.", "Anna"])
        let read = editor.firstRead(after: "Welk onderwerp")
        #expect(try complete(read, "Hoe signaleren we s") == ["Hoe signaleren we slachtoffer(s) bij ons op school?"])
        #expect(try complete(read, "hoe sig").count == 2)
        // Members are no answer to a choice.
        #expect(try complete(read, "An") == [])
        #expect(try complete(read, "").count == 2)
    }

    @Test func anEffectCompletesTheScaleOnly() throws {
        let editor = try play(["1", "Er werd gepest.", "Anna", "3", "Praten", ""])
        let read = editor.firstRead(after: "Wat doet \"Praten\" met")
        #expect(try complete(read, "") == ["++", "+", "0", "-", "--"])
        #expect(try complete(read, "-") == ["-", "--"])
        #expect(try complete(read, "An") == [])
        // Nothing inside the note.
        #expect(try complete(read, "++ An") == [])
    }

    @Test func freeTextCompletesMembersAndRolesInAnyWord() throws {
        let editor = try play(["1"])
        let read = editor.firstRead(after: "Wat gebeurde er?")
        #expect(try complete(read, "Volgens An") == ["Anna"])
        #expect(try complete(read, "het slach") == ["slachtoffer"])
    }

    @Test func aScaleCompletesNothingButCommands() throws {
        let editor = try play(["1", "Er werd gepest.", "Anna"])
        let read = editor.firstRead(after: "Hoe ernstig?")
        #expect(try complete(read, "") == [])
        #expect(try complete(read, "An") == [])
        #expect(try complete(read, ":ro") == [":rollen", ":roles"])
    }

    @Test func commandsCompleteOnlyAtTheStartAndInfoNamesAfterInfo() throws {
        let editor = try play([])
        let read = editor.firstRead(after: "Welk onderwerp")
        #expect(try complete(read, ":hu") == [":hulp"])
        #expect(try complete(read, ":info groeps") == ["groepsdynamiek"])
        #expect(try complete(read, "Hoe :hu") == [])
    }
}
