import Testing

@testable import CasusCore

@Suite("Runtime: interpolation and conditions")
struct RuntimeInterpolationTests {
    let scenario = RT.scenario([
        RT.step(
            "A", nil, RT.ask("wie"), RT.ask("druk", .yesNo), RT.ask("ernst", .scale(min: 1, max: 5)),
            RT.ask("spelers", .list(min: nil, max: nil)), RT.ask("sleutel", .role),
            RT.ask("kies", .choice, options: ["Ja graag", "Nee"]),
            RT.ask("weg"), RT.solutions(), RT.forEach(.roles, RT.ask("beleving")))
    ])

    var answers: [AnswerKey: AnswerValue] {
        [
            AnswerKey("wie"): .text("Sanne"), AnswerKey("druk"): .yesNo(true), AnswerKey("ernst"): .scale(4),
            AnswerKey("spelers"): .list(["a", "b", "c"]), AnswerKey("sleutel"): .role("pesters"),
            AnswerKey("kies"): .choice("Ja graag"), AnswerKey("oplossingen"): .list(["Gesprek", "Melden"]),
            AnswerKey("beleving", ["slachtoffer"]): .text("bang"),
            AnswerKey("beleving", ["pesters"]): .text("stoer"),
        ]
    }

    var interpolator: Interpolator {
        Interpolator(scenario: scenario, setup: RT.group, answers: answers, skipped: [AnswerKey("weg")])
    }

    @Test(arguments: [
        ("{wie}", "Sanne"), ("{druk}", "ja"), ("{ernst}", "4"), ("{spelers}", "a, b en c"),
        ("{sleutel}", "de pesters"),
        ("{kies}", "Ja graag"), ("{slachtoffer}", "het meisje"), ("{groep}", "Groep Blauw"),
        ("{group}", "Groep Blauw"),
        ("{leden}", "Anna, Bram, Carla en Daan"), ("{notulist}", "Anna"), ("{scribe}", "Anna"),
        ("{presentator}", "Bram"), ("{presenter}", "Bram"), ("{tijdbewaker}", "Carla"),
        ("{timekeeper}", "Carla"),
        ("{oplossingen}", "Gesprek en Melden"), ("{solutions}", "Gesprek en Melden"),
        ("{weg}", "(overgeslagen)"),
        ("{onbekend}", "{onbekend}"), ("Hallo {wie}!", "Hallo Sanne!"),
    ])
    func topLevelNames(text: String, expected: String) {
        #expect(interpolator.render(RT.text(text)) == expected)
    }

    @Test func loopVariablesInBothLanguagesAndLoopAnswers() {
        let scope = PlayScope([
            LoopBinding(
                kind: .solution, variable: "oplossing", component: "2", value: "Melden",
                conditionValue: "Melden"),
            LoopBinding(
                kind: .role, variable: "rol", component: "pesters", value: "de pesters",
                conditionValue: "pesters"),
            LoopBinding(
                kind: .member, variable: "lid", component: "Bram", value: "Bram", conditionValue: "Bram"),
            LoopBinding(
                kind: .item(list: "spelers"), variable: "speler", component: "3", value: "c",
                conditionValue: "c"),
        ])
        let text = RT.text("{oplossing}/{solution} {rol}/{role} {lid}/{member} {speler} {beleving}")
        #expect(
            interpolator.render(text, in: scope) == "Melden/Melden de pesters/de pesters Bram/Bram c stoer")
    }

    @Test func englishLists() {
        #expect(Interpolator.list(["a", "b", "c"], language: .en) == "a, b and c")
        #expect(Interpolator.list(["a", "b"], language: .nl) == "a en b")
        #expect(Interpolator.list(["a"], language: .nl) == "a")
        #expect(Interpolator.list([], language: .nl) == "")
    }

    var conditions: ConditionEvaluator {
        ConditionEvaluator(scenario: scenario, setup: RT.group, answers: answers, skipped: [AnswerKey("weg")])
    }

    @Test(arguments: [
        (RT.name("druk"), true),
        (RT.not(RT.name("druk")), false),
        (.and(RT.name("druk"), RT.cmp(RT.name("ernst"), .greater, RT.num(3))), true),
        (.or(RT.not(RT.name("druk")), RT.cmp(RT.name("ernst"), .less, RT.num(2))), false),
        (RT.cmp(RT.name("druk"), .equal, RT.bool(true)), true),
        (RT.cmp(RT.name("druk"), .notEqual, RT.bool(false)), true),
        (RT.cmp(RT.name("kies"), .equal, RT.str("ja GRAAG")), true),
        (RT.cmp(RT.name("wie"), .equal, RT.str("sanne")), true),
        (RT.cmp(RT.name("sleutel"), .equal, RT.name("pesters")), true),
        (RT.cmp(RT.name("sleutel"), .equal, RT.name("slachtoffer")), false),
        (RT.cmp(RT.count("spelers"), .greater, RT.num(2)), true),
        (RT.cmp(RT.count("oplossingen"), .equal, RT.num(2)), true),
        (RT.cmp(RT.count("solutions"), .equal, RT.num(2)), true),
        (RT.cmp(RT.count("leden"), .equal, RT.num(4)), true),
        (RT.cmp(RT.count("members"), .greaterOrEqual, RT.num(5)), false),
    ])
    func conditionsOverAnswers(expression: Expression, expected: Bool) {
        #expect(conditions.evaluate(expression) == expected)
    }

    /// A skipped answer is unknown; a condition that depends on it is false, both ways round.
    @Test(arguments: [
        RT.name("weg"), RT.not(RT.name("weg")), RT.cmp(RT.name("weg"), .equal, RT.str("x")),
        RT.cmp(RT.name("weg"), .notEqual, RT.str("x")), .and(RT.name("druk"), RT.name("weg")),
    ])
    func skippedIsUnknownAndFalse(expression: Expression) {
        #expect(!conditions.evaluate(expression))
    }

    @Test func unknownOrTrueIsTrue() {
        #expect(conditions.evaluate(.or(RT.name("weg"), RT.name("druk"))))
    }

    @Test func roleLoopVariableComparesWithRoleId() {
        let scope = PlayScope([
            LoopBinding(
                kind: .role, variable: "rol", component: "pesters", value: "de pesters",
                conditionValue: "pesters")
        ])
        #expect(conditions.evaluate(RT.cmp(RT.name("rol"), .equal, RT.name("pesters")), in: scope))
        #expect(conditions.evaluate(RT.cmp(RT.name("beleving"), .equal, RT.str("stoer")), in: scope))
    }
}
