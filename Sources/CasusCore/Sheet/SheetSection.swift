/// The parts of a sheet in the order they are shown: all parts by default, or the order
/// a scenario's `blad:` section gives.
public enum SheetSection: Hashable, Sendable {
    case heading(String)
    case group
    case caseText
    case roles
    /// Every answer grouped by step.
    case allAnswers
    /// The answers of one question (all loop iterations).
    case answers(questionId: String)
    case pressure
    case effects
    case votes
    case times
    case speaking

    /// The sections of `model`: its `blad:` layout when present, else everything in order.
    /// The speaking-time estimate is always shown last when there is one.
    public static func plan(_ model: SheetModel) -> [SheetSection] {
        guard let layout = model.layout else {
            return [.group, .caseText, .roles, .allAnswers, .pressure, .effects, .votes, .times, .speaking]
        }
        var out: [SheetSection] = []
        for entry in layout.entries {
            switch entry {
            case .heading(let text, _): out.append(.heading(text))
            case .show(let names):
                for id in names {
                    switch SheetPart(name: id.name) {
                    case .caseText?: out.append(.caseText)
                    case .roles?: out.append(.roles)
                    case .group?: out.append(.group)
                    case .effects?: out.append(.effects)
                    case .votes?: out.append(.votes)
                    case .times?: out.append(.times)
                    case .all?: out.append(.allAnswers)
                    case nil:
                        let lower = id.name.lowercased()
                        let solutionsId = Lexicon.isSolutions(lower) ? model.solutionsQuestionId : nil
                        out.append(.answers(questionId: solutionsId ?? id.name))
                    }
                }
            }
        }
        out.append(.speaking)
        return out
    }
}
