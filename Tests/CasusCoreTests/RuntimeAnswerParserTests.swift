import Testing

@testable import CasusCore

@Suite("Runtime: typed input to answers")
struct RuntimeAnswerParserTests {
    func parse(_ input: String, _ type: AnswerType, _ options: [PromptOption] = []) -> Result<
        AnswerValue, AnswerInputError
    > {
        AnswerParser.parse(RuntimeText.lines(input), type: type, options: options)
    }

    func error(_ input: String, _ type: AnswerType, _ options: [PromptOption] = []) -> LocalizedText? {
        if case .failure(let e) = parse(input, type, options) { return e.message }
        return nil
    }

    func value(_ input: String, _ type: AnswerType, _ options: [PromptOption] = []) -> AnswerValue? {
        try? parse(input, type, options).get()
    }

    static func opts(_ labels: String...) -> [PromptOption] {
        labels.map { PromptOption(value: $0, label: $0) }
    }

    @Test func text() {
        #expect(value("  Ze werd bedreigd. ", .text) == .text("Ze werd bedreigd."))
        #expect(error("   ", .text)?.nl == "Typ een antwoord (of :overslaan om deze vraag over te slaan).")
        #expect(error("", .text)?.en == "Type an answer (or :skip to skip this question).")
    }

    @Test func longText() {
        #expect(
            value("regel een\n  regel twee\n", .longText(maxMinutes: 3)) == .longText("regel een\nregel twee")
        )
        #expect(error("\n \n", .longText(maxMinutes: nil)) != nil)
    }

    @Test func list() {
        #expect(value("a\n- b\n\n c ", .list(min: 2, max: nil)) == .list(["a", "b", "c"]))
        #expect(error("a", .list(min: 2, max: nil))?.nl == "Noem er minstens 2.")
        #expect(error("a", .list(min: 2, max: nil))?.en == "Name at least 2.")
        #expect(error("a\nb\nc", .list(min: nil, max: 2))?.nl == "Noem er hoogstens 2.")
        #expect(error("", .list(min: nil, max: nil)) == RuntimeMessages.emptyList)
    }

    @Test(arguments: ["ja", "J", "yes", "Y", " JA "]) func yes(input: String) {
        #expect(value(input, .yesNo) == .yesNo(true))
    }

    @Test(arguments: ["nee", "N", "no", "No"]) func no(input: String) {
        #expect(value(input, .yesNo) == .yesNo(false))
    }

    @Test func yesNoError() {
        #expect(error("misschien", .yesNo)?.nl == "Antwoord met ja of nee.")
    }

    @Test func choice() {
        let options = Self.opts(
            "Hoe signaleren we pesters?", "Hoe signaleren we slachtoffers?", "Waar melden?")
        #expect(value("2", .choice, options) == .choice("Hoe signaleren we slachtoffers?"))
        #expect(value("waar melden?", .choice, options) == .choice("Waar melden?"))
        #expect(value("WAAR", .choice, options) == .choice("Waar melden?"))
        #expect(error("hoe", .choice, options)?.nl.hasPrefix("Dat past bij meer dan één optie") == true)
        #expect(
            error("4", .choice, options)?.nl
                == "Kies een nummer van 1 tot 3, of typ (het begin van) een van de opties.")
        #expect(error("xyz", .choice, options) != nil)
    }

    @Test func scale() {
        #expect(value("4", .scale(min: 1, max: 5)) == .scale(4))
        #expect(error("6", .scale(min: 1, max: 5))?.nl == "Typ een heel getal van 1 tot en met 5.")
        #expect(error("veel", .scale(min: 1, max: 5))?.en == "Type a whole number from 1 to 5.")
    }

    @Test func member() {
        let members = Self.opts("Anna", "Bram", "Carla", "Daan")
        #expect(value("bram", .member, members) == .member("Bram"))
        #expect(value("3", .member, members) == .member("Carla"))
        #expect(value("Da", .member, members) == .member("Daan"))
        #expect(
            error("Eva", .member, members)?.nl == "Kies een lid: Anna, Bram, Carla en Daan (naam of nummer).")
    }

    @Test func role() {
        let roles = [
            PromptOption(value: "slachtoffer", label: "het meisje"),
            PromptOption(value: "pesters", label: "de pesters"),
        ]
        #expect(value("pesters", .role, roles) == .role("pesters"))
        #expect(value("Het Meisje", .role, roles) == .role("slachtoffer"))
        #expect(value("2", .role, roles) == .role("pesters"))
        #expect(
            error("ouders", .role, roles)?.en
                == "Choose a role: het meisje and de pesters (name, id or number).")
    }

    @Test(arguments: [
        ("++", AnswerValue.effect(.veryPositive, note: nil)),
        ("+ voelt zich gesteund", .effect(.positive, note: "voelt zich gesteund")),
        ("0", .effect(.neutral, note: nil)), ("-", .effect(.negative, note: nil)),
        ("−", .effect(.negative, note: nil)),
        ("-- wordt boos", .effect(.veryNegative, note: "wordt boos")),
        ("−− x", .effect(.veryNegative, note: "x")),
        // Without a space after the symbol, as people type it.
        ("++voelt zich gesteund", .effect(.veryPositive, note: "voelt zich gesteund")),
        ("-wordt boos", .effect(.negative, note: "wordt boos")),
    ])
    func effect(input: String, expected: AnswerValue) {
        #expect(value(input, .effect) == expected)
    }

    @Test(arguments: ["", "+++", "goed", "+5", "-.", "1"]) func effectErrors(input: String) {
        #expect(error(input, .effect) == RuntimeMessages.expectedEffect)
    }

    @Test func ballotAndTieBreakPrompts() {
        let question = Question(
            keyword: .vote, id: RT.id("gekozen"), type: .vote, prompt: RT.text("?"), options: [], range: RT.at
        )
        let step = StepInfo(index: 0, total: 1, title: "A", budgetMinutes: nil)
        let ballot = Prompt(
            key: AnswerKey("gekozen", ["Anna"]), question: question, kind: .ballot(voter: "Anna"), text: "?",
            options: Self.opts("Gesprek", "Melden"), speaker: "Anna", step: step)
        #expect((try? AnswerParser.parse("mel", for: ballot).get()) == .choice("Melden"))
        let tally = [VoteCount(option: "Gesprek", votes: 2), VoteCount(option: "Melden", votes: 2)]
        var tie = ballot
        tie.kind = .tieBreak(tally: tally)
        #expect(
            (try? AnswerParser.parse("1", for: tie).get())
                == .vote(VoteDecision(chosen: "Gesprek", tally: tally)))
    }
}
