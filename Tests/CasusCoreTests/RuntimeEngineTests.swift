import Testing

@testable import CasusCore

@Suite("Runtime engine: replay and next prompt")
struct RuntimeEngineTests {
    @Test func setupComesFirst() {
        let engine = Engine(scenario: RT.scenario([RT.step("A", nil, RT.ask("a"))]))
        #expect(engine.replay([]).next == .setup)
    }

    @Test func straightLineStepsInOrderThenFinished() {
        let scenario = RT.scenario([
            RT.step(
                "Verkennen", 10, RT.say("Lees de casus."), .note(RT.text("geheim")), RT.ask("a"), RT.ask("b")),
            RT.step("Afronden", 5, RT.ask("c"), RT.say("Klaar!")),
        ])
        var s = RT.Session(scenario)
        #expect(s.key == "a")
        #expect(
            s.state.output == [
                .stepStarted(StepInfo(index: 0, total: 2, title: "Verkennen", budgetMinutes: 10)),
                .say("Lees de casus."),
            ])
        #expect(s.state.isStepStart)
        s.type("eerste")
        #expect(s.key == "b")
        #expect(s.state.output.isEmpty)
        #expect(!s.state.isStepStart)
        s.type("tweede")
        #expect(s.key == "c")
        #expect(s.prompt?.step.index == 1)
        #expect(s.state.isStepStart)
        s.type("derde")
        #expect(s.state.next == .finished)
        #expect(s.state.output == [.say("Klaar!")])
        #expect(s.state.transcript.map(\.key.description) == ["a", "b", "c"])
        #expect(s.state.transcript.map(\.value) == [.text("eerste"), .text("tweede"), .text("derde")])
    }

    @Test func stepWithoutQuestionsIsPassedWithItsHeaderAndTexts() {
        let scenario = RT.scenario([
            RT.step("Inleiding", nil, RT.say("Welkom")), RT.step("Vragen", nil, RT.ask("a")),
        ])
        let s = RT.Session(scenario)
        #expect(s.state.output.count == 3)
        #expect(s.state.output[1] == .say("Welkom"))
    }

    @Test(arguments: [("ja", "drukHoe"), ("nee", "geenDruk")])
    func ifElseBranches(answer: String, expected: String) {
        let scenario = RT.scenario([
            RT.step(
                "A", nil, RT.ask("druk", .yesNo),
                RT.when([(RT.name("druk"), [RT.ask("drukHoe")])], otherwise: [RT.ask("geenDruk")]),
                RT.ask("eind"))
        ])
        var s = RT.Session(scenario)
        s.type(answer)
        #expect(s.key == expected)
        s.type("x")
        #expect(s.key == "eind")
    }

    @Test(arguments: [(2, "laag"), (3, "midden"), (5, "hoog")])
    func elseIfChain(score: Int, expected: String) {
        let scenario = RT.scenario([
            RT.step(
                "A", nil, RT.ask("ernst", .scale(min: 1, max: 5)),
                RT.when(
                    [
                        (
                            RT.cmp(RT.name("ernst"), .greaterOrEqual, RT.num(4)),
                            [RT.say("hoog"), RT.ask("hoog")]
                        ),
                        (RT.cmp(RT.name("ernst"), .equal, RT.num(3)), [RT.say("midden"), RT.ask("midden")]),
                    ], otherwise: [RT.say("laag"), RT.ask("laag")]))
        ])
        var s = RT.Session(scenario)
        s.type(String(score))
        #expect(s.key == expected)
        #expect(s.state.output == [.say(expected)])
    }

    @Test func roleLoopAsksOncePerRoleWithRoleName() {
        let scenario = RT.scenario([
            RT.step("A", nil, RT.forEach(.roles, RT.ask("beleving", .text, "Hoe beleeft {rol} dit?")))
        ])
        var s = RT.Session(scenario)
        #expect(s.key == "beleving[slachtoffer]")
        #expect(s.prompt?.text == "Hoe beleeft het meisje dit?")
        s.type("bang")
        #expect(s.key == "beleving[pesters]")
        #expect(s.prompt?.text == "Hoe beleeft de pesters dit?")
        s.type("stoer")
        #expect(s.state.next == .finished)
    }

    @Test func memberLoopRotatesTheWordInOrder() {
        let scenario = RT.scenario([
            RT.step(
                "A", nil, RT.ask("voor"),
                RT.forEach(
                    .members, RT.ask("situatie", .longText(maxMinutes: nil), "{lid}, noteer een situatie.")))
        ])
        var s = RT.Session(scenario)
        #expect(s.state.speaker == nil)
        s.type("x")
        var speakers: [String] = []
        while let prompt = s.prompt {
            speakers.append(prompt.speaker ?? "-")
            #expect(prompt.text == "\(prompt.speaker!), noteer een situatie.")
            #expect(prompt.key.description == "situatie[\(prompt.speaker!)]")
            s.type("iets")
        }
        #expect(speakers == ["Anna", "Bram", "Carla", "Daan"])
    }

    @Test func solutionsTimesRolesNestedLoopsAndEffectMatrix() {
        let scenario = RT.scenario([
            RT.step(
                "Oplossingen", 10, RT.solutions(min: 2),
                RT.forEach(.solutions, RT.forEach(.roles, RT.effect())))
        ])
        var s = RT.Session(scenario)
        #expect(s.key == "oplossingen")
        s.type("Gesprek\nMelden")
        var keys: [String] = []
        let inputs = ["++ voelt zich gesteund", "-", "+", "−− boos"]
        for input in inputs {
            keys.append(s.key!)
            s.type(input)
        }
        #expect(
            keys == [
                "effect[1][slachtoffer]", "effect[1][pesters]", "effect[2][slachtoffer]",
                "effect[2][pesters]",
            ])
        #expect(s.state.next == .finished)
        let matrix = try! #require(s.state.effectMatrices.first)
        #expect(matrix.solutions == ["Gesprek", "Melden"])
        #expect(matrix.roles.map(\.id.name) == ["slachtoffer", "pesters"])
        #expect(matrix.cells[0][0] == .init(rating: .veryPositive, note: "voelt zich gesteund"))
        #expect(matrix.cells[1][1] == .init(rating: .veryNegative, note: "boos"))
        #expect(matrix.totals == [1, -1])
    }

    @Test func itemLoopWalksTheListAnswer() {
        let scenario = RT.scenario([
            RT.step(
                "A", nil, RT.ask("zorgen", .list(min: nil, max: nil)),
                RT.forEach(RT.items("punt", in: "zorgen"), RT.ask("aanpak", .text, "Wat doen we aan {punt}?"))
            )
        ])
        var s = RT.Session(scenario)
        s.type("roddels\nbuitensluiten")
        #expect(s.key == "aanpak[1]")
        #expect(s.prompt?.text == "Wat doen we aan roddels?")
        s.type("x")
        #expect(s.key == "aanpak[2]")
        #expect(s.prompt?.text == "Wat doen we aan buitensluiten?")
    }

    @Test func conditionInsideRoleLoopUsesTheLoopVariable() {
        let scenario = RT.scenario([
            RT.step(
                "A", nil,
                RT.forEach(
                    .roles, RT.when([(RT.cmp(RT.name("rol"), .equal, RT.name("pesters")), [RT.ask("straf")])])
                ))
        ])
        let s = RT.Session(scenario)
        #expect(s.key == "straf[pesters]")
    }

    @Test func undoBringsTheSamePromptBack() {
        let scenario = RT.scenario([RT.step("A", nil, RT.ask("a"), RT.forEach(.roles, RT.ask("b")))])
        var s = RT.Session(scenario)
        s.type("1")
        let before = s.prompt
        s.type("2")
        #expect(s.key == "b[pesters]")
        s.events = SessionEvent.undo(s.events)
        #expect(s.prompt == before)
        s.events = SessionEvent.undo(s.events)
        #expect(s.key == "a")
        // Nothing left to undo: the setup stays.
        s.events = SessionEvent.undo(s.events)
        #expect(s.events.count == 1)
    }

    @Test func undoAfterFinishDropsTheFinishedMarker() {
        let scenario = RT.scenario([RT.step("A", nil, RT.ask("a"))])
        var s = RT.Session(scenario)
        s.type("x")
        s.events.append(.finished(at: Timestamp(5_000)))
        #expect(s.state.hasFinishedMarker)
        s.events = SessionEvent.undo(s.events)
        #expect(!s.state.hasFinishedMarker)
        #expect(s.key == "a")
    }

    @Test func skippedQuestionIsPassedAndShownInTranscript() {
        let scenario = RT.scenario([RT.step("A", nil, RT.ask("a"), RT.ask("b"))])
        var s = RT.Session(scenario)
        s.skip()
        #expect(s.key == "b")
        #expect(s.state.skipped == [AnswerKey("a")])
        #expect(s.state.transcript.first?.value == nil)
    }

    @Test func voteWithClearWinnerIsDecidedWithoutExtraPrompt() {
        let scenario = RT.scenario([
            RT.step("A", nil, RT.solutions(), RT.vote("gekozen"), RT.ask("daarna"))
        ])
        var s = RT.Session(scenario)
        s.type("Gesprek\nMelden\nNiets")
        var voters: [String] = []
        for input in ["1", "melden", "2", "3"] {
            #expect(s.prompt?.kind == .ballot(voter: s.prompt!.speaker!))
            voters.append(s.prompt!.speaker!)
            s.type(input)
        }
        #expect(voters == ["Anna", "Bram", "Carla", "Daan"])
        #expect(s.key == "daarna")
        let vote = try! #require(s.state.votes.first)
        #expect(vote.winner == "Melden")
        #expect(!vote.decidedByGroup)
        #expect(vote.tally.map(\.votes) == [1, 2, 1])
        #expect(vote.ballots.map(\.option) == ["Gesprek", "Melden", "Melden", "Niets"])
    }

    @Test func voteTieGoesBackToTheGroup() {
        let scenario = RT.scenario([
            RT.step("A", nil, RT.vote("gekozen", options: ["Gesprek", "Melden", "Niets"]))
        ])
        var s = RT.Session(scenario)
        for input in ["1", "2", "gesprek", "melden"] { s.type(input) }
        let tie = try! #require(s.prompt)
        #expect(tie.key.description == "gekozen")
        #expect(tie.speaker == nil)
        #expect(tie.options.map(\.label) == ["Gesprek", "Melden"])
        guard case .tieBreak(let tally) = tie.kind else {
            Issue.record("expected a tie-break")
            return
        }
        #expect(tally.map(\.votes) == [2, 2, 0])
        s.type("2")
        #expect(s.state.next == .finished)
        let vote = try! #require(s.state.votes.first)
        #expect(vote.winner == "Melden")
        #expect(vote.decidedByGroup)
        #expect(vote.isTie)
        #expect(s.state.value(AnswerKey("gekozen")) == .vote(VoteDecision(chosen: "Melden", tally: tally)))
        // Undo the tie-break: the same tie prompt returns.
        s.events = SessionEvent.undo(s.events)
        #expect(s.prompt == tie)
    }

    @Test func orphanedAnswersAfterAScenarioEdit() {
        let original = RT.scenario([
            RT.step(
                "A", nil, RT.ask("a"), RT.ask("weg"), RT.forEach(.roles, RT.ask("b")), RT.ask("c", .yesNo))
        ])
        var s = RT.Session(original)
        for input in ["1", "2", "3", "4", "ja"] { s.type(input) }
        #expect(s.engine.orphanedAnswers(in: s.events).isEmpty)
        // Edited: `weg` removed, role `pesters` renamed to `daders`, `c` became a text question,
        // a new question `nieuw` added before `b`.
        let edited = RT.scenario(
            [RT.step("A", nil, RT.ask("a"), RT.ask("nieuw"), RT.forEach(.roles, RT.ask("b")), RT.ask("c"))],
            roles: [("slachtoffer", "het meisje"), ("daders", "de daders")])
        let engine = Engine(scenario: edited)
        #expect(engine.orphanedAnswers(in: s.events).map(\.description) == ["weg", "b[pesters]", "c"])
        let state = engine.replay(s.events)
        #expect(state.prompt?.key.description == "nieuw")
        #expect(state.value(AnswerKey("b", ["slachtoffer"])) == .text("3"))
    }

    @Test func stepTimesAndLiveTimeLeft() {
        let scenario = RT.scenario([RT.step("A", 10, RT.ask("a"), RT.ask("b")), RT.step("B", 1, RT.ask("c"))])
        var s = RT.Session(scenario)
        s.type("x")  // +60 s
        s.type("y")  // +60 s
        s.events.append(.resumed(at: Timestamp(10_000)))  // a break: not counted
        #expect(s.state.timings[0].spentSeconds == 120)
        #expect(!s.state.timings[0].isOverBudget)
        #expect(s.state.remainingInCurrentStep(now: Timestamp(10_030)) == 30)
        #expect(s.state.remainingInCurrentStep(now: Timestamp(10_090)) == -30)
        s.clock = 10_090
        s.type("z")
        #expect(s.state.timings[1].spentSeconds == 150)
        #expect(s.state.timings[1].isOverBudget)
        #expect(s.state.remainingInCurrentStep(now: Timestamp(20_000)) == nil)
    }

    @Test func answersWithAWrongValueTypeAreNotUsed() {
        let scenario = RT.scenario([RT.step("A", nil, RT.ask("druk", .yesNo))])
        let engine = Engine(scenario: scenario)
        let state = engine.replay([
            .setup(RT.group, at: Timestamp(0)), .answer(AnswerKey("druk"), .text("ja"), at: Timestamp(1)),
        ])
        #expect(state.prompt?.key == AnswerKey("druk"))
        #expect(state.orphaned == [AnswerKey("druk")])
    }

    /// Linear by design: one pass over events into a dictionary, one walk over the scenario.
    /// This checks a large session replays correctly (no timing assertions).
    @Test func largeSessionReplays() {
        // Lists hold at most `Limits.maxListItems` (50) items, so the size comes from nesting:
        // 50 × 10 list items × 2 roles.
        let scenario = RT.scenario([
            RT.step(
                "A", nil, RT.ask("lijst", .list(min: nil, max: nil)), RT.ask("kort", .list(min: nil, max: nil)),
                RT.forEach(
                    RT.items("p", in: "lijst"),
                    RT.forEach(RT.items("q", in: "kort"), RT.forEach(.roles, RT.ask("x")))))
        ])
        var events: [SessionEvent] = [.setup(RT.group, at: Timestamp(0))]
        events.append(.answer(AnswerKey("lijst"), .list((1...50).map { "punt \($0)" }), at: Timestamp(1)))
        events.append(.answer(AnswerKey("kort"), .list((1...10).map { "deel \($0)" }), at: Timestamp(1)))
        for i in 1...50 {
            for j in 1...10 {
                for role in ["slachtoffer", "pesters"] {
                    events.append(
                        .answer(AnswerKey("x", [String(i), String(j), role]), .text("a"), at: Timestamp(Double(i))))
                }
            }
        }
        let state = Engine(scenario: scenario).replay(events)
        #expect(state.next == .finished)
        #expect(state.transcript.count == 1_002)
    }
}
