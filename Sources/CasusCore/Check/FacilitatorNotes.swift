/// The facilitator's notes of a scenario (`notitie:`), in play order with the step they
/// belong to: what `casus check --notes` prints for the person preparing the session.
public enum FacilitatorNotes {
    /// One note: the step it sits in (nil at the top level) and its text.
    public struct Note: Hashable, Sendable {
        public var step: String?
        public var text: String
        public var range: SourceRange
    }

    public static func collect(_ scenario: Scenario) -> [Note] {
        var notes = scenario.notes.map { Note(step: nil, text: $0.plain, range: $0.range) }
        for step in scenario.steps {
            var collector = NoteCollector(step: step.title)
            collector.walk(step.body)
            notes += collector.notes
        }
        return notes
    }

    /// The notes of one step, in source order.
    private struct NoteCollector: StatementWalker {
        let step: String
        var notes: [Note] = []

        mutating func visitNote(_ text: Text) { notes.append(Note(step: step, text: text.plain, range: text.range)) }
    }

    /// The notes as plain text for the terminal.
    public static func render(_ scenario: Scenario, language: Language) -> String {
        let notes = collect(scenario)
        var out = LocalizedText(nl: "Notities voor de begeleider — ", en: "Notes for the facilitator — ").text(language)
            + scenario.metadata.title + "\n"
        if notes.isEmpty {
            out += LocalizedText(nl: "(geen notities)\n", en: "(no notes)\n").text(language)
        }
        for note in notes {
            out += "\n" + (note.step.map { "[\($0)]\n" } ?? "") + note.text + "\n"
        }
        return out
    }
}
