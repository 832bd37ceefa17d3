/// What the protocol draft reads of one group's sheet: its name, scenario, whether it
/// finished, and its answers with the sections they are tagged with. The one place that
/// knows the sheet's shape (`SheetDocument`).
public struct ProtocolInput: Hashable, Sendable {
    public struct Answer: Hashable, Sendable {
        public var id: String
        public var type: String
        /// Nil when skipped or empty.
        public var text: String?
        public var items: [String]?
        /// The list item of an item loop (`voor elk punt in aanbevelingen`).
        public var item: String?
        public var member: String?
        /// Stored tag names (`ProtocolSection.storedName`, or `topic`).
        public var tags: [String]
    }

    public var group: String
    public var scenario: String
    public var finished: Bool
    public var answers: [Answer]

    /// From a sheet. Sheets written before tags existed get the tags the bundled Opdracht 1
    /// and 2 scenarios now carry, so older sessions still feed the draft.
    public init(_ input: SheetDocument, group: String) {
        self.group = group
        scenario = input.scenario.title
        finished = input.finished
        let tagged = input.answers.contains { $0.protocol != nil }
        let legacy = tagged ? [:] : Self.legacyTags(opdracht2: input.isOpdracht2)
        answers = input.answers.map { a in
            let text = a.skipped ? nil : a.text.flatMap { $0.isEmpty ? nil : $0 }
            return Answer(
                id: a.id, type: a.type.rawValue, text: text, items: a.skipped ? nil : a.items, item: a.item, member: a.member,
                tags: a.protocol ?? legacy[a.id] ?? [])
        }
    }

    public init(group: String, scenario: String, finished: Bool, answers: [Answer]) {
        self.group = group
        self.scenario = scenario
        self.finished = finished
        self.answers = answers
    }

    /// The tags of the bundled scenarios' questions, by id.
    private static func legacyTags(opdracht2: Bool) -> [String: [String]] {
        var tags = ["groepsdruk_positief": [ProtocolSection.prevention.storedName]]
        guard opdracht2 else { return tags }
        let topic = ProtocolSection.topicTag.en
        for id in ["onderwerp", "ervaringen", "voorbeeldsituaties", "aanbevelingen", "wie_rol"] { tags[id] = [topic] }
        tags["stappenplan"] = [ProtocolSection.stepPlan.storedName]
        tags["stap_rol"] = [ProtocolSection.stepPlan.storedName]
        tags["terugkoppeling"] = [ProtocolSection.adoption.storedName]
        tags["uitwerker"] = [ProtocolSection.coordinator.storedName]
        return tags
    }
}
