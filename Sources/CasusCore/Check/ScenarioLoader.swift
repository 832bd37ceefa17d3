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
        public var sources: [String: [UInt8]] {
            didSet { lineIndex = Self.index(sources, diagnostics) }
        }
        /// The language named by the main file's `taal:` line, even when loading failed.
        public var language: Language?
        /// Where each line of each source starts, so `line(_:of:)` does not split the whole
        /// file for every diagnostic (quadratic on a file full of errors).
        private var lineIndex: [String: LineIndex]

        init(scenario: Scenario?, diagnostics: [Diagnostic], sources: [String: [UInt8]], language: Language?) {
            self.scenario = scenario
            self.diagnostics = diagnostics
            self.sources = sources
            self.language = language
            self.lineIndex = Self.index(sources, diagnostics)
        }

        /// Line indexes only for files that diagnostics point into (and are text): a clean
        /// check pays nothing for them.
        private static func index(_ sources: [String: [UInt8]], _ diagnostics: [Diagnostic]) -> [String: LineIndex] {
            var index: [String: LineIndex] = [:]
            for file in Set(diagnostics.map(\.range.file)) {
                guard let bytes = sources[file], Parser.isValidUTF8(bytes) else { continue }
                index[file] = LineIndex(bytes)
            }
            return index
        }

        /// The source line `number` (1-based) of `file`, if known.
        public func line(_ number: Int, of file: String) -> String? {
            guard let bytes = sources[file], let index = lineIndex[file] else { return nil }
            return index.line(number, in: bytes)
        }
    }

    /// Loads the scenario at `path`; includes must stay inside the main file's folder.
    public static func load(path: String, provider: some SourceProvider) -> Result {
        var loader = IncludeResolver(mainPath: path, provider: provider)
        let files = loader.resolve()
        var diagnostics = loader.diagnostics
        var scenario: Scenario?
        // A file that is not text at all gets one error, not a list of follow-ons.
        let fatal = diagnostics.contains { [.notText, .emptyFile, .tooLarge].contains($0.code) && $0.range.start.line == 1 }
        if let files, !fatal {
            var checker = Checker(mainPath: path, items: files, hadSyntaxErrors: diagnostics.hasErrors)
            checker.brokenNames = loader.brokenNames
            checker.includeFailed = loader.includeFailed
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

/// The byte ranges of a text's lines, split as `SourceLine.split` splits them (`\n`, `\r\n`
/// and `\r` end a line; no empty last line after a final break).
struct LineIndex: Sendable {
    private var ranges: [Range<Int>] = []

    init(_ bytes: [UInt8]) {
        ranges = Self.ranges(bytes)
    }

    private static func ranges(_ bytes: some Collection<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        var i = 0
        var iterator = bytes.makeIterator()
        var pending = iterator.next()
        while let b = pending {
            pending = iterator.next()
            if b == 0x0A || b == 0x0D {
                out.append(start..<i)
                if b == 0x0D, pending == 0x0A {
                    pending = iterator.next()
                    i += 1
                }
                i += 1
                start = i
                continue
            }
            i += 1
        }
        if start < i { out.append(start..<i) }
        return out
    }

    /// Line `number` (1-based) of `text`, without its line break.
    func line(_ number: Int, in bytes: [UInt8]) -> String? {
        guard number >= 1, number <= ranges.count else { return nil }
        let range = ranges[number - 1]
        guard range.upperBound <= bytes.count else { return nil }
        return String(decoding: bytes[range], as: UTF8.self)
    }
}
