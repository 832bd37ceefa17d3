extension SheetDocument {
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
