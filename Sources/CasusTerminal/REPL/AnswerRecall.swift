import CasusCore

/// The lines a group would type to give an answer again: what ↑ brings back after a resume.
enum AnswerRecall {
    static func lines(_ value: AnswerValue, language: Language) -> [String] {
        switch value {
        case .text(let text), .choice(let text), .member(let text), .role(let text): [text]
        case .longText(let text): text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        case .list(let items): items
        case .yesNo(let yes): [(yes ? RuntimeMessages.yes : RuntimeMessages.no).text(language)]
        case .scale(let n): [String(n)]
        case .effect(let rating, let note): [note.map { "\(rating.rawValue) \($0)" } ?? rating.rawValue]
        case .vote(let decision): [decision.chosen]
        }
    }
}
