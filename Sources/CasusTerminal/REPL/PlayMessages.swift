import CasusCore

/// Every text the REPL shows a person, in Dutch and English.
public enum PlayMessages {
    private static func t(_ nl: String, _ en: String) -> LocalizedText { LocalizedText(nl: nl, en: en) }

    // MARK: Start

    public static func audience(_ text: String) -> LocalizedText { t("Doelgroep: \(text)", "Audience: \(text)") }
    public static func duration(_ minutes: Int) -> LocalizedText { t("Duur: \(minutes) min", "Duration: \(minutes) min") }
    public static let caseHeading = t("De casus", "The case")
    public static let startHint = t(
        "Typ :hulp voor de commando's. Elk antwoord wordt meteen bewaard.",
        "Type :help for the commands. Every answer is saved right away.")
    public static let groupName = t("Hoe heet jullie groep?", "What is your group called?")
    public static func membersIntro(_ range: ClosedRange<Int>) -> LocalizedText {
        t(
            "Wie doen er mee? Typ één naam per regel; een lege regel sluit af (\(range.lowerBound) tot \(range.upperBound) leden, meestal vier).",
            "Who is playing? Type one name per line; an empty line ends (\(range.lowerBound) to \(range.upperBound) members, usually four).")
    }
    public static func memberPrompt(_ n: Int) -> LocalizedText { t("lid \(n)> ", "member \(n)> ") }
    public static let groupPrompt = t("groep> ", "group> ")
    public static func jobPrompt(_ job: Job) -> LocalizedText { t("\(job.name(.nl))> ", "\(job.name(.en))> ") }
    public static func membersSoFar(_ names: String) -> LocalizedText { t("Tot nu toe: \(names).", "So far: \(names).") }
    public static func membersAdded(_ names: String) -> LocalizedText { t("Genoteerd: \(names).", "Noted: \(names).") }
    public static func alsoHasJob(_ name: String, _ has: Job, _ job: Job) -> LocalizedText {
        t(
            "\(name) is ook \(has.name(.nl)): met minder leden dan taken krijgt iemand er twee.",
            "\(name) is also the \(has.name(.en)): with fewer members than jobs someone gets two.")
    }
    public static func tooFewMembers(_ min: Int) -> LocalizedText {
        t("Er zijn minstens \(min) leden nodig. Typ nog een naam.", "At least \(min) members are needed. Type another name.")
    }
    public static func maxMembersReached(_ max: Int) -> LocalizedText {
        t("Dat zijn er \(max): het maximum voor deze casus.", "That makes \(max): the most this case allows.")
    }
    public static func jobQuestion(_ job: Job) -> LocalizedText {
        switch job {
        case .scribe: t("Wie is de notulist (schrijft alles op)?", "Who is the scribe (writes everything down)?")
        case .presenter: t("Wie is de presentator (presenteert maximaal 3 minuten)?", "Who is the presenter (presents for at most 3 minutes)?")
        case .timekeeper: t("Wie is de tijdbewaker (let op de tijd per stap)?", "Who is the timekeeper (watches the time per step)?")
        }
    }
    public static func groupReady(_ group: String, _ members: String) -> LocalizedText {
        t("\(group): \(members). Succes!", "\(group): \(members). Good luck!")
    }
    public static let notDuringSetup = t(
        "Dat commando werkt pas als de groep er is. Hier kan: :hulp, :casus, :rollen, :stop.",
        "That command works once the group is set up. Here you can use: :help, :case, :roles, :quit.")

    // MARK: Resuming

    /// A no-break space keeps the number with its noun when a narrow terminal wraps the line.
    public static func answerCount(_ n: Int) -> LocalizedText {
        n == 1 ? t("1\u{00A0}antwoord", "1\u{00A0}answer") : t("\(n)\u{00A0}antwoorden", "\(n)\u{00A0}answers")
    }
    /// One unfinished session in a line: group, start, answers, step.
    public static func resumableSession(_ session: ResumableSession) -> LocalizedText {
        let group = session.group.map { t($0, $0) } ?? t("(nog zonder groep)", "(no group yet)")
        var nl = "\(group.nl) · begonnen \(session.started) · \(answerCount(session.answers).nl)"
        var en = "\(group.en) · started \(session.started) · \(answerCount(session.answers).en)"
        if let step = session.step {
            nl += " · bij stap \(step.number): \(step.title)"
            en += " · at step \(step.number): \(step.title)"
        }
        return t(nl, en)
    }
    public static let resumeOneFound = t(
        "Er is een onafgemaakte sessie van deze casus:", "There is an unfinished session of this case:")
    public static let resumeOnePrompt = t("Daarmee verder gaan? [J/n] ", "Continue it? [Y/n] ")
    public static let resumeOneUnclear = t(
        "Typ j (of Enter) om verder te gaan, n voor een nieuwe sessie.",
        "Type y (or Enter) to continue, n for a new session.")
    public static func resumeSeveralFound(_ n: Int) -> LocalizedText {
        t("Er zijn \(n) onafgemaakte sessies van deze casus:", "There are \(n) unfinished sessions of this case:")
    }
    public static let resumeNewSession = t("een nieuwe sessie beginnen", "start a new session")
    /// The word that picks a new session in the list (besides `n`).
    static let newWord = t("nieuw", "new")
    public static let resumeSeveralPrompt = t("Welke sessie? [1] ", "Which session? [1] ")
    public static func resumeSeveralUnclear(_ n: Int) -> LocalizedText {
        t(
            "Typ een nummer van 1 tot \(n) (Enter is 1) of n voor een nieuwe sessie.",
            "Type a number from 1 to \(n) (Enter is 1) or n for a new session.")
    }

    // MARK: Questions

    public static let longHint = t("(meerdere regels; een lege regel sluit af)", "(several lines; an empty line ends)")
    /// `onePerLine: false` when the question already says so.
    public static func listHint(min: Int?, max: Int?, onePerLine: Bool = true) -> LocalizedText {
        var nl = (onePerLine ? "(één per regel; " : "(") + "een lege regel sluit af"
        var en = (onePerLine ? "(one per line; " : "(") + "an empty line ends"
        if let min, min > 1 { nl += "; minstens \(min)"; en += "; at least \(min)" }
        if let max { nl += "; hoogstens \(max)"; en += "; at most \(max)" }
        return t(nl + ")", en + ")")
    }
    public static let yesNoHint = t("(ja/nee)", "(yes/no)")
    public static func scaleHint(_ min: Int, _ max: Int) -> LocalizedText { t("(\(min) tot \(max))", "(\(min) to \(max))") }
    public static let pickHint = t("(nummer of naam)", "(number or name)")
    public static let effectHint = t("(++ + 0 - --, eventueel met toelichting)", "(++ + 0 - --, optionally with a note)")
    public static let effectLegend = t(
        "Effect: ++ heel positief, + positief, 0 neutraal, - negatief, -- heel negatief. Zet er eventueel een toelichting achter, bijvoorbeeld: + voelt zich gesteund",
        "Effect: ++ very positive, + positive, 0 neutral, - negative, -- very negative. Optionally add a note, for example: + feels supported")
    public static let tallyHeading = t("Stemmen:", "Votes:")
    public static func votes(_ n: Int) -> LocalizedText { n == 1 ? t("1 stem", "1 vote") : t("\(n) stemmen", "\(n) votes") }
    public static let skipped = t("Overgeslagen.", "Skipped.")

    // The room (casus play --room).
    static func roomMessage(_ text: String) -> LocalizedText {
        t("Bericht van de begeleider: \(text)", "Message from the facilitator: \(text)")
    }
    static let roomAway = t("(zaal niet bereikbaar, antwoorden blijven bewaard)", "(room not reachable, answers are kept)")
    static func roomAnswered(_ label: String) -> LocalizedText {
        t("Jullie onderwerp, gekregen van de begeleider: \(label)", "Your topic, given by the facilitator: \(label)")
    }
    static func roomChanged(_ label: String) -> LocalizedText {
        t("De begeleider heeft jullie een ander onderwerp gegeven: \(label)", "The facilitator gave you another topic: \(label)")
    }
    public static let undone = t("Het laatste antwoord is teruggedraaid.", "The last answer was undone.")
    public static let nothingToUndo = t("Er is nog niets om terug te draaien.", "There is nothing to undo yet.")
    public static let saved = t("Alles is bewaard: elk antwoord wordt meteen opgeslagen.", "Everything is saved: each answer is stored right away.")

    // MARK: Time

    /// The notice the moment a step's budget is spent; it names the timekeeper when there is one.
    public static func budgetSpent(_ step: StepInfo, timekeeper: String? = nil) -> LocalizedText {
        let nl = "⏰ De tijd voor stap \(step.index + 1) (\(step.budgetMinutes ?? 0) min) is om."
        let en = "⏰ The time for step \(step.index + 1) (\(step.budgetMinutes ?? 0) min) is up."
        guard let timekeeper else {
            return t(nl + " Rond af wanneer jullie zover zijn.", en + " Wrap up when you are ready.")
        }
        return t(
            nl + " \(timekeeper) (tijdbewaker), help de groep afronden wanneer jullie zover zijn.",
            en + " \(timekeeper) (timekeeper), help the group wrap up when you are ready.")
    }
    /// The notice one minute before a step's budget is spent.
    public static func budgetAlmostSpent(_ step: StepInfo, timekeeper: String? = nil) -> LocalizedText {
        let nl = "⏳ Nog één minuut voor stap \(step.index + 1) (\(step.budgetMinutes ?? 0) min)."
        let en = "⏳ One minute left for step \(step.index + 1) (\(step.budgetMinutes ?? 0) min)."
        guard let timekeeper else { return t(nl, en) }
        return t(
            nl + " \(timekeeper) (tijdbewaker), laat de groep weten dat het einde nadert.",
            en + " \(timekeeper) (timekeeper), let the group know the end is near.")
    }
    public static func timeStatus(_ step: StepInfo, spent: String, budget: String?, left: String?) -> LocalizedText {
        guard let budget, let left else {
            return t("Stap \(step.index + 1): \(spent) bezig (geen tijdsbudget).", "Step \(step.index + 1): \(spent) so far (no time budget).")
        }
        return t(
            "Stap \(step.index + 1): \(spent) van \(budget) gebruikt; \(left).",
            "Step \(step.index + 1): \(spent) of \(budget) used; \(left).")
    }
    public static func timeLeft(_ clock: String) -> LocalizedText { t("nog \(clock)", "\(clock) left") }
    public static func timeOver(_ clock: String) -> LocalizedText { t("\(clock) over de tijd", "\(clock) over time") }
    public static func totalTime(_ spent: String) -> LocalizedText { t("Totaal tot nu toe: \(spent)", "Total so far: \(spent)") }

    // MARK: Commands

    public static func unknownCommand(_ word: String, suggestion: String?) -> LocalizedText {
        let nlHint = suggestion.map { " Bedoel je :\($0)?" } ?? ""
        let enHint = suggestion.map { " Did you mean :\($0)?" } ?? ""
        return t(
            "Onbekend commando :\(word).\(nlHint) Typ :hulp voor alle commando's.",
            "Unknown command :\(word).\(enHint) Type :help for all commands.")
    }
    /// After a command in the middle of a multi-line answer.
    public static let answerKept = t(
        "Jullie antwoord tot nu toe blijft staan; typ verder (een lege regel sluit af).",
        "Your answer so far is kept; type on (an empty line ends it).")
    public static let helpHeading = t("Commando's (overal te typen):", "Commands (at any prompt):")
    public static let helpFooter = t(
        "Tab vult commando's, namen en keuzes aan; ↑ haalt een eerder antwoord terug; Ctrl-C wist de regel; Ctrl-D bewaart en stopt.",
        "Tab completes commands, names and choices; ↑ recalls an earlier answer; Ctrl-C clears the line; Ctrl-D saves and quits.")
    public static let noRoles = t("Deze casus heeft geen rollen.", "This case has no roles.")
    public static let noInfos = t("Deze casus heeft geen achtergrondinformatie.", "This case has no background information.")
    public static let infoList = t("Achtergrondinformatie (typ :info en de naam):", "Background information (type :info and the name):")
    /// Names what there is, so the group need not guess again.
    public static func unknownInfo(_ name: String, suggestion: String?, known: [String]) -> LocalizedText {
        let nlHint = suggestion.map { " Bedoel je \($0)?" } ?? ""
        let enHint = suggestion.map { " Did you mean \($0)?" } ?? ""
        let list = known.joined(separator: ", ")
        return t(
            "Geen informatie met de naam \(name).\(nlHint) Wel: \(list) (typ :info en de naam).",
            "No information called \(name).\(enHint) There is: \(list) (type :info and the name).")
    }
    public static let noCase = t("Deze casus heeft geen casustekst.", "This scenario has no case text.")
    public static let sheetHeading = t("Alle antwoorden tot nu toe", "Every answer so far")
    public static func presentationHeading(_ title: String) -> LocalizedText {
        t("Presentatieblad: \(title)", "Presentation sheet: \(title)")
    }
    public static let caseInALine = t("Casus:", "Case:")
    public static let chosenLabel = t("Gekozen oplossing:", "Chosen solution:")
    public static let notChosenYet = t("nog niet gekozen", "not chosen yet")
    public static let planHeading = t("Ons plan", "Our plan")
    public static func pitchHeading(presenter: String?) -> LocalizedText {
        guard let presenter else { return t("De presentatie", "The presentation") }
        return t("De presentatie (\(presenter) presenteert)", "The presentation (\(presenter) presents)")
    }
    public static let rolesInOrder = t("Rollen, in deze volgorde:", "Roles, in this order:")
    public static let sheetAllHint = t("Alle antwoorden: :blad alles", "Every answer: :sheet all")
    public static let sheetEmpty = t("Nog geen antwoorden.", "No answers yet.")

    // MARK: Leaving

    public static let askSaveAndQuit = t("Opslaan en stoppen? (j/n) ", "Save and quit? (y/n) ")
    public static let howToStop = t(
        "Ctrl-C wist alleen de regel. Stoppen kan met :stop of Ctrl-D; alles is al bewaard.",
        "Ctrl-C only clears the line. To stop, type :quit or press Ctrl-D; everything is saved already.")
    public static let howToStopInSetup = t(
        "Ctrl-C wist alleen de regel. Stoppen kan met :stop of Ctrl-D.",
        "Ctrl-C only clears the line. To stop, type :quit or press Ctrl-D.")
    public static let goingOn = t("We gaan verder.", "Let's go on.")
    public static let stopped = t(
        "De sessie is bewaard. Ga later verder met --resume.",
        "The session is saved. Continue later with --resume.")
    public static let inputEnded = t(
        "De invoer is op; de sessie is bewaard, ga verder met --resume.",
        "The input has ended; the session is saved, continue with --resume.")
    public static let inputEndedBeforeSetup = t(
        "De invoer is op voordat de groep klaar was; er is niets bewaard.",
        "The input ended before the group was set up; nothing was saved.")
    public static let leftBeforeSetup = t(
        "Gestopt voordat de groep klaar was; er was nog niets om te bewaren.",
        "Stopped before the group was set up; there was nothing to save yet.")
    public static let scriptEnded = t(
        "Het antwoordscript is op; verder met het toetsenbord.",
        "The answer script has run out; continue at the keyboard.")
    public static let scriptEndedStop = t(
        "Het antwoordscript is op; de sessie is bewaard, ga verder met --resume.",
        "The answer script has run out; the session is saved, continue with --resume.")
    public static func scriptInvalid(_ path: String, _ line: Int, _ key: String, _ message: String) -> LocalizedText {
        t("\(path):\(line): het antwoord op \(key) past niet: \(message)", "\(path):\(line): the answer to \(key) does not fit: \(message)")
    }
    public static func scriptSetupInvalid(_ path: String, _ message: String) -> LocalizedText {
        t("\(path): de groep in het script past niet: \(message)", "\(path): the group in the script does not fit: \(message)")
    }
    public static func saveFailed(_ message: String) -> LocalizedText {
        t("Opslaan is mislukt: \(message)", "Saving failed: \(message)")
    }

    // MARK: End

    public static let finished = t("Klaar! Alle stappen zijn gedaan.", "Done! Every step is finished.")
    public static let summaryHeading = t("Samenvatting", "Summary")
    public static func chosen(_ option: String) -> LocalizedText { t("Gekozen oplossing: \(option)", "Chosen solution: \(option)") }
    public static let effectHeading = t("Effect van de oplossingen per rol", "Effect of the solutions per role")
    public static let totalColumn = t("som", "sum")
    public static let timesHeading = t("Tijd per stap (gebruikt / budget)", "Time per step (used / budget)")
    public static let overBudget = t("over de tijd", "over time")
    public static let sheetAt = t("Het blad staat in:", "The sheet is at:")
    public static let printableSheetAt = t("Om af te drukken, open in de browser:", "To print, open in a browser:")

    /// A list that was too short keeps what was typed.
    static func listSoFar(_ n: Int) -> LocalizedText {
        LocalizedText(
            nl: "Bewaard (\(n)); typ de volgende en sluit af met een lege regel:",
            en: "Kept (\(n)); type the next ones and end with an empty line:")
    }
}
