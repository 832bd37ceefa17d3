/// Checks a scenario's flattened items: metadata, names, order of use, types and limits,
/// and builds the `Scenario` the runtime plays.
struct Checker {
    let mainPath: String
    let items: [TopLevelItem]
    var diagnostics: [Diagnostic] = []

    // Collected in the first pass.
    var roles: [RoleDeclaration] = []
    var infos: [InfoDeclaration] = []
    var steps: [Step] = []
    var notes: [Text] = []
    var caseText: Text?
    var sheet: SheetLayout?
    /// The roles and built-in names, by spelling (question ids are in `asked`).
    var names: [String: NameEntry] = Checker.builtinNames

    // Built during the walk.
    /// The questions asked so far, in order (what the scenario keeps), by id;
    /// `NameMeaning.answer` is a position in `asked.all`.
    var asked = QuestionTable()
    /// Per entry of `asked.all`: the answer is used somewhere.
    var used: [Bool] = []
    /// Where `oplossingen` is in `asked.all`, once asked.
    var solutionsIndex: Int?
    var solutionsAsked: Bool { solutionsIndex != nil }
    /// The largest group allowed (`leden:`), for the size of votes.
    var maxMembers = 6
    /// The loop expansion of the step being checked.
    var expansion = StepExpansion()
    /// The step being walked and the loops around the statement being checked.
    var stepIndex = 0
    var loopScope: [LoopScope] = []

    /// When the parser already complained, whole-file checks (no steps, no title) are
    /// likely follow-on errors and stay silent.
    let hadSyntaxErrors: Bool
    /// Ids of question lines the parser dropped; their uses are follow-on errors.
    var brokenNames: Set<String> = []
    /// An include could not be loaded: a name not defined here may be defined there, so
    /// unknown names are not reported (the include's error is the root error).
    var includeFailed = false
    /// Unknown names already reported once (`oplossingen` also for a `stem` with nothing to
    /// vote on).
    var reportedNames: Set<String> = []
    /// `voor elke rol` without roles is reported at its first use only.
    var reportedNoRoles = false
    /// A question was refused because its id was taken: an unknown name later may be the id
    /// it was meant to have, so it is not a second error (see `reportName`).
    var duplicateRefused = false
    /// Ids of questions met but not asked (an error was reported); still names in use.
    var rejectedQuestionIDs: Set<String> = []
    /// Variables of `voor elk … in` loops that clash with no name yet, with where they are
    /// written: a question with that id met later is still a clash.
    var pendingLoopVariables: [String: [SourceRange]] = [:]
    /// `questionDefinitions()`, once built.
    var definitionsCache: [String: SourceRange]?

    init(mainPath: String, items: [TopLevelItem], hadSyntaxErrors: Bool = false) {
        self.mainPath = mainPath
        self.items = items
        self.hadSyntaxErrors = hadSyntaxErrors
    }

    /// Records a diagnostic; its severity comes with its code.
    mutating func report(
        _ code: DiagnosticCode, _ range: SourceRange, _ message: LocalizedText, notes: [DiagnosticNote] = [],
        fixIt: FixIt? = nil
    ) {
        diagnostics.append(Diagnostic(code, at: range, message, notes: notes, fixIt: fixIt))
    }

    /// Runs every check; returns the scenario (meaningful only when no errors were found).
    mutating func check() -> Scenario {
        let metadata = checkMetadata()
        maxMembers = metadata.members.upperBound
        collectDeclarations()
        // Room for every question at once: the table would otherwise copy them as it grows.
        var counter = StatementCounter()
        counter.walk(steps)
        asked.reserveCapacity(counter.questions)
        used.reserveCapacity(counter.questions)
        for (index, step) in steps.enumerated() {
            checkStep(step, index: index)
        }
        checkSheet()
        checkProtocolTags()
        checkRoleLimit()
        warnAboutTime(metadata)
        warnAboutUnusedAnswers()
        if steps.isEmpty && !hadSyntaxErrors {
            report(.noSteps, Parser.point(mainPath, 1, 1), CheckerMessages.noSteps)
        }
        return Scenario(
            path: mainPath, metadata: metadata, caseText: caseText, roles: roles, infos: infos,
            notes: notes, steps: steps, sheet: sheet, questions: asked)
    }

    // MARK: - Declarations

    private mutating func collectDeclarations() {
        var infoIDs: [String: InfoDeclaration] = [:]
        for item in items {
            switch item {
            case .role(let role):
                if let first = names[role.id.name]?.role {
                    report(.duplicateRole, role.id.range, CheckerMessages.duplicate(CheckerMessages.aRole, role.id.name),
                          notes: [DiagnosticNote(CheckerMessages.firstHere, at: roles[first].id.range)])
                } else if Lexicon.builtinNames.contains(role.id.name) || Lexicon.roleLoop.contains(role.id.name) {
                    report(.reservedId, role.id.range, CheckerMessages.reserved(role.id.name))
                } else {
                    names[role.id.name, default: NameEntry()].role = roles.count
                    roles.append(role)
                }
            case .info(let info):
                if let first = infoIDs[info.id.name] {
                    report(.duplicateInfo, info.id.range, CheckerMessages.duplicate(CheckerMessages.anInfo, info.id.name),
                          notes: [DiagnosticNote(CheckerMessages.firstHere, at: first.id.range)])
                } else {
                    infoIDs[info.id.name] = info
                    infos.append(info)
                }
            case .step(let step): steps.append(step)
            case .note(let text): notes.append(text)
            case .caseText(let text):
                if let first = caseText {
                    report(.duplicateSection, text.keywordRange ?? text.range, CheckerMessages.caseTwice,
                          notes: [DiagnosticNote(CheckerMessages.firstHere, at: first.keywordRange ?? first.range)])
                } else {
                    caseText = text
                }
            case .sheet(let layout):
                if sheet == nil { sheet = layout } else {
                    report(.duplicateSection, layout.range, CheckerMessages.duplicate(LocalizedText(nl: "onderdeel", en: "section"), "blad"))
                }
            case .metadata, .include: break
            }
        }
        for item in items {
            if case .role(let role) = item, let description = role.description { checkInterpolations(description, scope: []) }
            if case .info(let info) = item { checkInterpolations(info.body, scope: []) }
        }
    }
}
