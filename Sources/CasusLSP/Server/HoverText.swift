import CasusCore

/// What hovering shows: a role's name and description, an answer's question, type and step,
/// an info block's title, a keyword's line from the language reference.
enum HoverText {
    static func text(for word: WordAtPosition, in index: ScenarioIndex, language: Language) -> String? {
        let nl = language == .nl
        if word.isFirstWord, let keyword = Vocabulary.lineKeyword(word.word), let help = KeywordHelp.text(keyword.name) {
            return "**\(keyword.spelling(language))** / \(keyword.spelling(nl ? .en : .nl)): \(help.text(language))"
        }
        if let q = index.question(word.word) {
            let type = KeywordHelp.typeName(q.question.type, language)
            let step = nl ? "stap \(q.stepNumber) \"\(q.stepTitle)\"" : "step \(q.stepNumber) \"\(q.stepTitle)\""
            return "**\(q.question.id.name)** (\(type)), \(step)\n\n\(q.question.prompt.plain)"
        }
        if let role = index.role(word.word) {
            let title = "**\(nl ? "rol" : "role") \(role.id.name)**: \(role.name)"
            return role.description.map { title + "\n\n" + $0.plain } ?? title
        }
        if let info = index.info(word.word) {
            return "**info \(info.id.name)**: \(info.title)"
        }
        if let keyword = Vocabulary.lineKeyword(word.word), let help = KeywordHelp.text(keyword.name), word.isFirstWord {
            return help.text(language)
        }
        return nil
    }
}
