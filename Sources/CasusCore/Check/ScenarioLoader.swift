/// Loads a scenario: parses the main file and its includes, then checks the whole.
///
/// The one entry point for `check`, `play`, `test` and `fmt`: a `Scenario` is produced only
/// when there are no errors; warnings come along either way.
public enum ScenarioLoader {
    /// The outcome of loading.
    public struct Result: Sendable {
        public var scenario: Scenario?
        public var diagnostics: [Diagnostic]
        /// The bytes of every file read, by path, so diagnostics can show the source line.
        public var sources: [String: [UInt8]]
        /// The language named by the main file's `taal:` line, even when loading failed.
        public var language: Language?

        /// The source line `number` (1-based) of `file`, if known.
        public func line(_ number: Int, of file: String) -> String? {
            // Only text files show their lines; checked here, when a diagnostic needs it.
            guard let bytes = sources[file], Parser.isValidUTF8(bytes) else { return nil }
            let lines = SourceLine.split(bytes)
            guard number >= 1, number <= lines.count else { return nil }
            return lines[number - 1].string
        }
    }

    /// Loads the scenario at `path`; includes must stay inside the main file's folder.
    public static func load(path: String, provider: some SourceProvider) -> Result {
        var loader = IncludeResolver(mainPath: path, provider: provider)
        let files = loader.resolve()
        var diagnostics = loader.diagnostics
        var scenario: Scenario?
        // A file that is not text at all gets one error, not a list of follow-ons.
        let fatal = diagnostics.contains { ["C001", "C002", "C020"].contains($0.code) && $0.range.start.line == 1 }
        if let files, !fatal {
            var checker = Checker(mainPath: path, items: files, hadSyntaxErrors: diagnostics.hasErrors)
            checker.brokenNames = loader.brokenNames
            let checked = checker.check()
            diagnostics += checker.diagnostics
            if !diagnostics.hasErrors { scenario = checked }
        }
        return Result(
            scenario: scenario, diagnostics: diagnostics.sortedForDisplay(), sources: loader.sources,
            language: loader.mainLanguage)
    }

    /// Loads a scenario given as text (tests, fuzzing, `casus new`); includes are not found.
    public static func load(source: String, path: String = "scenario.casus") -> Result {
        load(path: path, provider: InMemorySourceProvider([path: source]))
    }
}
