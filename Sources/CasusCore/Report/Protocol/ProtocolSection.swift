/// The twelve sections of a school's anti-bullying protocol, in the order Dutch protocols
/// (Stichting School & Veiligheid's guidance, real school protocols) use, and the names a
/// scenario tags a question with (`vraag x (tekst, protocol melden)`).
public enum ProtocolSection: Int, CaseIterable, Hashable, Sendable, Codable {
    case purpose = 1, definition, roles, signalling, prevention, reporting, stepPlan, online, communication,
        coordinator, monitoring, adoption

    /// The tag written in a scenario, Dutch and English; stored in sheets by its English name.
    public var tag: LocalizedText {
        switch self {
        case .purpose: LocalizedText(nl: "doel", en: "purpose")
        case .definition: LocalizedText(nl: "definitie", en: "definition")
        case .roles: LocalizedText(nl: "rollen", en: "roles")
        case .signalling: LocalizedText(nl: "signaleren", en: "signalling")
        case .prevention: LocalizedText(nl: "voorkomen", en: "prevention")
        case .reporting: LocalizedText(nl: "melden", en: "reporting")
        case .stepPlan: LocalizedText(nl: "stappenplan", en: "steps")
        case .online: LocalizedText(nl: "online", en: "online")
        case .communication: LocalizedText(nl: "communicatie", en: "communication")
        case .coordinator: LocalizedText(nl: "coordinator", en: "coordinator")
        case .monitoring: LocalizedText(nl: "monitoring", en: "monitoring")
        case .adoption: LocalizedText(nl: "vaststelling", en: "adoption")
        }
    }

    /// The heading in the draft.
    public var title: LocalizedText {
        switch self {
        case .purpose: LocalizedText(nl: "Doel en uitgangspunten", en: "Purpose and principles")
        case .definition: LocalizedText(nl: "Wat is pesten (pesten, plagen, ruzie; online pesten)", en: "What bullying is (bullying, teasing, quarrels; online bullying)")
        case .roles: LocalizedText(nl: "De rollen: slachtoffer, pester, meelopers en omstanders, ouders", en: "The roles: victim, bully, followers and bystanders, parents")
        case .signalling: LocalizedText(nl: "Signaleren van pesters en van slachtoffers", en: "Spotting bullies and victims")
        case .prevention: LocalizedText(nl: "Voorkomen: groepsvorming, klassenafspraken, positief gebruik van groepsdruk", en: "Prevention: group forming, class agreements, positive use of group pressure")
        case .reporting: LocalizedText(nl: "Melden: waar en bij wie", en: "Reporting: where and to whom")
        case .stepPlan: LocalizedText(nl: "Stappenplan na een melding: wie doet wat, en de consequenties", en: "Step plan after a report: who does what, and the consequences")
        case .online: LocalizedText(nl: "Online pesten: bewijs bewaren, blokkeren, melden bij het platform, wanneer de politie", en: "Online bullying: keeping evidence, blocking, reporting to the platform, when to call the police")
        case .communication: LocalizedText(nl: "Communicatie met leerlingen, ouders en team", en: "Communication with pupils, parents and the team")
        case .coordinator: LocalizedText(nl: "Anti-pestcoördinator, aanspreekpunt en vertrouwenspersoon", en: "Anti-bullying coordinator, point of contact and confidential adviser")
        case .monitoring: LocalizedText(nl: "Registratie, monitoring en evaluatie", en: "Recording, monitoring and evaluation")
        case .adoption: LocalizedText(nl: "Vaststelling (medezeggenschapsraad) en terugkoppeling aan het team", en: "Adoption (participation council) and feedback to the team")
        }
    }

    /// What the team still has to answer when no group discussed the section.
    public var openQuestion: LocalizedText {
        switch self {
        case .purpose: LocalizedText(nl: "Waarom heeft onze school dit protocol, en van welke uitgangspunten gaan we uit (een sociaal veilig klimaat, het hele team handelt op dezelfde wijze)?", en: "Why does our school have this protocol, and which principles do we start from (a socially safe climate, the whole team acting the same way)?")
        case .definition: LocalizedText(nl: "Hoe onderscheiden we pesten van plagen en ruzie, en wat verstaan we onder online pesten?", en: "How do we tell bullying from teasing and quarrels, and what do we mean by online bullying?")
        case .roles: LocalizedText(nl: "Wat doen we voor het slachtoffer, de pester, de meelopers en omstanders, en de ouders?", en: "What do we do for the victim, the bully, the followers and bystanders, and the parents?")
        case .signalling: LocalizedText(nl: "Aan welke signalen herkennen we pesters en slachtoffers, en wie let erop?", en: "Which signs tell us who bullies and who is bullied, and who watches for them?")
        case .prevention: LocalizedText(nl: "Hoe maken we van de klas een groep: kennismaken, klassenafspraken (in de normingfase) en samenwerken?", en: "How do we turn a class into a group: getting acquainted, class agreements (in the norming phase) and working together?")
        case .reporting: LocalizedText(nl: "Waar en bij wie melden leerlingen, ouders en collega's (online) pesten?", en: "Where and to whom do pupils, parents and colleagues report (online) bullying?")
        case .stepPlan: LocalizedText(nl: "Welke stappen volgen na een melding, wie doet wat (mentor, teamleider, zorgcoördinator, anti-pestcoördinator), en wat zijn de consequenties?", en: "Which steps follow a report, who does what (mentor, team leader, care coordinator, anti-bullying coordinator), and what are the consequences?")
        case .online: LocalizedText(nl: "Hoe helpen we bij online pesten: bewijs bewaren (schermafdrukken), blokkeren, melden bij het platform, en wanneer schakelen we de politie in?", en: "How do we help with online bullying: keeping evidence (screenshots), blocking, reporting to the platform, and when do we call the police?")
        case .communication: LocalizedText(nl: "Wie informeert wie (leerlingen, ouders, team), wanneer en hoe?", en: "Who informs whom (pupils, parents, team), when and how?")
        case .coordinator: LocalizedText(nl: "Wie is anti-pestcoördinator en aanspreekpunt, en wie is vertrouwenspersoon?", en: "Who is the anti-bullying coordinator and point of contact, and who is the confidential adviser?")
        case .monitoring: LocalizedText(nl: "Hoe registreren we meldingen, hoe meten we jaarlijks de veiligheidsbeleving van leerlingen, en wanneer evalueren we dit protocol?", en: "How do we record reports, how do we measure pupils' sense of safety every year, and when do we evaluate this protocol?")
        case .adoption: LocalizedText(nl: "Wanneer stelt de schoolleiding het protocol vast met instemming van de medezeggenschapsraad, en hoe koppelen we het terug aan het team, de leerlingen en de ouders?", en: "When does the school leadership adopt the protocol with the participation council's consent, and how do we feed it back to the team, the pupils and the parents?")
        }
    }

    /// The English tag a sheet stores.
    public var storedName: String { tag.en }

    /// The section a tag names, in either language (and `coördinator` with its diaeresis).
    public static func named(_ word: String) -> ProtocolSection? {
        let w = word.lowercased() == "coördinator" ? "coordinator" : word.lowercased()
        return allCases.first { $0.tag.nl == w || $0.tag.en == w }
    }

    /// The tag that means "the section of the topic this group chose" (Opdracht 2): the
    /// question's answers go where the group's topic belongs.
    public static let topicTag = LocalizedText(nl: "onderwerp", en: "topic")

    /// The name a sheet stores for a tag as written: the section's English name, `topic`.
    static func storedTag(_ written: String) -> String {
        if let section = named(written) { return section.storedName }
        return isTopicTag(written) ? topicTag.en : written.lowercased()
    }

    /// True for `onderwerp` and `topic`.
    public static func isTopicTag(_ word: String) -> Bool {
        [topicTag.nl, topicTag.en].contains(word.lowercased())
    }

    /// Every word a tag may be, for suggestions.
    public static var allTags: [String] {
        allCases.flatMap { [$0.tag.nl, $0.tag.en] } + [topicTag.nl, topicTag.en]
    }
}
