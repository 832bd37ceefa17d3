import CasusCore
import CasusTerminal
import Testing

/// The clock at a terminal runs while the group thinks (issue 13, item 3), in process: the
/// test moves a fake clock inside the editor's read, as the minutes pass at a real prompt,
/// and asks the live prompt what it would show.
@Suite struct PlayTimerTests {
    static let source = """
        titel: Tijd
        taken: notulist, tijdbewaker

        stap "Denken" (5 min)
            vraag wat (tekst): Wat gebeurde er?
            vraag hoe (lang): Hoe ging het verder?
        einde

        stap "Kort" (1 min)
            vraag nog (tekst): Nog iets?
        einde
        """

    final class Clock: @unchecked Sendable { var now = Timestamp(1_700_000_000) }

    func session(_ answers: [String], showsClock: Bool = true, whileWaiting: @escaping (Int, RecordingEditor.Read, Clock) -> Void)
        throws -> (PlaySession, RecordingEditor, CapturedOutput)
    {
        let loaded = ScenarioLoader.load(source: Self.source, path: "tijd.casus")
        let scenario = try #require(loaded.scenario, "\(loaded.diagnostics)")
        let output = CapturedOutput()
        let clock = Clock()
        let editor = RecordingEditor(["Groep Rood", "Anna", "Bram", "", "1", "2"] + answers, output: output)
        editor.whileWaiting = { index, read in whileWaiting(index, read, clock) }
        let session = PlaySession(
            scenario: scenario, editor: editor, output: output, clock: { clock.now },
            recorder: MemoryRecorder(), options: PlayOptions(language: .nl, showsClock: showsClock))
        return (session, editor, output)
    }

    @Test func thePromptCountsDownAndTheNoticesComeWhileTheGroupThinks() throws {
        var updates: [LivePromptUpdate] = []
        let (session, _, output) = try session(["Er werd gepest."]) { _, read, clock in
            guard read.prompt.hasPrefix("[05:00]"), let live = read.live else { return }
            for _ in 0..<4 {
                clock.now = clock.now + 61  // a minute and a bit, no key pressed
                updates.append(live())
            }
            updates.append(live())
        }
        _ = session.run()
        try #require(updates.count == 5)
        #expect(updates.map(\.prompt) == ["[03:59] > ", "[02:58] > ", "[01:57] > ", "[00:56] > ", "[00:56] > "])
        #expect(updates[0].notices.isEmpty && updates[1].notices.isEmpty && updates[2].notices.isEmpty)
        let warning = updates[3].notices.joined(separator: " ")
        #expect(warning.contains("Nog één minuut voor stap 1 (5 min). Bram (tijdbewaker)"))
        #expect(updates[4].notices.isEmpty, "each notice once")
        // The notices are shown by the editor, not written by the session in between.
        #expect(!output.text.contains("Nog één minuut"))
    }

    @Test func timeRunningOutOnAStepsLastQuestionIsNoticedAtOnce() throws {
        var notices: [[String]] = []
        var continuationPrompts: [String?] = []
        let (session, _, _) = try session(["Er werd gepest.", "Eerst dit", "dan dat", ""]) { _, read, clock in
            guard read.prompt == "  … ", let live = read.live else { return }
            clock.now = clock.now + 400  // the budget runs out while the list is being typed
            let update = live()
            notices.append(update.notices)
            continuationPrompts.append(update.prompt)
        }
        _ = session.run()
        let first = notices.first?.joined(separator: " ") ?? ""
        #expect(first.contains("De tijd voor stap 1 (5 min) is om. Bram (tijdbewaker), help de groep afronden"))
        #expect(notices.dropFirst().allSatisfy { $0.isEmpty }, "one notice per step")
        #expect(continuationPrompts.allSatisfy { $0 == nil }, "the continuation prompt stays as it is")
    }

    @Test func aOneMinuteStepGetsNoWarningButDoesGetTheEnd() throws {
        var notices: [String] = []
        let (session, _, _) = try session(["Er werd gepest.", "Zo.", ""]) { _, read, clock in
            guard let live = read.live, read.shown.contains("Nog iets?") else { return }
            clock.now = clock.now + 30
            notices += live().notices
            clock.now = clock.now + 31
            notices += live().notices
        }
        _ = session.run()
        #expect(!notices.joined().contains("Nog één minuut"))
        #expect(notices.joined(separator: " ").contains("De tijd voor stap 2 (1 min) is om."))
    }
}
