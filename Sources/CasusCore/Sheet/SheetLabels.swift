/// Every text a sheet shows that does not come from the scenario or the group, in nl and en.
public struct SheetLabels: Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    private func t(_ nl: String, _ en: String) -> String { LocalizedText(nl: nl, en: en).text(language) }

    var sheet: String { t("Presentatieblad", "Presentation sheet") }
    var scenario: String { t("Scenario", "Scenario") }
    var audience: String { t("Doelgroep", "Audience") }
    var source: String { t("Bron", "Source") }
    var author: String { t("Auteur", "Author") }
    var group: String { t("Groep", "Group") }
    var members: String { t("Leden", "Members") }
    var caseTitle: String { t("De casus", "The case") }
    var roles: String { t("Rollen", "Roles") }
    var answers: String { t("Antwoorden", "Answers") }
    var step: String { t("Stap", "Step") }
    var skipped: String { t("(overgeslagen)", "(skipped)") }
    var noAnswers: String { t("Nog geen antwoorden.", "No answers yet.") }
    var pressure: String { t("Groepsdruk", "Group pressure") }
    var solutions: String { t("Oplossingen en hun effect", "Solutions and their effect") }
    /// The effect matrix's own heading, so it never repeats a `kop:` above it.
    var effectMatrix: String { t("Effect per oplossing en rol", "Effect of each solution on each role") }
    var solution: String { t("Oplossing", "Solution") }
    var total: String { t("Totaal", "Total") }
    var votes: String { t("Stemming", "Vote") }
    var chosen: String { t("Gekozen oplossing", "Chosen solution") }
    var tieDecided: String { t("gelijke stand; de groep heeft gekozen", "tie; the group decided") }
    var tieOpen: String { t("gelijke stand; nog niet beslist", "tie; not decided yet") }
    var notChosen: String { t("nog niet gekozen", "not chosen yet") }
    var times: String { t("Tijd per stap", "Time per step") }
    var spent: String { t("Besteed", "Spent") }
    var budget: String { t("Budget", "Budget") }
    var overBudget: String { t("over de tijd", "over time") }
    var tieBreak: String { t("keuze van de groep bij gelijke stand", "the group's pick after a tie") }
    var role: String { t("rol", "role") }
    var member: String { t("lid", "member") }
    var item: String { t("punt", "item") }
    var finished: String { t("Afgerond", "Finished") }
    var inProgress: String { t("Nog bezig", "In progress") }
    var started: String { t("Begonnen", "Started") }
    var updated: String { t("Bijgewerkt", "Updated") }
    var votesWord: String { t("stemmen", "votes") }
    /// "1 stem", "3 stemmen" / "1 vote", "3 votes".
    func votes(_ n: Int) -> String { n == 1 ? t("1 stem", "1 vote") : "\(n) \(votesWord)" }
    /// In the words the effect question uses ("heel positief"), so the sheet matches the prompt.
    var legend: String { t("++ heel positief · + positief · 0 neutraal · - negatief · -- heel negatief", "++ very positive · + positive · 0 neutral · - negative · -- very negative") }
    var decision: String { t("Ons besluit", "Our decision") }
    var plan: String { t("Ons plan", "Our plan") }
    var presentation: String { t("De presentatie", "The presentation") }
    var printNote: String { t("Afdrukken: A4 staand; voor de muur op A3 (kies A3 in het afdrukvenster).", "Print: A4 portrait; for the wall use A3 (choose A3 in the print dialog).") }

    func job(_ job: Job) -> String {
        let name = job.name(language)
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    /// "12 min" / "1 min 30 s".
    func minutes(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let m = total / 60
        let s = total % 60
        if s == 0 { return "\(m) min" }
        if m == 0 { return "\(s) s" }
        return "\(m) min \(s) s"
    }

    /// "Spreektijd: ongeveer 1 min 19 s (171 woorden), binnen de grens van 3 minuten."
    public func speakingLine(_ speech: SheetModel.Speech) -> String {
        let words = speech.words == 1 ? t("1 woord", "1 word") : "\(speech.words) " + t("woorden", "words")
        let limit = speech.limitMinutes == 1 ? t("1 minuut", "1 minute") : "\(speech.limitMinutes) " + t("minuten", "minutes")
        // Any words take at least a second: "ongeveer 0 s" would read as nothing to say.
        let seconds = speech.words > 0 ? max(speech.seconds, 1) : 0
        let estimate = t("Spreektijd: ongeveer", "Speaking time: about") + " \(minutes(seconds)) (\(words))"
        return speech.isOverLimit
            ? estimate + t(", langer dan de grens van \(limit).", ", longer than the limit of \(limit).")
            : estimate + t(", binnen de grens van \(limit).", ", within the limit of \(limit).")
    }

    /// The warning shown when a presentation is estimated over its limit.
    func speechWarning(_ speech: SheetModel.Speech) -> String {
        t("Let op: langer dan \(speech.limitMinutes) minuten. Maak de presentatie korter.",
          "Warning: longer than \(speech.limitMinutes) minutes. Make the presentation shorter.")
    }

    func audienceText(_ audience: Audience) -> String {
        let school = audience.school.rawValue.uppercased()
        return audience.level.map { "\(school), \($0)" } ?? school
    }

    /// Loop context of an answer: "rol: het meisje · oplossing: Gesprek".
    func context(_ answer: SheetModel.Answer) -> String? {
        var parts: [String] = []
        if let solution = answer.solution { parts.append("\(self.solution.lowercased()): \(solution)") }
        if let role = answer.role { parts.append("\(self.role): \(role)") }
        if let member = answer.member { parts.append("\(self.member): \(member)") }
        if let item = answer.item { parts.append("\(self.item): \(item)") }
        if case .vote? = answer.value { parts.append(tieBreak) }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// An answer as text in this language.
    public func render(_ value: AnswerValue, scenario: Scenario) -> String {
        switch value {
        case .text(let s), .longText(let s), .choice(let s), .member(let s): return s
        case .list(let items): return items.joined(separator: "; ")
        case .yesNo(let b): return b ? t("ja", "yes") : t("nee", "no")
        case .scale(let n): return String(n)
        case .role(let id): return scenario.role(id)?.name ?? id
        case .effect(let rating, let note):
            guard let note, !note.isEmpty else { return rating.rawValue }
            return "\(rating.rawValue) \(note)"
        case .vote(let decision): return decision.chosen
        }
    }
}
