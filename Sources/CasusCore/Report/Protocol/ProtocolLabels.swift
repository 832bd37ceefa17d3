/// Every text of the draft protocol, its documents and the mail that does not come from the
/// groups, in nl and en.
struct ProtocolLabels: Sendable {
    let language: Language

    init(_ language: Language) { self.language = language }

    func t(_ nl: String, _ en: String) -> String { LocalizedText(nl: nl, en: en).text(language) }

    var title: String { t("Concept-antipestprotocol", "Draft anti-bullying protocol") }
    func intro(_ groups: String) -> String {
        t("Opgesteld uit de antwoorden van de groepen (\(groups)). Dit is een concept: wie het protocol uitwerkt, doet dat samen met de schoolleiding; de medezeggenschapsraad stemt in voordat het wordt vastgesteld. Houd het kort en overzichtelijk.",
          "Drafted from the groups' answers (\(groups)). This is a draft: whoever works the protocol out does so with the school leadership; the participation council consents before it is adopted. Keep it short and clear.")
    }
    func unfinished(_ groups: String) -> String {
        t("Nog niet klaar: \(groups). Hun antwoorden tot nu toe staan erin.", "Not finished yet: \(groups). Their answers so far are included.")
    }
    var checklist: String { t("Checklist Wet sociale veiligheid", "Checklist of the Wet sociale veiligheid (Dutch school safety act)") }
    var checklistIntro: String {
        t("De wet vraagt van elke school deze drie dingen. Afgevinkt is wat de groepen noemden; open is wat nog moet worden geregeld.",
          "The act asks every school for these three things. Ticked is what the groups named; open is what still has to be arranged.")
    }
    func requirement(_ r: ProtocolDocument.Requirement) -> String {
        switch r {
        case .policy: t("Een beleid tegen pesten (dit protocol)", "A policy against bullying (this protocol)")
        case .coordinator: t("Eén persoon die het beleid coördineert en aanspreekpunt is", "One person who coordinates the policy and is the point of contact")
        case .monitoring: t("Jaarlijkse monitoring van de veiligheidsbeleving van leerlingen", "Yearly monitoring of pupils' sense of safety")
        }
    }
    var namedBy: String { t("genoemd door", "named by") }
    var stillOpen: String { t("nog open", "still open") }
    var notDiscussed: String { t("Nog niet besproken.", "Not discussed yet.") }
    var toAnswer: String { t("Te beantwoorden", "To answer") }
    var discussedBy: String { t("Besproken door", "Discussed by") }
    func topic(_ n: Int) -> String { t("onderwerp \(n)", "topic \(n)") }
    var agreements: String { t("Eens", "Agreed") }
    var differences: String { t("Verschillen", "Differences") }
    func onlyBy(_ group: String) -> String { t("Alleen \(group)", "Only \(group)") }
    func whoDiffers(_ point: String) -> String { t("Verschillend wie bij “\(point)”", "Different people for “\(point)”") }
    var whoDoesWhat: String { t("Wie doet wat", "Who does what") }
    var whoDoesWhatIntro: String { t("Elke rol die de groepen in het stappenplan noemden, met de stappen die erbij horen.", "Every role the groups named in the step plan, with its steps.") }
    var noRoles: String { t("Nog geen rollen genoemd bij het stappenplan.", "No roles named in the step plan yet.") }
    var role: String { t("Wie", "Who") }
    var task: String { t("Wat (stap)", "What (step)") }
    var groupsColumn: String { t("Groep", "Group") }
    var section: String { t("onderdeel", "section") }
    var openPoints: String { t("Open punten", "Open points") }
    var openSections: String { t("Nog niet besproken onderdelen", "Sections not discussed yet") }
    var openRequirements: String { t("Nog te regelen voor de Wet sociale veiligheid", "Still to arrange for the Wet sociale veiligheid") }
    var nothingOpen: String { t("Geen: elk onderdeel is besproken en de checklist is compleet.", "None: every section was discussed and the checklist is complete.") }
    var sourceNote: String {
        t("Gemaakt met casus uit het Draaiboek (online) pesten terugdringen. Voorbeelden van antipestprotocollen: www.schoolenveiligheid.nl.",
          "Made with casus from the guide Draaiboek (online) pesten terugdringen. Example protocols: www.schoolenveiligheid.nl.")
    }

    func list(_ items: [String]) -> String { RuntimeText.list(items, language) }

    /// "Groep Rood (onderwerp 3)".
    func groupName(_ g: ProtocolDocument.GroupInfo) -> String {
        g.name + (g.topic.map { " (\(topic($0.rawValue)))" } ?? "")
    }
}
