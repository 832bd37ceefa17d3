/// The parts of a sheet in the order they are shown. The sheet is a poster first: the
/// decision the group presents opens it, then all parts by default, or the order a
/// scenario's `blad:` section gives.
public enum SheetSection: Hashable, Sendable {
    case heading(String)
    /// The chosen solution, the concrete plan and the pitch with its speaking time.
    case decision
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

    /// The sections of `model`: the decision, then its `blad:` layout when present, else
    /// everything in order. A heading with nothing under it is left out.
    public static func plan(_ model: SheetModel) -> [SheetSection] {
        var out: [SheetSection] = model.hasDecision ? [.decision] : []
        guard let layout = model.layout else {
            return out + [.group, .caseText, .roles, .allAnswers, .pressure, .effects, .votes, .times]
        }
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
        return withoutEmptyHeadings(out, model)
    }

    /// Drops every heading that no shown part follows before the next heading.
    static func withoutEmptyHeadings(_ sections: [SheetSection], _ model: SheetModel) -> [SheetSection] {
        var out: [SheetSection] = []
        var pendingHeading: SheetSection?
        for section in sections {
            if case .heading = section {
                pendingHeading = section
                continue
            }
            guard section.hasContent(in: model) else { continue }
            if let heading = pendingHeading {
                out.append(heading)
                pendingHeading = nil
            }
            out.append(section)
        }
        return out
    }

    /// True when the section shows something for `model`.
    func hasContent(in model: SheetModel) -> Bool {
        switch self {
        case .heading: true
        case .decision: model.hasDecision
        case .group: model.setup != nil
        case .caseText: model.caseText != nil
        case .roles: !model.roles.isEmpty
        case .allAnswers: true
        case .answers(let id): model.transcriptAnswers.contains { $0.questionId == id }
        case .pressure: !model.pressureAnswers.isEmpty
        case .effects: model.effects.contains { !$0.solutions.isEmpty }
        case .votes: !model.votes.isEmpty
        case .times: !model.steps.isEmpty
        }
    }
}
