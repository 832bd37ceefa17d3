import CasusCore
import Testing

@Suite struct FacilitatorNotesTests {
    @Test func notesComeInPlayOrderWithTheirStep() throws {
        let source = """
            titel: T
            notitie: Bovenaan.
            stap "Eerste" (5 min)
                notitie: In de stap.
                vraag a (ja/nee): A?
                als a
                    notitie: In een tak.
                einde
            einde
            stap "Tweede" (5 min)
                vraag b (tekst): B?
            einde
            """
        let scenario = try #require(ScenarioLoader.load(source: source).scenario)
        let notes = FacilitatorNotes.collect(scenario)
        #expect(notes.map(\.text) == ["Bovenaan.", "In de stap.", "In een tak."])
        #expect(notes.map(\.step) == [nil, "Eerste", "Eerste"])
        let text = FacilitatorNotes.render(scenario, language: .en)
        #expect(text.hasPrefix("Notes for the facilitator — T"))
        #expect(text.contains("[Eerste]\nIn de stap."))
    }
}
