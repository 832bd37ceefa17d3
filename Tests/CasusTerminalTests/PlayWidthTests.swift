import CasusCore
import CasusTerminal
import Testing

/// What is shown after the window changes is wrapped at the new width (issue 13, item 6).
@Suite struct PlayWidthTests {
    static let source = """
        titel: Breedte
        taken: notulist

        casus:
            Een meisje uit havo 4 vertelt thuis aan haar ouders dat zij en een vriendin via
            sociale media al maanden worden bedreigd door meiden van een andere klas.

        rol slachtoffer: het meisje uit havo 4
            Zij durft niet meer naar school en denkt dat niemand haar gelooft.

        stap "Denken" (5 min)
            vraag wat (tekst): Wat gebeurde er?
        einde
        """

    @Test func eachTextIsWrappedAtTheWidthOfThatMoment() throws {
        let loaded = ScenarioLoader.load(source: Self.source, path: "breedte.casus")
        let scenario = try #require(loaded.scenario, "\(loaded.diagnostics)")
        let output = CapturedOutput()
        final class Window: @unchecked Sendable { var columns = 100 }
        let window = Window()
        var marks: [String.Index] = []
        let editor = RecordingEditor(["Groep Rood", "Anna", "Bram", "", "1", ":casus", ":hulp", ":rollen"], output: output)
        // The window is made narrower while the group is at the first question, then wider again.
        editor.whileWaiting = { index, _ in
            if index == 5 { window.columns = 40 }
            if index == 7 { window.columns = 60 }
            marks.append(output.text.endIndex)
        }
        let session = PlaySession(
            scenario: scenario, editor: editor, output: output, clock: { Timestamp(0) }, recorder: MemoryRecorder(),
            options: PlayOptions(language: .nl, width: 100, liveWidth: { window.columns }))
        _ = session.run()
        func lines(_ from: Int, _ to: Int) -> [Substring] {
            output.text[marks[from]..<(to < marks.count ? marks[to] : output.text.endIndex)].split(separator: "\n")
        }
        let narrowCase = lines(5, 6), narrowHelp = lines(6, 7), wideRoles = lines(7, 8)
        #expect(narrowCase.allSatisfy { $0.count <= 40 } && narrowCase.contains { $0.count > 30 }, "\(narrowCase)")
        #expect(narrowHelp.allSatisfy { $0.count <= 40 }, "\(narrowHelp)")
        #expect(wideRoles.contains { $0.count > 40 } && wideRoles.allSatisfy { $0.count <= 60 }, "\(wideRoles)")
    }

    @Test func theClosingMessageIsWrappedToo() throws {
        let loaded = ScenarioLoader.load(source: Self.source, path: "breedte.casus")
        let scenario = try #require(loaded.scenario, "\(loaded.diagnostics)")
        let output = CapturedOutput()
        let editor = RecordingEditor(["Groep Rood", "Anna", "Bram", "", "1", ":stop"], output: output)
        let session = PlaySession(
            scenario: scenario, editor: editor, output: output, clock: { Timestamp(0) }, recorder: MemoryRecorder(),
            options: PlayOptions(language: .nl, width: 30, liveWidth: { 30 }))
        _ = session.run()
        let tail = output.text.split(separator: "\n").suffix(2)
        #expect(tail.joined(separator: " ").contains("Ga later verder met --resume."), "\(tail)")
        #expect(tail.allSatisfy { $0.count <= 30 }, "\(tail)")
    }
}
