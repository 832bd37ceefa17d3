import CasusCore

/// What a scenario declares and uses, across its main file and its includes, with where each
/// thing is written. Built from the syntax trees alone, so it is there while the scenario still
/// has errors (a checked `Scenario` exists only without them).
struct ScenarioIndex {
    struct QuestionEntry {
        var question: Question
        var stepTitle: String
        /// 1-based, in playing order (includes spliced in where they stand).
        var stepNumber: Int
    }

    struct IncludeEntry {
        var declaration: IncludeDeclaration
        /// The included file's path, nil when it would leave the scenario's folder.
        var target: String?
    }

    struct StepEntry {
        var step: Step
        var number: Int
    }

    var files: [String: SourceFile] = [:]
    /// Every file's text as read, for converting positions.
    var texts: [String: String] = [:]
    var metadata: [MetadataEntry] = []
    var roles: [RoleDeclaration] = []
    var infos: [InfoDeclaration] = []
    var questions: [QuestionEntry] = []
    var includes: [IncludeEntry] = []
    var steps: [StepEntry] = []
    var sheets: [SheetLayout] = []
    /// Every name used in `{…}`, a condition, `aantal`, `voor elk … in` or `toon`.
    var uses: [Identifier] = []
    /// Loop variable names (`rol`, `speler`, …) written in loop headers.
    var loopVariables: Set<String> = []

    /// The index of the scenario whose main file is `mainPath`, reading through `provider`.
    init(mainPath: String, provider: some SourceProvider) {
        var visited: Set<String> = []
        add(path: mainPath, root: PathMath.folder(of: mainPath), provider: provider, depth: 0, visited: &visited)
    }

    private mutating func add(path: String, root: String, provider: some SourceProvider, depth: Int, visited: inout Set<String>) {
        // The loader's limits (depth 8, cycles) are reported by the check; here they only stop.
        guard depth <= 8, visited.insert(path).inserted, case .success(let raw) = provider.read(path) else { return }
        let decoded = SourceDecoding.decode(raw)
        let (file, _) = Parser.parse(bytes: decoded.bytes, path: path)
        files[path] = file
        texts[path] = decoded.text
        for item in file.items {
            switch item {
            case .metadata(let entry): if depth == 0 { metadata.append(entry) }
            case .caseText(let text), .note(let text): uses += text.interpolations
            case .role(let role):
                roles.append(role)
                if let d = role.description { uses += d.interpolations }
            case .info(let info):
                infos.append(info)
                uses += info.body.interpolations
            case .include(let include):
                let target = provider.resolve(include: include.path, from: path, root: root)
                includes.append(IncludeEntry(declaration: include, target: target))
                if let target { add(path: target, root: root, provider: provider, depth: depth + 1, visited: &visited) }
            case .step(let step):
                let number = steps.count + 1
                steps.append(StepEntry(step: step, number: number))
                var walker = IndexWalker(step: step, number: number)
                walker.walk(step.body)
                questions += walker.questions
                uses += walker.uses
                loopVariables.formUnion(walker.loopVariables)
            case .sheet(let sheet):
                sheets.append(sheet)
                for entry in sheet.entries {
                    if case .show(let ids) = entry { uses += ids }
                }
            }
        }
    }

    // MARK: Looking things up

    func question(_ name: String) -> QuestionEntry? {
        let solutions = ["oplossingen", "solutions"]
        return questions.first { $0.question.id.name == name || (solutions.contains(name) && solutions.contains($0.question.id.name)) }
    }

    func role(_ name: String) -> RoleDeclaration? { roles.first { $0.id.name == name } }
    func info(_ name: String) -> InfoDeclaration? { infos.first { $0.id.name == name } }

    /// Where `name` is declared: a question's id, a role's id or an info block's name.
    func declaration(of name: String) -> SourceRange? {
        question(name)?.question.id.range ?? role(name)?.id.range ?? info(name)?.id.range
    }

    /// The language of the main file's `taal:` line.
    var declaredLanguage: Language? {
        metadata.first { $0.key == .language }.flatMap { Language(tag: $0.value) }
    }
}

/// What one step adds to the index: its questions, the names its texts interpolate, the
/// names its conditions and loops read, its loop variables.
private struct IndexWalker: StatementWalker {
    let step: Step
    let number: Int
    var questions: [ScenarioIndex.QuestionEntry] = []
    var uses: [Identifier] = []
    var loopVariables: Set<String> = []

    init(step: Step, number: Int) {
        self.step = step
        self.number = number
    }

    mutating func visitSay(_ text: Text) { uses += text.interpolations }
    mutating func visitNote(_ text: Text) { uses += text.interpolations }

    mutating func visitQuestion(_ question: Question) {
        questions.append(ScenarioIndex.QuestionEntry(question: question, stepTitle: step.title, stepNumber: number))
        uses += question.prompt.interpolations
    }

    mutating func visitConditional(_ conditional: Conditional) {
        for branch in conditional.branches { collect(branch.condition) }
        descend(into: conditional)
    }

    mutating func visitLoop(_ loop: Loop) {
        loopVariables.insert(loop.variable.name)
        if case .items(_, let list) = loop.source { uses.append(list) }
        descend(into: loop)
    }

    private mutating func collect(_ e: Expression) {
        switch e {
        case .name(let id), .count(let id, _): uses.append(id)
        case .not(let inner, _): collect(inner)
        case .and(let a, let b), .or(let a, let b), .compare(let a, _, let b):
            collect(a)
            collect(b)
        case .number, .string, .boolean: break
        }
    }
}
