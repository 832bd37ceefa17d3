/// The draft step plan / anti-bullying protocol distilled from the Opdracht 2 groups
/// ("Vanuit deze input kan een antipestprotocol worden gedestilleerd"), ordered by the six
/// topics of the facilitator guide.
public struct ProtocolDraft: Hashable, Sendable {
    /// The six topics of Opdracht 2, in the guide's order.
    public enum Topic: Int, CaseIterable, Hashable, Sendable {
        case signallingBullies = 1, signallingVictims, reporting, consequences, communication, actions

        /// The topic as the guide asks it.
        public var question: LocalizedText {
            switch self {
            case .signallingBullies:
                LocalizedText(nl: "Hoe signaleren we pester(s) bij ons op school?", en: "How do we spot the bully (or bullies) at our school?")
            case .signallingVictims:
                LocalizedText(nl: "Hoe signaleren we slachtoffer(s) bij ons op school?", en: "How do we spot the victim(s) at our school?")
            case .reporting:
                LocalizedText(nl: "Waar wordt bij ons op school (online)pesten gemeld?", en: "Where is (online) bullying reported at our school?")
            case .consequences:
                LocalizedText(nl: "Wat zijn bij ons op school de consequenties bij online pesten?", en: "What are the consequences of online bullying at our school?")
            case .communication:
                LocalizedText(nl: "Hoe verloopt bij ons op school de communicatie bij online pesten?", en: "How does communication about online bullying work at our school?")
            case .actions:
                LocalizedText(nl: "Welke actie wordt er bij ons op school ondernomen tegen online pesten?", en: "What action does our school take against online bullying?")
            }
        }

        /// A short name for the protocol's headings.
        public var name: LocalizedText {
            switch self {
            case .signallingBullies: LocalizedText(nl: "Pesters signaleren", en: "Spotting bullies")
            case .signallingVictims: LocalizedText(nl: "Slachtoffers signaleren", en: "Spotting victims")
            case .reporting: LocalizedText(nl: "Melden", en: "Reporting")
            case .consequences: LocalizedText(nl: "Consequenties", en: "Consequences")
            case .communication: LocalizedText(nl: "Communicatie", en: "Communication")
            case .actions: LocalizedText(nl: "Acties", en: "Actions")
            }
        }

        /// The topic an `onderwerp` answer names: the guide's wording (in nl or en, ignoring
        /// case and spacing), else a telling word; nil when nothing fits.
        public static func match(_ answer: String) -> Topic? {
            let text = Report.normalized(answer)
            for topic in allCases where [topic.question.nl, topic.question.en].map(Report.normalized).contains(text) {
                return topic
            }
            // Order matters: "signaleren" is in topics 1 and 2, "pesten" in almost all.
            let words: [(Topic, [String])] = [
                (.signallingVictims, ["slachtoffer", "victim"]),
                (.signallingBullies, ["pester", "bull"]),
                (.reporting, ["gemeld", "melden", "meldpunt", "report"]),
                (.consequences, ["consequent", "gevolg", "sanctie"]),
                (.communication, ["communic"]),
                (.actions, ["actie", "action", "ondernom", "aanpak"]),
            ]
            // Topic 1's words are only decisive together with "signal": "pesten" is everywhere.
            for (topic, keys) in words where keys.contains(where: { text.contains($0) }) {
                if topic == .signallingBullies, !(text.contains("signal") || text.contains("spot")) { continue }
                return topic
            }
            if let n = Int(text), let topic = Topic(rawValue: n) { return topic }
            return nil
        }
    }

    /// A text with who plays a role in it.
    public struct Point: Hashable, Sendable {
        public var text: String
        public var who: String?
    }

    /// What one group brought in about its topic.
    public struct Contribution: Hashable, Sendable {
        public var group: String
        /// The `onderwerp` answer as given.
        public var topicAnswer: String
        public var experiences: [String]
        public var examples: String?
        public var recommendations: [Point]
        /// The step plan, in order.
        public var steps: [Point]
    }

    public struct Section: Hashable, Sendable {
        public var topic: Topic
        public var contributions: [Contribution]
    }

    /// A group's answer with the group's name.
    public struct GroupText: Hashable, Sendable {
        public var group: String
        public var text: String
    }

    /// The six topics in order; a topic no group covered has no contributions.
    public var sections: [Section]
    /// Contributions whose topic could not be matched to one of the six.
    public var unmatched: [Contribution]
    /// When the groups want to hear back (`terugkoppeling`).
    public var followUps: [GroupText]
    /// Who works the results out into the protocol (`uitwerker`).
    public var authors: [GroupText]

    /// Topics no group covered.
    public var openTopics: [Topic] { sections.filter { $0.contributions.isEmpty }.map(\.topic) }

    init(groups: [(name: String, input: SheetDocument)]) {
        var byTopic: [Topic: [Contribution]] = [:]
        var unmatched: [Contribution] = []
        var followUps: [GroupText] = []
        var authors: [GroupText] = []
        for (name, input) in groups {
            let topicAnswer = input.answer("onderwerp")?.text ?? ""
            let contribution = Contribution(
                group: name, topicAnswer: topicAnswer, experiences: Self.items(input, "ervaringen"),
                examples: input.answer("voorbeeldsituaties").flatMap { $0.skipped ? nil : $0.text },
                recommendations: Self.points(input, list: "aanbevelingen", who: "wie_rol"),
                steps: Self.points(input, list: "stappenplan", who: "stap_rol"))
            if let topic = Topic.match(topicAnswer) {
                byTopic[topic, default: []].append(contribution)
            } else {
                unmatched.append(contribution)
            }
            if let text = Self.text(input, "terugkoppeling") { followUps.append(GroupText(group: name, text: text)) }
            if let text = Self.text(input, "uitwerker") { authors.append(GroupText(group: name, text: text)) }
        }
        sections = Topic.allCases.map { Section(topic: $0, contributions: byTopic[$0] ?? []) }
        self.unmatched = unmatched
        self.followUps = followUps
        self.authors = authors
    }

    private static func text(_ input: SheetDocument, _ id: String) -> String? {
        guard let a = input.answer(id), !a.skipped, let text = a.text, !text.isEmpty else { return nil }
        return text
    }

    private static func items(_ input: SheetDocument, _ id: String) -> [String] {
        guard let a = input.answer(id), !a.skipped else { return [] }
        return a.items ?? a.text.map { [$0] } ?? []
    }

    /// The items of list `list`, each with the answer of `who[n]` for item n.
    private static func points(_ input: SheetDocument, list: String, who: String) -> [Point] {
        let whos = input.answers.filter { $0.id == who && !$0.skipped }
        return items(input, list).enumerated().map { n, item in
            let byNumber = whos.first { $0.key == "\(who)[\(n + 1)]" }
            let byItem = whos.first { $0.item.map(Report.normalized) == Report.normalized(item) }
            return Point(text: item, who: (byNumber ?? byItem)?.text)
        }
    }
}
