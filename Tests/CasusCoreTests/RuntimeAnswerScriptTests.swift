import Testing

@testable import CasusCore

@Suite("Runtime: answer scripts")
struct RuntimeAnswerScriptTests {
    static let script = """
        # comment lines and blank lines are ignored
        groep: Groep Blauw
        leden: Anna, Bram, Carla, Daan
        notulist: Anna
        presentator: Bram
        tijdbewaker: Carla

        wat_gebeurde: Ze werden maandenlang bedreigd en afgeperst.
        groepsdruk: ja
        hoe_druk: Via groepsapps.
        spelers:
            - het meisje
            - de pesters
        beleving[slachtoffer]: Ze is bang en schaamt zich.
        beleving[pesters]: :overslaan
        oplossingen:
            - Gesprek met mentor
            - Aangifte doen
        effect[1][slachtoffer]: ++ voelt zich gesteund
        effect[1][pesters]: -
        effect[2][slachtoffer]: +
        effect[2][pesters]: --
        gekozen[Anna]: 1
        gekozen[Bram]: 1
        gekozen[Carla]: 2
        gekozen[Daan]: 1
        pitch:
            Eerste regel van de presentatie.
            Tweede regel.
        """

    @Test func parsesSetupEntriesAndMultiLineValues() {
        let (script, diagnostics) = AnswerScript.parse(Self.script, path: "antwoorden.txt")
        #expect(diagnostics.isEmpty)
        #expect(script.setup == RT.group)
        #expect(script.input(for: AnswerKey("spelers")) == .lines(["het meisje", "de pesters"]))
        #expect(
            script.input(for: AnswerKey("pitch"))
                == .lines(["Eerste regel van de presentatie.", "Tweede regel."]))
        #expect(script.input(for: AnswerKey("beleving", ["pesters"])) == .skip)
        #expect(
            script.input(for: AnswerKey("effect", ["1", "slachtoffer"])) == .lines(["++ voelt zich gesteund"])
        )
        #expect(script.input(for: AnswerKey("nergens")) == nil)
        #expect(script.entry(for: AnswerKey("gekozen", ["Daan"]))?.line == 26)
    }

    @Test func playsTheParsedScenarioThroughTheSameParser() {
        let scenario = RT.load(RT.havo4)
        let (script, _) = AnswerScript.parse(Self.script, path: "antwoorden.txt")
        #expect(script.unknownKeys(in: scenario).isEmpty)
        let engine = Engine(scenario: scenario)
        var events: [SessionEvent] = [.setup(script.setup!, at: Timestamp(0))]
        var t = 0.0
        while let prompt = engine.replay(events).prompt {
            t += 1
            switch script.input(for: prompt.key) {
            case .skip: events.append(.skip(prompt.key, at: Timestamp(t)))
            case .lines(let lines):
                guard case .success(let value) = AnswerParser.parse(lines, for: prompt) else {
                    Issue.record("bad scripted answer for \(prompt.key)")
                    return
                }
                events.append(.answer(prompt.key, value, at: Timestamp(t)))
            case nil:
                Issue.record("script has no answer for \(prompt.key)")
                return
            }
        }
        let state = engine.replay(events)
        #expect(state.votes.first?.winner == "Gesprek met mentor")
        #expect(
            state.value(AnswerKey("pitch")) == .longText("Eerste regel van de presentatie.\nTweede regel."))
        #expect(state.skipped.contains(AnswerKey("beleving", ["pesters"])))
    }

    @Test func unknownKeysNameTheScriptLine() {
        let text = """
            groep: G
            leden: Anna, Bram
            wat_gebeurde: x

            onbekend: y
            beleving: zonder rol
            beleving[ouders]: geen rol
            effect[een][slachtoffer]: +
            gekozen[Eva]: 1
            """
        let (script, diagnostics) = AnswerScript.parse(text, path: "a.txt")
        #expect(diagnostics.isEmpty)
        let problems = script.unknownKeys(in: RT.load(RT.havo4))
        #expect(problems.map(\.code.rawValue) == ["A010", "A011", "A012", "A014", "A013"])
        #expect(problems.map(\.range.start.line) == [5, 6, 7, 8, 9])
        #expect(problems.allSatisfy { $0.range.file == "a.txt" && $0.severity == .error })
        #expect(problems[0].message.nl == "De casus heeft geen vraag onbekend.")
    }

    @Test func malformedLinesAndDuplicates() {
        let text = """
            groep: G
            dit is geen sleutel
            a: 1
            a: 2
            b c: 3
            c:
            """
        let (_, diagnostics) = AnswerScript.parse(text, path: "a.txt")
        #expect(diagnostics.map(\.code.rawValue) == ["A001", "A003", "A002", "A004"])
        #expect(diagnostics.map(\.range.start.line) == [2, 4, 5, 6])
        #expect(diagnostics[1].message.en == "a was already given on line 3.")
    }

    @Test func blankLinesInsideALongValueKeepParagraphs() {
        let (script, _) = AnswerScript.parse("pitch:\n    Een.\n\n    Twee.\n\nnext: x\n", path: "a")
        #expect(script.input(for: AnswerKey("pitch")) == .lines(["Een.", "", "Twee."]))
        #expect(script.input(for: AnswerKey("next")) == .lines(["x"]))
    }
}
