import Testing

@testable import CasusCore

/// Builds scenarios by hand for runtime tests (until the loader can parse source text).
enum RT {
    static let at = SourceRange(file: "test.casus", line: 1, column: 1, length: 0)
    /// Ranges do not matter to the runtime; one range keeps the helpers free of shared state.
    static func next() -> SourceRange { at }

    static func id(_ name: String) -> Identifier { Identifier(name, at: at) }

    /// Text with `{name}` interpolations.
    static func text(_ s: String) -> Text {
        var segments: [Text.Segment] = []
        var literal = ""
        var rest = Substring(s)
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            let close = rest[open...].firstIndex(of: "}")!
            if !literal.isEmpty { segments.append(.literal(literal)) }
            literal = ""
            segments.append(.interpolation(id(String(rest[rest.index(after: open)..<close]))))
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { segments.append(.literal(literal)) }
        return Text(segments: segments, range: at)
    }

    static func ask(
        _ name: String, _ type: AnswerType = .text, _ prompt: String = "?", options: [String] = [],
        keyword: QuestionKeyword = .ask
    ) -> Statement {
        let range = next()
        return .question(
            Question(
                keyword: keyword, id: id(name), type: type, prompt: text(prompt),
                options: options.map { ChoiceOption(text: $0, range: range) }, range: range))
    }

    static func solutions(min: Int? = nil, _ prompt: String = "Oplossingen?") -> Statement {
        ask("oplossingen", .list(min: min, max: nil), prompt, keyword: .solutions)
    }

    static func effect(_ name: String = "effect", _ prompt: String = "Wat doet {oplossing} met {rol}?")
        -> Statement
    {
        ask(name, .effect, prompt, keyword: .effect)
    }

    static func vote(_ name: String, _ prompt: String = "Welke kiezen jullie?", options: [String] = [])
        -> Statement
    {
        ask(name, .vote, prompt, options: options, keyword: .vote)
    }

    static func say(_ s: String) -> Statement { .say(text(s)) }

    static func forEach(_ source: LoopSource, _ body: Statement...) -> Statement {
        let variable: String
        switch source {
        case .roles: variable = "rol"
        case .members: variable = "lid"
        case .solutions: variable = "oplossing"
        case .items(let v, _): variable = v.name
        }
        return .loop(Loop(source: source, variable: id(variable), body: body, range: next(), endRange: nil))
    }

    static func items(_ variable: String, in list: String) -> LoopSource {
        .items(variable: id(variable), list: id(list))
    }

    static func when(_ branches: [(Expression, [Statement])], otherwise: [Statement]? = nil) -> Statement {
        .conditional(
            Conditional(
                branches: branches.map { .init(condition: $0.0, body: $0.1, range: at) }, elseBody: otherwise,
                range: next(), endRange: nil))
    }

    // Expressions
    static func name(_ s: String) -> Expression { .name(id(s)) }
    static func num(_ n: Int) -> Expression { .number(n, at) }
    static func str(_ s: String) -> Expression { .string(s, at) }
    static func bool(_ b: Bool) -> Expression { .boolean(b, at) }
    static func count(_ s: String) -> Expression { .count(id(s), at) }
    static func not(_ e: Expression) -> Expression { .not(e, at) }
    static func cmp(_ a: Expression, _ op: ComparisonOperator, _ b: Expression) -> Expression {
        .compare(a, op, b)
    }

    static func step(_ title: String, _ budget: Int? = nil, _ body: Statement...) -> Step {
        Step(title: title, budgetMinutes: budget, body: body, range: next(), endRange: nil)
    }

    static let defaultRoles = [("slachtoffer", "het meisje"), ("pesters", "de pesters")]

    /// A scenario with its question index computed like the checker does.
    static func scenario(
        _ steps: [Step], roles: [(String, String)] = defaultRoles, language: Language = .nl
    ) -> Scenario {
        var questions = QuestionTable()
        func index(_ statements: [Statement], _ step: Int, _ loops: [LoopSource]) {
            for s in statements {
                switch s {
                case .say, .note: break
                case .question(let q):
                    questions.append(QuestionInfo(question: q, stepIndex: step, loops: loops))
                case .conditional(let c):
                    for b in c.branches { index(b.body, step, loops) }
                    if let e = c.elseBody { index(e, step, loops) }
                case .loop(let l): index(l.body, step, loops + [l.source])
                }
            }
        }
        for (i, step) in steps.enumerated() { index(step.body, i, []) }
        return Scenario(
            path: "test.casus", metadata: Metadata(title: "Test", language: language),
            caseText: text("De casus."),
            roles: roles.map { RoleDeclaration(id: id($0.0), name: $0.1, description: nil, range: at) },
            infos: [], notes: [], steps: steps, sheet: nil, questions: questions)
    }

    static let group = GroupSetup(
        group: "Groep Blauw", members: ["Anna", "Bram", "Carla", "Daan"],
        jobs: [.scribe: "Anna", .presenter: "Bram", .timekeeper: "Carla"])

    /// Plays a session: a setup event, then answers in order with one-minute gaps.
    struct Session {
        let engine: Engine
        var events: [SessionEvent]
        var clock = 1_000.0

        init(_ scenario: Scenario, setup: GroupSetup = RT.group) {
            engine = Engine(scenario: scenario)
            events = [.setup(setup, at: Timestamp(clock))]
        }

        var state: SessionState { engine.replay(events) }
        var prompt: Prompt? { state.prompt }

        /// Answers the current prompt with typed input through the parser.
        @discardableResult
        mutating func type(_ input: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
            -> Prompt?
        {
            guard let prompt else {
                Issue.record("no prompt to answer \(input)", sourceLocation: sourceLocation)
                return nil
            }
            switch AnswerParser.parse(input, for: prompt) {
            case .success(let value):
                clock += 60
                events.append(.answer(prompt.key, value, at: Timestamp(clock)))
            case .failure(let error):
                Issue.record("\(prompt.key): \(error.message.en)", sourceLocation: sourceLocation)
            }
            return prompt
        }

        mutating func skip() {
            clock += 60
            events.append(.skip(prompt!.key, at: Timestamp(clock)))
        }

        var key: String? { prompt?.key.description }
    }
}

extension RT {
    /// Parses and checks scenario source text with the real loader.
    static func load(_ source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Scenario
    {
        let result = ScenarioLoader.load(source: source, path: "test.casus")
        for d in result.diagnostics where d.severity == .error {
            Issue.record(
                "\(d.code) line \(d.range.start.line): \(d.message.en)", sourceLocation: sourceLocation)
        }
        guard let scenario = result.scenario else {
            return RT.scenario([])
        }
        return scenario
    }

    /// The havo 4 case, shortened: every construct the runtime plays.
    static let havo4 = """
        titel: Afpersing via sociale media
        taal: nl

        casus:
            Een meisje uit havo 4 wordt bedreigd.

        rol slachtoffer: het meisje
        rol pesters: de meiden uit de andere klas

        stap "De situatie verkennen" (10 min)
            zeg:
                Welkom, {groep}. {notulist} schrijft mee.
            notitie:
                Niet voor de groep.
            vraag wat_gebeurde (tekst): Wat gebeurde er precies?
            vraag groepsdruk (ja/nee): Was er sprake van groepsdruk?
            als groepsdruk
                vraag hoe_druk (tekst): Op welke manier?
            einde
            vraag spelers (lijst, min 2): Wie zijn de spelers?
            voor elke rol
                vraag beleving (tekst): Hoe beleeft {rol} dit?
                zeg: {rol} voelt: {beleving}
            einde
        einde

        stap "Oplossingen" (10 min)
            oplossingen (min 2): Welke oplossingen kun je bedenken?
            voor elke oplossing
                voor elke rol
                    effect: Wat doet "{oplossing}" met {rol}?
                einde
            einde
            stem gekozen: Welke oplossing kiezen jullie?
        einde

        stap "Presentatie" (15 min)
            zeg: {presentator} presenteert "{gekozen}" namens {leden}. Spelers: {spelers}.
            vraag pitch (lang, max 3 min): Jullie presentatie in het kort
        einde
        """
}
