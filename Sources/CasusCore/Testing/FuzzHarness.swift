/// The fuzz target's body: everything a hostile scenario can reach, as one pure function.
///
/// `exercise` parses and checks the input through `ScenarioLoader` (with an included file on
/// offer), renders the diagnostics, runs the formatter, and when the scenario checks clean plays
/// a short, bounded playthrough through `Engine.replay` with generated answers. It must return
/// (quickly) for every input; a crash or a hang is a bug. The libFuzzer entry point
/// (`Sources/CasusFuzz`) and the regression tests (`FuzzRegressionTests`) both call it.
public enum FuzzHarness {
    /// The main file's path; includes resolve relative to its folder.
    public static let mainPath = "fuzz/scenario.casus"
    /// The included file the input may use: `invoegen "deel.casus"`.
    public static let includedPath = "fuzz/deel.casus"
    /// A line that splits an input into the main file (before) and `deel.casus` (after).
    public static let separator: [UInt8] = Array("\n=====\n".utf8)
    /// At most this many answers in the playthrough.
    public static let maxAnswers = 60
    /// At most this many diagnostics are rendered (rendering is per diagnostic).
    public static let maxRendered = 50

    /// What one input produced, for tests.
    public struct Outcome: Sendable {
        public var diagnostics: [Diagnostic]
        public var checked: Bool
        public var answers: Int
        public var finished: Bool
    }

    /// The included file offered when the input has no separator: a role, an info and a step.
    static let defaultInclude = Array("""
        rol gedeeld: een gedeelde rol
            Uit een ander bestand.
        info uitleg: Uitleg
            Met {gedeeld}.
        stap "Gedeeld" (5 min)
            vraag gedeeld_ja (ja/nee): Klopt het?
            als gedeeld_ja
                zeg: Fijn.
            einde
        einde

        """.utf8)

    /// Runs the whole pipeline on `bytes`. Never traps for any input (that is the point).
    @discardableResult
    public static func exercise(_ bytes: [UInt8]) -> Outcome {
        let (main, included) = split(bytes)
        let provider = FuzzSourceProvider(files: [
            mainPath: main,
            includedPath: included,
            // The same main file under another name: `invoegen "zelf.casus"` and a cycle.
            "fuzz/zelf.casus": main,
            "fuzz/gedeeld/deel.casus": included,
        ])
        let result = ScenarioLoader.load(path: mainPath, provider: provider)

        // What `casus check` prints.
        for language in [Language.nl, .en] {
            let renderer = DiagnosticRenderer(language: language) { file, line in result.line(line, of: file) }
            for diagnostic in result.diagnostics.prefix(maxRendered) { _ = renderer.render(diagnostic) }
            let errors = result.diagnostics.filter { $0.severity == .error }.count
            _ = renderer.summary(errors: errors, warnings: result.diagnostics.count - errors)
        }

        // What `casus fmt` does (only on valid UTF-8, as the command reads text).
        if let text = String(validating: main, as: UTF8.self) {
            _ = Formatter.format(text, path: mainPath)
        }

        guard let scenario = result.scenario else {
            return Outcome(diagnostics: result.diagnostics, checked: false, answers: 0, finished: false)
        }
        let (answers, finished) = play(scenario, seed: seed(bytes))
        return Outcome(diagnostics: result.diagnostics, checked: true, answers: answers, finished: finished)
    }

    /// A short playthrough: a generated group, then generated answers (every so often a skip),
    /// each replayed through the engine, as `casus play` does after every answer.
    static func play(_ scenario: Scenario, seed: UInt64) -> (answers: Int, finished: Bool) {
        let tester = ScenarioTester(scenario: scenario)
        let engine = Engine(scenario: scenario)
        var rng = SplitMix64(seed: seed)
        var events: [SessionEvent] = [.setup(tester.setup, at: Timestamp(0))]
        var state = engine.replay(events)
        var answered = 0
        while let prompt = state.prompt, answered < maxAnswers {
            answered += 1
            let at = Timestamp(Double(answered))
            let variant = rng.below(1 << 20)
            if variant % 11 == 0 {
                events.append(.skip(prompt.key, at: at))
            } else {
                let lines = tester.answer(prompt, variant: variant, tieBreakVariant: variant)
                switch AnswerParser.parse(lines, for: prompt) {
                case .success(let value): events.append(.answer(prompt.key, value, at: at))
                case .failure: events.append(.skip(prompt.key, at: at))
                }
            }
            state = engine.replay(events)
        }
        _ = engine.orphanedAnswers(in: events)
        return (answered, state.prompt == nil)
    }

    /// The main file and the included file of an input.
    static func split(_ bytes: [UInt8]) -> (main: [UInt8], included: [UInt8]) {
        let n = separator.count
        guard bytes.count >= n else { return (bytes, defaultInclude) }
        for start in 0...(bytes.count - n) where bytes[start] == separator[0] {
            if bytes[start..<(start + n)].elementsEqual(separator) {
                return (Array(bytes[..<start]) + [0x0A], Array(bytes[(start + n)...]))
            }
        }
        return (bytes, defaultInclude)
    }

    /// A deterministic seed from the input (FNV-1a), so a crash reproduces.
    static func seed(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            hash ^= UInt64(b)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}

/// An in-memory provider over raw bytes (so invalid UTF-8 reaches the parser), with
/// `InMemorySourceProvider`'s include resolution.
struct FuzzSourceProvider: SourceProvider {
    let files: [String: [UInt8]]

    func read(_ path: String) -> Result<[UInt8], SourceReadError> {
        guard let bytes = files[path] else { return .failure(.notFound) }
        return .success(bytes)
    }

    func resolve(include: String, from file: String, root: String) -> String? {
        InMemorySourceProvider([:]).resolve(include: include, from: file, root: root)
    }
}
