/// Every text a report shows that does not come from the groups or the scenarios, in nl and
/// en. Words a sheet also uses come from `SheetLabels`.
public struct ReportLabels: Sendable {
    public let language: Language
    let sheet: SheetLabels

    public init(_ language: Language) {
        self.language = language
        sheet = SheetLabels(language)
    }

    private func t(_ nl: String, _ en: String) -> String { LocalizedText(nl: nl, en: en).text(language) }

    var title: String { t("Plenair overzicht", "Plenary overview") }
    var groupsWord: String { t("Groepen", "Groups") }
    var scenarios: String { t("Scenario's", "Scenarios") }
    var file: String { t("bestand", "file") }
    var answersSideBySide: String { t("Antwoorden per vraag", "Answers per question") }
    var solutionsAndVotes: String { t("Oplossingen en stemmingen", "Solutions and votes") }
    var effectTotal: String { t("effect", "effect") }
    var agreement: String { t("Waar de groepen het over eens zijn", "Where the groups agree") }
    var onlyOneGroup: String { t("Eén groep speelde dit scenario; er valt niets te vergelijken.", "One group played this scenario; there is nothing to compare.") }
    var noAgreement: String { t("Geen overeenkomsten gevonden in gekozen oplossingen, genoemde oplossingen of verwachte effecten.", "No agreement found in chosen solutions, named solutions or expected effects.") }
    var draft: String { t("Concept-stappenplan en antipestprotocol", "Draft step plan and anti-bullying protocol") }
    var draftIntro: String {
        t("Vanuit de input van de groepen (opdracht 2) kan een antipestprotocol worden gedestilleerd, of het bestaande protocol bijgeschaafd. Dit concept zet alles op volgorde van de zes onderwerpen; houd het definitieve draaiboek kort en overzichtelijk. Het uitgewerkte concept-antipestprotocol (twaalf onderdelen, checklist Wet sociale veiligheid, wie doet wat, ook als bewerkbaar .odt) maakt `casus report … --protocol`.",
          "From the groups' input (assignment 2) an anti-bullying protocol can be distilled, or the existing one refined. This draft puts everything in the order of the six topics; keep the final playbook short and clear. The worked-out draft anti-bullying protocol (twelve sections, the Wet sociale veiligheid checklist, who does what, also as an editable .odt) is made by `casus report … --protocol`.")
    }
    var topic: String { t("Onderwerp", "Topic") }
    var experiences: String { t("Ervaringen", "Experiences") }
    var examples: String { t("Voorbeeldsituaties", "Example situations") }
    var recommendations: String { t("Aanbevelingen en wie een rol speelt", "Recommendations and who plays a role") }
    var stepPlan: String { t("Stappenplan en wie welke rol heeft", "Step plan and who has which role") }
    var who: String { t("wie", "who") }
    var notCovered: String { t("Door geen groep behandeld.", "Not covered by any group.") }
    var openTopics: String { t("Open onderwerpen", "Open topics") }
    var openTopicsIntro: String { t("Deze onderwerpen heeft geen groep behandeld; ze staan nog open voor het protocol:", "No group covered these topics; they are still open for the protocol:") }
    var allCovered: String { t("Alle zes onderwerpen zijn door minstens één groep behandeld.", "All six topics were covered by at least one group.") }
    var unmatched: String { t("Onderwerp niet herkend", "Topic not recognised") }
    var followUp: String { t("Terugkoppeling en uitwerking", "Follow-up and who works it out") }
    var followUpMoment: String { t("Afgesproken moment van terugkoppeling", "Agreed moment of follow-up") }
    var followUpAdvice: String {
        t("Het draaiboek adviseert: spreek een moment af, het liefst binnen twee weken. Iedereen ontvangt dan een mail met de uitwerking van het antipestprotocol op maat.",
          "The guide advises: agree on a moment, preferably within two weeks. Everyone then receives an email with the tailored anti-bullying protocol.")
    }
    var authors: String { t("Wie werkt het uit (met de schoolleiding)", "Who works it out (with the school leadership)") }
    var nobodyYet: String { t("Nog niet ingevuld.", "Not filled in yet.") }
    var noAnswer: String { t("(geen antwoord)", "(no answer)") }

    func sameChoice(_ groups: [String]) -> String {
        t("Zelfde gekozen oplossing (\(list(groups)))", "Same chosen solution (\(list(groups)))")
    }

    func sharedSolution(_ groups: [String]) -> String {
        t("Door meerdere groepen genoemd (\(list(groups)))", "Named by several groups (\(list(groups)))")
    }

    /// "Voor de mentor verwachten alle groepen een positief effect van hun gekozen oplossing".
    func effectSign(role: String, sign: Int) -> String {
        let nl = sign > 0 ? "een positief" : sign < 0 ? "een negatief" : "geen (neutraal)"
        let en = sign > 0 ? "a positive" : sign < 0 ? "a negative" : "no (a neutral)"
        return t("Voor \(role) verwachten de groepen \(nl) effect van hun eigen gekozen oplossing",
                 "For \(role) the groups expect \(en) effect of their own chosen solution")
    }

    func list(_ items: [String]) -> String { RuntimeText.list(items, language) }

    func groupCount(_ n: Int) -> String { n == 1 ? t("1 groep", "1 group") : t("\(n) groepen", "\(n) groups") }
}
