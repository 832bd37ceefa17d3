/// What a name in a text or condition refers to.
enum NameMeaning {
    /// An index in `Checker.asked.all` (a copy of the question would cost retains per use).
    case answer(Int)
    case loopVariable(LoopSource)
    /// An index in `Checker.roles`.
    case role(Int)
    case builtin
}

/// What a role or built-in spelling names; `Checker.names` holds one per spelling. Question
/// ids live in `Checker.asked`, so this table stays small (roles and built-ins) and its
/// lookups stay in the cache.
struct NameEntry {
    /// Index in `Checker.roles`.
    var role: Int?
    /// A built-in name (`groep`, `leden`, the jobs).
    var isBuiltin = false
    /// `oplossingen` / `solutions`: the solutions question under either spelling.
    var isSolutions = false
}

extension Checker {
    static let builtinNames: [String: NameEntry] = {
        var t: [String: NameEntry] = [:]
        for name in Lexicon.builtinNames { t[name, default: NameEntry()].isBuiltin = true }
        for name in Lexicon.solutions { t[name, default: NameEntry()].isSolutions = true }
        return t
    }()

    /// Resolves `name` in the current scope, or nil.
    func meaning(of name: String, scope: [LoopScope]) -> NameMeaning? {
        if let loop = scope.last(where: { $0.names.contains(name) }) { return .loopVariable(loop.source) }
        if let i = asked.position(of: name) { return .answer(i) }
        guard let entry = names[name] else { return nil }
        if entry.isSolutions, let i = solutionsIndex { return .answer(i) }
        if let r = entry.role { return .role(r) }
        if entry.isBuiltin { return .builtin }
        return nil
    }

    /// True when `name` means something here or is the id of a question met so far. (A
    /// question met later is caught when it is met: see `pendingLoopVariables`.)
    func isKnownName(_ name: String, scope: [LoopScope]) -> Bool {
        meaning(of: name, scope: scope) != nil || rejectedQuestionIDs.contains(name)
    }

    /// Where every question id of the scenario is first defined, in any step. Needed only to
    /// explain an error (a use before the question is asked, a suggestion), so it is built on
    /// the first error that asks for it rather than by an extra walk over every scenario.
    mutating func questionDefinitions() -> [String: SourceRange] {
        if let definitionsCache { return definitionsCache }
        var definitions: [String: SourceRange] = [:]
        for question in QuestionCollector.questions(in: steps) where definitions[question.id.name] == nil {
            definitions[question.id.name] = question.range
        }
        definitionsCache = definitions
        return definitions
    }

    /// Everything a name could be here, for "did you mean".
    func visibleNames(scope: [LoopScope]) -> [String] {
        asked.all.map(\.question.id.name).sorted() + roles.map(\.id.name).sorted() + scope.flatMap(\.names) + Lexicon.builtinNames
            + (solutionsAsked ? Lexicon.solutions : [])
    }

    /// Reports an unknown name: asked later, or not defined at all (with the nearest name).
    mutating func reportName(_ id: Identifier, scope: [LoopScope]) {
        // One error per unknown name: its other uses would only repeat it.
        if brokenNames.contains(id.name) || !reportedNames.insert(id.name).inserted { return }
        let definitions = questionDefinitions()
        let later = definitions[id.name] ?? (Lexicon.isSolutions(id.name) ? definitions[Lexicon.solutionsId] : nil)
        if let later {
            report(.usedBeforeAsked, id.range, CheckerMessages.usedBeforeAsked(id.name),
                  notes: [DiagnosticNote(CheckerMessages.askedHere, at: later)])
            return
        }
        if includeFailed { return }
        // Each suggestion compares with every name: past the first few hundred unknown names
        // (a hostile or garbled file), report without one rather than take quadratic time.
        var fixIt: FixIt?
        if reportedNames.count <= 200 {
            let candidates = visibleNames(scope: scope) + definitions.keys.sorted()
            fixIt = Suggestion.nearest(to: id.name, in: candidates).map {
                FixIt(CheckerMessages.didYouMean($0), replacement: $0, range: id.range)
            }
        }
        // A question refused as a duplicate most likely had this name in mind: the duplicate
        // is the one mistake (a near spelling of a known name is still reported).
        if fixIt == nil, duplicateRefused, definitions[id.name] == nil, !Lexicon.isSolutions(id.name) { return }
        if Lexicon.isSolutions(id.name), !solutionsAsked {
            report(.undefinedName, id.range, CheckerMessages.noSolutionsQuestion, fixIt: FixIt(CheckerMessages.askSolutionsFirst))
            return
        }
        report(.undefinedName, id.range, CheckerMessages.undefined(id.name), fixIt: fixIt)
    }

    /// Resolves a name used as a value; marks answers as used and checks loop coverage.
    mutating func resolveUse(_ id: Identifier, scope: [LoopScope]) -> NameMeaning? {
        guard let meaning = meaning(of: id.name, scope: scope) else {
            reportName(id, scope: scope)
            return nil
        }
        if case .answer(let i) = meaning {
            used[i] = true
            let loops = asked.all[i].loops
            if !covers(scope, loops), let missing = loops.first(where: { need in !scope.contains { $0.source.sameKind(as: need) } }) {
                report(.answerOutsideItsLoop, id.range, CheckerMessages.perLoop(id.name, CheckerMessages.loopName(missing)))
                return nil
            }
        }
        return meaning
    }

    mutating func checkInterpolations(_ text: Text, scope: [LoopScope]) {
        for id in text.interpolations { _ = resolveUse(id, scope: scope) }
    }

    // MARK: - Sheet

    mutating func checkSheet() {
        guard let sheet else { return }
        let parts = SheetPart.allNames
        for entry in sheet.entries {
            guard case .show(let names) = entry else { continue }
            for id in names {
                if parts.contains(id.name.lowercased()) || brokenNames.contains(id.name) { continue }
                if Lexicon.isSolutions(id.name), reportedNames.contains(Lexicon.solutionsId) { continue }
                if let i = asked.position(of: id.name) ?? (Lexicon.isSolutions(id.name) ? solutionsIndex : nil) {
                    used[i] = true
                    continue
                }
                if includeFailed { continue }
                let nearest = Suggestion.nearest(to: id.name, in: asked.all.map(\.question.id.name).sorted() + parts)
                let fixIt = (nearest ?? SheetPart.named(startingWith: id.name)).map {
                    FixIt(CheckerMessages.didYouMean($0), replacement: $0, range: id.range)
                }
                if fixIt == nil, duplicateRefused { continue }
                report(.undefinedName, id.range, CheckerMessages.undefined(id.name), fixIt: fixIt)
            }
        }
    }

    // MARK: - Warnings

    mutating func warnAboutTime(_ metadata: Metadata) {
        guard let duration = metadata.durationMinutes else { return }
        let sum = steps.compactMap(\.budgetMinutes).reduce(0, +)
        guard sum > duration else { return }
        let at = items.lazy.compactMap { item -> SourceRange? in
            if case .metadata(let e) = item, e.key == .duration { return e.valueRange }
            return nil
        }.first ?? Parser.point(mainPath, 1, 1)
        report(.budgetsExceedDuration, at, CheckerMessages.budgetsExceedDuration(sum, duration))
    }

    /// With a `blad` section, an answer that is neither shown nor used is lost from the sheet.
    mutating func warnAboutUnusedAnswers() {
        // After a line that did not parse or an include that did not load, the answer may be
        // used right there: the warning would follow from the error, not from the scenario.
        if hadSyntaxErrors || includeFailed { return }
        guard let sheet else { return }
        let showsEverything = sheet.entries.contains {
            if case .show(let names) = $0 { return names.contains { ["alles", "all"].contains($0.name.lowercased()) } }
            return false
        }
        if showsEverything { return }
        let votesShown = sheet.entries.contains {
            if case .show(let names) = $0 { return names.contains { ["stemming", "votes"].contains($0.name.lowercased()) } }
            return false
        }
        let effectsShown = sheet.entries.contains {
            if case .show(let names) = $0 { return names.contains { ["effecten", "effects"].contains($0.name.lowercased()) } }
            return false
        }
        for i in asked.all.indices.sorted(by: { asked.all[$0].question.range.start < asked.all[$1].question.range.start }) {
            let info = asked.all[i]
            let id = info.question.id.name
            if used[i] { continue }
            if info.question.keyword == .vote && votesShown { continue }
            if info.question.keyword == .effect && effectsShown { continue }
            if info.question.keyword == .solutions && effectsShown { continue }
            report(.answerNeverShown, info.question.id.range, CheckerMessages.neverShown(id), fixIt: FixIt(CheckerMessages.addToSheet))
        }
    }
}

/// The built-in parts a `blad` section can show besides answers.
public enum SheetPart: String, CaseIterable, Sendable {
    case caseText, roles, group, effects, votes, times, all

    /// Dutch spelling first.
    public var spellings: [String] {
        switch self {
        case .caseText: ["casus", "case"]
        case .roles: ["rollen", "roles"]
        case .group: ["groep", "group"]
        case .effects: ["effecten", "effects"]
        case .votes: ["stemming", "votes"]
        case .times: ["tijden", "times"]
        case .all: ["alles", "all"]
        }
    }

    public init?(name: String) {
        guard let part = Lexicon.sheetParts[name.lowercased()] else { return nil }
        self = part
    }

    static var allNames: [String] { allCases.flatMap(\.spellings) }

    /// The part whose name starts with `word`: `toon rol` for `rollen`, `toon effect` for
    /// `effecten` (a singular the edit distance finds too far from the plural).
    static func named(startingWith word: String) -> String? {
        let lower = word.lowercased()
        guard lower.count >= 3 else { return nil }
        return allNames.first { $0.hasPrefix(lower) }
    }
}
