import Testing

@testable import CasusCore

@Suite("Runtime: a parsed scenario played through")
struct RuntimeLoadedScenarioTests {
    @Test func havo4PlaysThroughWithInterpolation() {
        var s = RT.Session(RT.load(RT.havo4))
        #expect(s.state.output.contains(.say("Welkom, Groep Blauw. Anna schrijft mee.")))
        #expect(
            !s.state.output.contains { if case .say(let t) = $0 { t.contains("Niet voor") } else { false } })
        #expect(s.key == "wat_gebeurde")
        s.type("Bedreigd en afgeperst.")
        s.type("nee")
        #expect(s.key == "spelers")
        s.type("het meisje\nde pesters\nde ouders")
        #expect(s.prompt?.text == "Hoe beleeft het meisje dit?")
        s.type("bang")
        // The answer in the same loop iteration resolves to that iteration's answer.
        #expect(s.state.output == [.say("het meisje voelt: bang")])
        s.type("stoer")
        #expect(s.key == "oplossingen")
        #expect(s.state.output.first == .say("de meiden uit de andere klas voelt: stoer"))
        s.type("Gesprek met mentor\nAangifte doen")
        #expect(s.prompt?.text == "Wat doet \"Gesprek met mentor\" met het meisje?")
        for _ in 0..<4 { s.type("+") }
        for input in ["1", "2", "1", "aangifte"] { s.type(input) }
        let tie = try! #require(s.prompt)
        #expect(tie.key.description == "gekozen")
        s.type("aan")
        #expect(s.key == "pitch")
        #expect(
            s.state.output.contains(
                .say(
                    "Bram presenteert \"Aangifte doen\" namens Anna, Bram, Carla en Daan. Spelers: het meisje, de pesters en de ouders."
                )))
        s.type("Wij kiezen aangifte.")
        #expect(s.state.next == .finished)
        #expect(s.state.votes.first?.decidedByGroup == true)
        #expect(s.state.effectMatrices.first?.cells.count == 2)
        #expect(s.state.timings.map(\.spentSeconds).reduce(0, +) == Double(s.events.count - 1) * 60)
    }

    @Test func groupPressureBranchAsksTheFollowUp() {
        var s = RT.Session(RT.load(RT.havo4))
        s.type("x")
        s.type("ja")
        #expect(s.key == "hoe_druk")
    }

    @Test func englishScenarioListsWithAnd() {
        let scenario = RT.load(
            """
            title: Test
            language: en
            step "One"
                say: {members} are here; {scribe} writes.
                ask ok (yes/no): Ready?
            end
            """)
        let s = RT.Session(scenario)
        #expect(s.state.output.contains(.say("Anna, Bram, Carla and Daan are here; Anna writes.")))
    }
}
