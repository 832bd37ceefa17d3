/// Every text a person reads from the runtime, in Dutch and English.
public enum RuntimeMessages {
    private static func t(_ nl: String, _ en: String) -> LocalizedText { LocalizedText(nl: nl, en: en) }

    // MARK: Values

    public static let yes = t("ja", "yes")
    public static let no = t("nee", "no")
    /// Shown for `{answer}` when that answer was skipped.
    public static let skippedValue = t("(overgeslagen)", "(skipped)")
    /// Shown for `{answer}` before it was given.
    public static let noAnswerYet = t("(nog geen antwoord)", "(no answer yet)")
    /// Shown for a job nobody has.
    public static let nobody = t("(niemand)", "(nobody)")

    // MARK: Play

    /// "Stap 2/5 — Oplossingen (10 min)"
    public static func stepHeader(_ step: StepInfo) -> LocalizedText {
        let budget = step.budgetMinutes.map { " (\($0) min)" } ?? ""
        return t(
            "Stap \(step.index + 1)/\(step.total) — \(step.title)\(budget)",
            "Step \(step.index + 1)/\(step.total) — \(step.title)\(budget)")
    }

    /// Who has the word.
    public static func speaker(_ name: String) -> LocalizedText {
        t("Aan het woord: \(name)", "Speaking: \(name)")
    }

    /// Above a ballot.
    public static func ballot(_ voter: String) -> LocalizedText {
        t("\(voter), wat is jouw stem?", "\(voter), what is your vote?")
    }

    /// After a tied vote.
    public static func tie(_ options: [String]) -> LocalizedText {
        t(
            "Het staat gelijk tussen \(RuntimeText.list(options, .nl)). Kies samen één oplossing.",
            "It is a tie between \(RuntimeText.list(options, .en)). Choose one together.")
    }

    /// The vote's outcome.
    public static func voteWinner(_ option: String, decidedByGroup: Bool) -> LocalizedText {
        decidedByGroup
            ? t(
                "Gekozen door de groep na gelijke stand: \(option)",
                "Chosen by the group after a tie: \(option)")
            : t("Gekozen: \(option)", "Chosen: \(option)")
    }

    /// "3 min over" / "2 min left".
    public static func timeLeft(seconds: Double) -> LocalizedText {
        let minutes = Int((abs(seconds) / 60).rounded(.up))
        return seconds >= 0
            ? t("nog \(minutes) min", "\(minutes) min left")
            : t("\(minutes) min over de tijd", "\(minutes) min over time")
    }

    /// The one notice when a step's budget is spent.
    public static let budgetSpent = t(
        "De tijd voor deze stap is om. Rond af wanneer jullie zover zijn.",
        "The time for this step is up. Wrap up when you are ready.")

    /// Answers from a journal that no longer fit an edited scenario.
    public static func orphaned(_ keys: [AnswerKey]) -> LocalizedText {
        let list = keys.map(\.description).joined(separator: ", ")
        return t(
            "Deze antwoorden horen niet meer bij de casus en worden niet gebruikt: \(list)",
            "These answers no longer belong to the scenario and are not used: \(list)")
    }

    // MARK: Group setup

    public static let emptyGroupName = t("De groep heeft een naam nodig.", "The group needs a name.")
    public static let emptyMemberName = t("Een lid heeft een naam nodig.", "A member needs a name.")

    public static func memberCount(_ range: ClosedRange<Int>) -> LocalizedText {
        t(
            "Een groep heeft \(range.lowerBound) tot \(range.upperBound) leden.",
            "A group has \(range.lowerBound) to \(range.upperBound) members.")
    }

    public static func duplicateMember(_ name: String) -> LocalizedText {
        t(
            "\(name) staat er twee keer in; geef elk lid een eigen naam.",
            "\(name) is listed twice; give each member their own name.")
    }

    public static func bracketInName(_ name: String) -> LocalizedText {
        t("Gebruik geen [, ] of \\ in een naam: \(name)", "Do not use [, ] or \\ in a name: \(name)")
    }

    public static func jobNotAMember(_ job: Job, _ name: String) -> LocalizedText {
        t(
            "\(name) is geen lid van de groep (\(job.name(.nl))).",
            "\(name) is not a member of the group (\(job.name(.en))).")
    }

    /// A member given a second job while every job could go to someone else.
    public static func doubleJob(_ name: String, has: Job, wanted: Job) -> LocalizedText {
        t(
            "\(name) is al \(has.name(.nl)). Kies voor \(wanted.name(.nl)) iemand anders: er zijn genoeg leden voor een taak per persoon.",
            "\(name) is already the \(has.name(.en)). Pick someone else as \(wanted.name(.en)): there are enough members for one job each.")
    }

    // MARK: Answers

    public static let emptyAnswer = t(
        "Typ een antwoord (of :overslaan om deze vraag over te slaan).",
        "Type an answer (or :skip to skip this question).")

    public static let emptyList = t(
        "Noem er minstens één, één per regel; een lege regel sluit af.",
        "Name at least one, one per line; an empty line ends.")

    public static func listTooShort(_ min: Int) -> LocalizedText {
        t("Noem er minstens \(min).", "Name at least \(min).")
    }

    public static func listTooLong(_ max: Int) -> LocalizedText {
        t("Noem er hoogstens \(max).", "Name at most \(max).")
    }

    public static let expectedYesNo = t("Antwoord met ja of nee.", "Answer yes or no.")

    /// After a tie: the numbers the tied options had in the vote.
    public static func expectedTiedOption(_ numbers: [Int]) -> LocalizedText {
        let words = numbers.map(String.init)
        let nl = words.count > 1 ? words.dropLast().joined(separator: ", ") + " of " + words.last! : words.joined()
        let en = words.count > 1 ? words.dropLast().joined(separator: ", ") + " or " + words.last! : words.joined()
        return t(
            "Kies een van de opties die gelijk staan: \(nl), of typ (het begin van) de naam.",
            "Choose one of the tied options: \(en), or type (the start of) its name.")
    }

    public static func expectedOption(_ count: Int) -> LocalizedText {
        t(
            "Kies een nummer van 1 tot \(count), of typ (het begin van) een van de opties.",
            "Choose a number from 1 to \(count), or type (the start of) one of the options.")
    }

    public static func ambiguousOption(_ matches: [String]) -> LocalizedText {
        t(
            "Dat past bij meer dan één optie: \(RuntimeText.list(matches, .nl)). Typ meer letters of het nummer.",
            "That matches more than one option: \(RuntimeText.list(matches, .en)). Type more letters or the number."
        )
    }

    public static func expectedMember(_ members: [String]) -> LocalizedText {
        t(
            "Kies een lid: \(RuntimeText.list(members, .nl)) (naam of nummer).",
            "Choose a member: \(RuntimeText.list(members, .en)) (name or number).")
    }

    public static func expectedRole(_ roles: [String]) -> LocalizedText {
        t(
            "Kies een rol: \(RuntimeText.list(roles, .nl)) (naam, id of nummer).",
            "Choose a role: \(RuntimeText.list(roles, .en)) (name, id or number).")
    }

    public static func expectedScale(_ min: Int, _ max: Int) -> LocalizedText {
        t("Typ een heel getal van \(min) tot en met \(max).", "Type a whole number from \(min) to \(max).")
    }

    public static let expectedEffect = t(
        "Typ ++, +, 0, - of --, eventueel gevolgd door een toelichting: + voelt zich gesteund",
        "Type ++, +, 0, - or --, optionally followed by a note: + feels supported")

    public static let noOptions = t(
        "Er is hier niets om uit te kiezen.", "There is nothing to choose from here.")

    // MARK: Answer scripts

    public static func scriptBadLine(_ line: String) -> LocalizedText {
        t(
            "Deze regel is geen 'sleutel: waarde': \(line)",
            "This line is not 'key: value': \(line)")
    }

    public static func scriptBadKey(_ key: String) -> LocalizedText {
        t(
            "'\(key)' is geen geldige sleutel, zoals beleving[slachtoffer].",
            "'\(key)' is not a valid key such as beleving[victim].")
    }

    public static func scriptDuplicateKey(_ key: String, firstLine: Int) -> LocalizedText {
        t("\(key) staat er al op regel \(firstLine).", "\(key) was already given on line \(firstLine).")
    }

    public static func scriptMissingValue(_ key: String) -> LocalizedText {
        t("\(key) heeft geen waarde.", "\(key) has no value.")
    }

    public static func scriptUnknownQuestion(_ key: String) -> LocalizedText {
        t("De casus heeft geen vraag \(key).", "The scenario has no question \(key).")
    }

    public static func scriptWrongArity(_ key: String, expected: Int) -> LocalizedText {
        t(
            "\(key) hoort \(expected) waarde(n) tussen [ ] te hebben.",
            "\(key) should have \(expected) value(s) in [ ].")
    }

    public static func scriptUnknownRole(_ key: String, _ role: String) -> LocalizedText {
        t("\(key): de casus heeft geen rol \(role).", "\(key): the scenario has no role \(role).")
    }

    public static func scriptUnknownMember(_ key: String, _ member: String) -> LocalizedText {
        t("\(key): \(member) staat niet bij leden.", "\(key): \(member) is not one of the members.")
    }

    public static func scriptNotANumber(_ key: String, _ component: String) -> LocalizedText {
        t(
            "\(key): \(component) moet een nummer vanaf 1 zijn.",
            "\(key): \(component) must be a number from 1.")
    }
}
