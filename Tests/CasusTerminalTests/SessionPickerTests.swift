import CasusCore
import CasusTerminal
import Testing

/// The resume question: choices and default shown, unclear answers asked again, a list when
/// several sessions are unfinished.
@Suite struct SessionPickerTests {
    static let zoe = ResumableSession(
        group: "Groep Zoë", started: "2026-11-25 14:05", answers: 1, step: (2, "Oplossingen bedenken"))
    static let rood = ResumableSession(group: "Groep Rood", started: "2026-11-24 09:30", answers: 7)

    func pick(
        _ lines: [String], _ candidates: [ResumableSession], resume: Bool = false, language: Language = .nl,
        width: Int = 80
    ) -> (ResumeDecision, String, ScriptedEditor) {
        let editor = ScriptedEditor(lines)
        let output = CapturedOutput()
        let decision = SessionPicker(editor: editor, output: output, language: language, width: width)
            .choose(candidates, resumeRequested: resume)
        return (decision, output.text, editor)
    }

    @Test func oneSessionShowsItsChoicesAndEnterContinues() {
        let (decision, text, editor) = pick([""], [Self.zoe], width: 100)
        #expect(decision == .resume(0))
        #expect(editor.prompts == ["Daarmee verder gaan? [J/n] "])
        #expect(text.contains("Groep Zoë · begonnen 2026-11-25 14:05 · 1\u{00A0}antwoord · bij stap 2: Oplossingen bedenken"))
        #expect(!text.contains("groep Groep"))
    }

    @Test func anUnclearAnswerIsAskedAgainNeverANewSession() {
        let (decision, text, editor) = pick(["misschien", "nee"], [Self.rood])
        #expect(decision == .newSession)
        #expect(editor.prompts.count == 2)
        #expect(text.contains("Typ j (of Enter) om verder te gaan, n voor een nieuwe sessie."))
        #expect(text.contains("7\u{00A0}antwoorden"))
    }

    @Test func englishAsksYesNoWithItsOwnDefault() {
        let (decision, text, editor) = pick(["y"], [Self.zoe], language: .en)
        #expect(decision == .resume(0))
        #expect(editor.prompts == ["Continue it? [Y/n] "])
        #expect(text.contains("1\u{00A0}answer · at step 2"))
    }

    @Test func ctrlDLeavesWithoutChoosing() {
        #expect(pick([], [Self.zoe]).0 == .leave)
        #expect(pick([":stop"], [Self.zoe, Self.rood]).0 == .leave)
    }

    @Test func severalSessionsAreListedAndOneIsPicked() {
        let (decision, text, _) = pick(["3", "2"], [Self.zoe, Self.rood], resume: true)
        #expect(decision == .resume(1))
        #expect(text.contains("Er zijn 2 onafgemaakte sessies van deze casus:"))
        #expect(text.contains("  1. Groep Zoë · begonnen 2026-11-25 14:05"))
        #expect(text.contains("  2. Groep Rood · begonnen 2026-11-24 09:30 · 7\u{00A0}antwoorden"))
        #expect(text.contains("  n. een nieuwe sessie beginnen"))
        #expect(text.contains("Typ een nummer van 1 tot 2"))
        #expect(pick(["n"], [Self.zoe, Self.rood]).0 == .newSession)
        #expect(pick([""], [Self.zoe, Self.rood]).0 == .resume(0))
    }

    @Test func resumeTakesTheOnlySessionWithoutAsking() {
        let (decision, _, editor) = pick([], [Self.zoe], resume: true)
        #expect(decision == .resume(0))
        #expect(editor.prompts.isEmpty)
    }

    @Test func theQuestionWrapsByWordsAtTheWidth() {
        let (_, text, _) = pick([""], [Self.zoe], width: 30)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count > 2)
        #expect(lines.allSatisfy { $0.count <= 30 })
        // Every word of the session line survives whole.
        let words = Set(lines.joined(separator: " ").split(separator: " ").map(String.init))
        #expect(words.isSuperset(of: ["onafgemaakte", "Oplossingen", "bedenken", "1\u{00A0}antwoord"]))
    }

    @Test func aNarrowTerminalKeepsTheCountWithItsNoun() {
        // At 50 columns the session line used to end in "· 1" with "antwoord" on the next line.
        let (_, text, _) = pick([""], [Self.zoe], width: 50)
        #expect(text.split(separator: "\n").contains { $0.contains("1\u{00A0}antwoord") })
        #expect(!text.split(separator: "\n").contains { $0.hasSuffix(" 1") })
    }
}
