/// Messages of `casus test`, in both languages.
public enum TesterMessages {
    private static func t(_ nl: String, _ en: String) -> LocalizedText { LocalizedText(nl: nl, en: en) }

    static func refused(_ key: AnswerKey, _ input: String, _ reason: LocalizedText) -> LocalizedText {
        t("doodlopend: het gegenereerde antwoord `\(input)` op `\(key)` wordt geweigerd: \(reason.nl)",
          "dead end: the generated answer `\(input)` to `\(key)` is refused: \(reason.en)")
    }

    static func noProgress(_ key: AnswerKey) -> LocalizedText {
        t("doodlopend: na het antwoord op `\(key)` komt dezelfde vraag terug; het spel komt niet verder",
          "dead end: after answering `\(key)` the same question comes back; play does not move on")
    }

    static func tooManySteps(_ limit: Int) -> LocalizedText {
        t("het spel eindigt niet na \(limit) antwoorden", "play does not end after \(limit) answers")
    }

    static let stepNeverReached = t(
        "deze stap wordt nooit bereikt", "this step is never reached")

    static let statementNeverReached = t(
        "deze regel wordt nooit bereikt", "this line is never reached")

    static func branchNeverTaken(_ isElse: Bool) -> LocalizedText {
        isElse
            ? t("de `anders`-tak (of het overslaan van deze `als`) wordt nooit genomen; kan de voorwaarde ooit onwaar zijn?",
                "the `else` branch (or skipping this `if`) is never taken; can the condition ever be false?")
            : t("deze tak wordt nooit genomen; kan de voorwaarde ooit waar zijn?",
                "this branch is never taken; can the condition ever be true?")
    }

    static func optionNeverChosen(_ text: String) -> LocalizedText {
        t("de keuze `\(text)` wordt nooit gekozen", "the option `\(text)` is never chosen")
    }

    static func scriptMissing(_ key: AnswerKey) -> LocalizedText {
        t("het script geeft geen antwoord op `\(key)`; het spel stopt hier",
          "the script has no answer for `\(key)`; play stops here")
    }

    static func scriptRefused(_ key: AnswerKey, _ reason: LocalizedText) -> LocalizedText {
        t("het antwoord op `\(key)` wordt geweigerd: \(reason.nl)", "the answer to `\(key)` is refused: \(reason.en)")
    }

    static func scriptUnused(_ key: String) -> LocalizedText {
        t("`\(key)` wordt in dit spel nooit gevraagd", "`\(key)` is never asked in this playthrough")
    }

    static func scriptSetup(_ problem: LocalizedText) -> LocalizedText {
        t("groep in het script: \(problem.nl)", "group in the script: \(problem.en)")
    }

    /// The one-paragraph summary.
    public static func summary(_ r: ScenarioTestReport) -> LocalizedText {
        t("""
          \(r.runs) speelrondes, \(r.promptsAnswered) vragen beantwoord
          takken gedekt \(r.branchesCovered)/\(r.branchesTotal), keuzes gedekt \(r.optionsCovered)/\(r.optionsTotal), \
          stappen bereikt \(r.stepsReached)/\(r.stepsTotal), regels bereikt \(r.statementsReached)/\(r.statementsTotal)
          """,
          """
          \(r.runs) runs, \(r.promptsAnswered) prompts answered
          branches covered \(r.branchesCovered)/\(r.branchesTotal), options covered \(r.optionsCovered)/\(r.optionsTotal), \
          steps reached \(r.stepsReached)/\(r.stepsTotal), lines reached \(r.statementsReached)/\(r.statementsTotal)
          """)
    }

    /// Said after the summary when the work bound stopped the test early.
    public static func stoppedEarly(_ r: ScenarioTestReport) -> LocalizedText {
        t("""
          gestopt na \(r.runs) speelrondes en \(r.promptsAnswered) antwoorden: de grens voor één bestand is bereikt \
          (\(ScenarioTester.maxWork) eenheden werk, antwoorden plus regels per speelronde, of \(ScenarioTester.maxRuns) \
          speelrondes); niet alles is getest, dus niet bereikte stappen en regels worden niet gemeld
          """,
          """
          stopped after \(r.runs) runs and \(r.promptsAnswered) answers: the bound for one file was reached \
          (\(ScenarioTester.maxWork) units of work, answers plus lines per run, or \(ScenarioTester.maxRuns) runs); \
          not everything was tested, so steps and lines not reached are not reported
          """)
    }

    public static func scriptSummary(_ r: ScriptReplayReport) -> LocalizedText {
        r.reachedEnd
            ? t("het script speelt het scenario uit (\(r.promptsAnswered) vragen, \(r.unusedKeys.count) ongebruikte sleutels)",
                "the script plays the scenario to the end (\(r.promptsAnswered) prompts, \(r.unusedKeys.count) unused keys)")
            : t("het script bereikt het einde niet (\(r.promptsAnswered) vragen beantwoord)",
                "the script does not reach the end (\(r.promptsAnswered) prompts answered)")
    }
}
