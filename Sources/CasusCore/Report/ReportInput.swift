/// The part of one group's JSON sheet (`JSONSheet`, format 1) that a report needs. Decoding
/// happens outside the core (the command uses `JSONDecoder`); fields the report does not use
/// are ignored, so newer sheets with extra fields still decode.
public struct ReportInput: Codable, Hashable, Sendable {
    public struct Scenario: Codable, Hashable, Sendable {
        public var title: String
        public var path: String
        public var language: String?

        public init(title: String, path: String, language: String? = nil) {
            self.title = title
            self.path = path
            self.language = language
        }
    }

    public struct Group: Codable, Hashable, Sendable {
        public var name: String
        public var members: [String]

        public init(name: String, members: [String]) {
            self.name = name
            self.members = members
        }
    }

    public struct Role: Codable, Hashable, Sendable {
        public var id: String
        public var name: String
    }

    /// The stored answer's shape; only lists are read (their items).
    public struct Value: Codable, Hashable, Sendable {
        public var type: String
        public var items: [String]?
    }

    public struct Answer: Codable, Hashable, Sendable {
        public var id: String
        public var key: String
        public var value: Value?
        public var text: String?
        /// 1-based.
        public var step: Int
        public var stepTitle: String
        public var prompt: String
        public var type: String
        public var role: String?
        public var roleName: String?
        public var solution: Int?
        public var solutionText: String?
        public var member: String?
        public var item: String?
        public var skipped: Bool
        /// The protocol sections the question is tagged with (`ProtocolSection.storedName`,
        /// or `topic`); nil in untagged answers and older sheets.
        public var `protocol`: [String]?

        /// The list items of a list answer.
        public var items: [String]? { value?.items }
    }

    public struct Cell: Codable, Hashable, Sendable {
        public var rating: String
        public var score: Int
        public var note: String?
    }

    public struct Effects: Codable, Hashable, Sendable {
        public var question: String
        public var solutions: [String]
        /// Role ids, in the order of `cells` columns.
        public var roles: [String]
        public var cells: [[Cell?]]
        public var totals: [Int]
    }

    public struct Count: Codable, Hashable, Sendable {
        public var option: String
        public var votes: Int
    }

    public struct Vote: Codable, Hashable, Sendable {
        public var key: String
        public var prompt: String
        public var tally: [Count]
        public var chosen: String?
        public var tie: Bool
        public var decidedByGroup: Bool
    }

    public var format: Int
    public var scenario: Scenario
    public var group: Group?
    public var finished: Bool
    public var roles: [Role]
    public var answers: [Answer]
    public var effects: [Effects]
    public var votes: [Vote]
    public var chosen: String?

    /// The sheet format this reader understands.
    public static let supportedFormat = JSONSheet.format

    /// The group's name, or a stand-in when the sheet has none.
    public func groupName(_ index: Int, _ language: Language) -> String {
        group?.name ?? LocalizedText(nl: "Groep \(index + 1)", en: "Group \(index + 1)").text(language)
    }

    /// The role's name from its id.
    public func roleName(_ id: String) -> String {
        roles.first { $0.id == id }?.name ?? id
    }

    /// The first answer to question `id`.
    public func answer(_ id: String) -> Answer? { answers.first { $0.id == id } }

    /// Whether this is a session of Opdracht 2 (aanpak binnen de school): it asks for a topic
    /// (`onderwerp`) and for recommendations or a step plan.
    public var isOpdracht2: Bool {
        let ids = Set(answers.map(\.id))
        return ids.contains("onderwerp") && (ids.contains("aanbevelingen") || ids.contains("stappenplan"))
    }
}
