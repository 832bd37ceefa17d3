import Foundation
import Testing

@testable import CasusCore

/// Every input the fuzzer ever broke casus with (`Tests/Fixtures/FuzzCrashers`), hand-made
/// hostile inputs, and the limits for untrusted scenarios with their diagnostic codes.
@Suite struct FuzzRegressionTests {
    static let crashers = Fixtures.root.appendingPathComponent("FuzzCrashers")

    static var crasherNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: crashers.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func everyFuzzCrasherRunsThroughTheHarness() throws {
        for name in Self.crasherNames {
            let data = try Data(contentsOf: Self.crashers.appendingPathComponent(name))
            FuzzHarness.exercise([UInt8](data))
        }
    }

    /// Codes of the errors loading `source` gives (and it must not crash).
    func errorCodes(_ source: String) -> [String] {
        ScenarioLoader.load(source: source).diagnostics.filter { $0.severity == .error }.map(\.code.rawValue)
    }

    func step(_ body: String, roles: Int = 1, header: String = "") -> String {
        var s = "titel: T\n" + header
        for i in 0..<roles { s += "rol r\(i): Rol \(i)\n" }
        return s + "stap \"S\"\n" + body + "einde\n"
    }

    // MARK: - Hostile inputs through the harness

    @Test func handMadeHostileInputsDoNotCrash() {
        let inputs: [String] = [
            "",
            "\u{FEFF}",
            String(repeating: "\n", count: 10_000),
            String(repeating: "als x\n", count: 20_000),
            "stap \"S\"\n" + String(repeating: "voor elke rol\n", count: 20_000),
            "titel: T\nstap \"S\"\n    als " + String(repeating: "(", count: 9_000) + "\neinde\neinde\n",
            "titel: T\nstap \"S\"\n    als " + String(repeating: "niet ", count: 1_900) + "x\neinde\neinde\n",
            "titel: T\nstap \"S\"\n    zeg: " + String(repeating: "{", count: 9_000) + "\neinde\n",
            "titel: T\nstap \"S\"\n    zeg: " + String(repeating: "{{x}}", count: 1_900) + "\neinde\n",
            "titel: T\ninvoegen \"zelf.casus\"\nstap \"S\"\n    vraag a: ?\neinde\n",
            "titel: T\ninvoegen \"deel.casus\"\ninvoegen \"deel.casus\"\nstap \"S\"\n    vraag a: ?\neinde\n",
            "titel: T\nstap \"S\" (99999999999999999999 min)\n    vraag a (schaal 1-99999999999999): ?\neinde\n",
            "titel: T\nleden: 12\nstap \"S\"\n    oplossingen (min 50, max 50): ?\n    voor elk lid\n        stem s: ?\n    einde\neinde\n",
        ]
        for input in inputs {
            FuzzHarness.exercise(Array(input.utf8))
        }
        FuzzHarness.exercise([0xFF, 0xFE, 0x00, 0xC3])
        FuzzHarness.exercise(Array("titel: T\n=====\ninvoegen \"scenario.casus\"\n".utf8))
    }

    @Test func aValidScenarioIsPlayedByTheHarness() {
        let source = step("    vraag a (ja/nee): Ja?\n    vraag b (lijst, max 3): Punten?\n    voor elk p in b\n        vraag c: {p}?\n    einde\n")
        let outcome = FuzzHarness.exercise(Array(source.utf8))
        #expect(outcome.checked)
        #expect(outcome.answers >= 2)
    }

    @Test func theIncludedFileOfAnInputIsOffered() {
        let input = "titel: T\ninvoegen \"deel.casus\"\n=====\nstap \"Gedeeld\"\n    vraag a (ja/nee): ?\neinde\n"
        let outcome = FuzzHarness.exercise(Array(input.utf8))
        #expect(outcome.checked, "\(outcome.diagnostics)")
    }

    // MARK: - Nesting (C014): no recursion that can overflow the stack

    @Test func twentyThousandNestedBlocksGiveAnError() {
        #expect(errorCodes(step(String(repeating: "als x\n", count: 20_000))).contains("C014"))
        #expect(errorCodes(step(String(repeating: "voor elke rol\n", count: 20_000))).contains("C014"))
        let balanced = String(repeating: "als x\n", count: 20_000) + String(repeating: "einde\n", count: 20_000)
        #expect(errorCodes(step(balanced)).contains("C014"))
    }

    @Test func deepParenthesesAndNotInAConditionGiveC014() {
        let parens = String(repeating: "(", count: 4_900) + "x" + String(repeating: ")", count: 4_900)
        let nots = String(repeating: "niet ", count: 1_900) + "x"
        for condition in [parens, nots] {
            let source = step("    vraag x (ja/nee): ?\n    als \(condition)\n        zeg: z\n    einde\n")
            let diagnostics = ScenarioLoader.load(source: source).diagnostics
            #expect(diagnostics.map(\.code.rawValue) == ["C014"])
            #expect(diagnostics.first?.range.start.line == 5)
        }
    }

    @Test func longFlatConditionsAreCappedBeforeTheirTreeGetsDeep() {
        // Long `en`/`of` chains are flat in the text but deep in the tree (a crash at ~1,100).
        func source(_ terms: Int) -> String {
            let chain = (0..<terms).map { _ in "x" }.joined(separator: " en ")
            return step("    vraag x (ja/nee): ?\n    als \(chain) of (x en x)\n        zeg: z\n    einde\n")
        }
        let limit = ExpressionParser.maxOperators
        #expect(errorCodes(source(limit - 1)) == [])
        #expect(FuzzHarness.exercise(Array(source(limit - 1).utf8)).checked)
        let diagnostics = ScenarioLoader.load(source: source(limit)).diagnostics
        #expect(diagnostics.map(\.code.rawValue) == ["C022"])
        #expect(diagnostics.first?.message.en == "condition too long: more than 100 `and`/`or`")
        #expect(errorCodes(source(1_900)) == ["C022"])
    }

    @Test func deepInterpolationBracesAreTextErrorsNotRecursion() {
        let unclosed = step("    zeg: " + String(repeating: "{ ", count: 4_900) + "\n")
        #expect(Set(errorCodes(unclosed)) == ["C009"])
        // `{{` is a literal brace: 4,900 of them and a name are one text, no error.
        let literal = step("    zeg: " + String(repeating: "{", count: 4_900) + "x" + String(repeating: "}", count: 4_900) + "\n")
        #expect(errorCodes(literal) == [])
    }

    // MARK: - Size (C020)

    @Test func overlongLinesAreC020() {
        let source = step("    zeg: " + String(repeating: "a", count: Parser.maxLineLength + 1) + "\n")
        #expect(errorCodes(source).contains("C020"))
    }

    // MARK: - Includes (C104)

    @Test func includeCountIsCapped() {
        var files: [String: String] = [:]
        var main = "titel: T\n"
        for i in 0..<(IncludeResolver<InMemorySourceProvider>.maxFiles + 5) {
            main += "invoegen \"d\(i).casus\"\n"
            files["d\(i).casus"] = "notitie: n\n"
        }
        files["main.casus"] = main + "stap \"S\"\n    vraag a: ?\neinde\n"
        let result = ScenarioLoader.load(path: "main.casus", provider: InMemorySourceProvider(files))
        #expect(result.diagnostics.filter { $0.code.rawValue == "C104" }.count == 6)
    }

    @Test func includeDepthIsCapped() {
        var files: [String: String] = ["main.casus": "titel: T\ninvoegen \"d0.casus\"\nstap \"S\"\n    vraag a: ?\neinde\n"]
        for i in 0..<20 { files["d\(i).casus"] = "invoegen \"d\(i + 1).casus\"\n" }
        files["d20.casus"] = "notitie: n\n"
        let result = ScenarioLoader.load(path: "main.casus", provider: InMemorySourceProvider(files))
        #expect(result.diagnostics.map(\.code.rawValue) == ["C104"])
    }

    // MARK: - Roles (C160)

    @Test func atMostFiftyRoles() {
        let body = "    voor elke rol\n        vraag a: {rol}?\n    einde\n"
        #expect(errorCodes(step(body, roles: Limits.maxRoles)) == [])
        let diagnostics = ScenarioLoader.load(source: step(body, roles: Limits.maxRoles + 1)).diagnostics
        #expect(diagnostics.map(\.code.rawValue) == ["C160"])
        #expect(diagnostics.first?.range.start.line == 2 + Limits.maxRoles)
        #expect(diagnostics.first?.message.en == "too many roles: a scenario has at most 50")
    }

    // MARK: - List sizes (C161)

    @Test func listMaxAndMinAreCapped() {
        #expect(errorCodes(step("    vraag a (lijst, max 50): ?\n")) == [])
        #expect(errorCodes(step("    vraag a (lijst, max 51): ?\n")) == ["C161"])
        #expect(errorCodes(step("    vraag a (lijst, min 51): ?\n")) == ["C161"])
        #expect(errorCodes(step("    oplossingen (max 1000): ?\n")) == ["C161"])
        let d = ScenarioLoader.load(source: step("    vraag a (lijst, max 51): ?\n")).diagnostics[0]
        #expect(d.message.nl.contains("hoogstens 50"))
        #expect(d.range.start.line == 4)
    }

    @Test func longListAnswersAreRefusedWithAFriendlyMessage() throws {
        let fifty = (1...50).map { "punt \($0)" }
        #expect(try AnswerParser.parse(fifty, type: .list(min: nil, max: nil), options: []).get() == .list(fifty))
        let result = AnswerParser.parse(fifty + ["nog een"], type: .list(min: nil, max: nil), options: [])
        guard case .failure(let error) = result else {
            Issue.record("51 items accepted")
            return
        }
        #expect(error.message.en == "That is too many: name at most 50. Combine a few.")
        // The scenario's own, smaller maximum keeps its own message.
        guard case .failure(let own) = AnswerParser.parse(fifty, type: .list(min: nil, max: 3), options: []) else {
            Issue.record("50 items accepted for max 3")
            return
        }
        #expect(own.message == RuntimeMessages.listTooLong(3))
    }

    @Test func storedListsOverTheLimitAreOrphaned() throws {
        let scenario = try #require(ScenarioLoader.load(source: step("    vraag a (lijst): ?\n    voor elk p in a\n        vraag b: {p}?\n    einde\n")).scenario)
        let setup = GroupSetup(group: "G", members: ["A", "B"])
        let items = (1...200).map { "x\($0)" }
        let state = Engine(scenario: scenario).replay([
            .setup(setup, at: Timestamp(0)), .answer(AnswerKey("a"), .list(items), at: Timestamp(1)),
        ])
        #expect(state.orphaned == [AnswerKey("a")])
        #expect(state.prompt?.key == AnswerKey("a"))
    }

    // MARK: - Loop expansion (C162)

    @Test func theEffectMatrixAtItsLargestIsAllowed() {
        let body = "    oplossingen: ?\n    voor elke oplossing\n        voor elke rol\n            effect: {oplossing} {rol}?\n        einde\n    einde\n    stem s: ?\n"
        #expect(errorCodes(step(body, roles: Limits.maxRoles, header: "leden: 1-12\n")) == [])
    }

    @Test func nestedLoopsThatExpandTooFarAreC162() {
        let body = """
                vraag a (lijst): ?
                vraag b (lijst): ?
                vraag c (lijst): ?
                voor elk x in a
                    voor elk y in b
                        voor elk z in c
                            zeg: {x} {y} {z}
                        einde
                    einde
                einde

            """
        let diagnostics = ScenarioLoader.load(source: step(body)).diagnostics
        #expect(diagnostics.map(\.code.rawValue) == ["C162"])
        // At the innermost loop, which multiplies most: 50 × 50 × 50.
        #expect(diagnostics.first?.range.start.line == 9)
        #expect(diagnostics.first?.notes.first?.message.en.contains("> 10000") == true)
        // With small lists the same nesting is fine.
        let small = body.replacingOccurrences(of: "(lijst)", with: "(lijst, max 10)")
        #expect(errorCodes(step(small)) == [])
    }

    @Test func deeplyNestedItemLoopsDoNotOverflowTheCount() {
        var body = ""
        for i in 0..<40 { body += "    vraag l\(i) (lijst): ?\n" }
        for i in 0..<40 { body += String(repeating: "    ", count: i + 1) + "voor elk v\(i) in l\(i)\n" }
        body += String(repeating: "    ", count: 41) + "zeg: diep\n"
        for i in (0..<40).reversed() { body += String(repeating: "    ", count: i + 1) + "einde\n" }
        #expect(errorCodes(step(body)) == ["C162"])
    }

    // MARK: - Rendered text (Interpolator)

    @Test func renderedTextIsCapped() throws {
        let scenario = try #require(ScenarioLoader.load(source: step("    vraag a (lang): ?\n    zeg: Eerst {a} en dan {a}.\n")).scenario)
        let huge = String(repeating: "é", count: 50_000)
        let interpolator = Interpolator(scenario: scenario, setup: GroupSetup(group: "G", members: ["A", "B"]), answers: [AnswerKey("a"): .longText(huge)])
        guard case .say(let text)? = scenario.steps[0].body.last else {
            Issue.record("no say")
            return
        }
        let rendered = interpolator.render(text)
        #expect(rendered.count == Limits.maxRenderedCharacters + 1)
        #expect(rendered.hasPrefix("Eerst éé"))
        #expect(rendered.hasSuffix("é…"))
        // Short texts are untouched.
        let short = Interpolator(scenario: scenario, setup: nil, answers: [AnswerKey("a"): .longText("x")])
        #expect(short.render(text) == "Eerst x en dan x.")
    }

    // MARK: - Showing source lines

    @Test func sourceLinesForDiagnosticsMatchTheParsersLines() {
        let text = "\u{FEFF}titel: a\r\nb\rc\n\nd é\ne"
        let result = ScenarioLoader.load(source: text, path: "x.casus")
        // A byte-order mark is dropped on reading: line 1 starts at its first character.
        let expected = SourceLine.split(String(text.dropFirst())).map { String($0.text) }
        #expect(expected.count == 6)
        for (i, line) in expected.enumerated() { #expect(result.line(i + 1, of: "x.casus") == line) }
        #expect(result.line(0, of: "x.casus") == nil)
        #expect(result.line(7, of: "x.casus") == nil)
        #expect(result.line(1, of: "other.casus") == nil)
    }

    @Test func aFileFullOfErrorsRendersInLinearTime() {
        // Each rendered diagnostic used to split the whole file again: minutes for 20,000 lines.
        let text = "titel: T\n" + String(repeating: "onzin regel\n", count: 20_000)
        let result = ScenarioLoader.load(source: text, path: "x.casus")
        #expect(result.diagnostics.count == 20_000)
        let renderer = DiagnosticRenderer(language: .nl) { f, n in result.line(n, of: f) }
        var total = 0
        for d in result.diagnostics { total += renderer.render(d).utf8.count }
        #expect(total > 20_000 * 20)
    }

    // MARK: - "Did you mean" on long names

    /// The full Damerau-Levenshtein table, for comparison with the banded one.
    static func fullDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }

    @Test func bandedEditDistanceAgreesWithTheFullTable() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<3_000 {
            let a = (0..<rng.below(9)).map { _ in Unicode.Scalar(UInt8(97 + rng.below(3))) }
            let b = (0..<rng.below(9)).map { _ in Unicode.Scalar(UInt8(97 + rng.below(3))) }
            let limit = 1 + rng.below(3)
            let full = Self.fullDistance(a, b)
            let banded = Suggestion.distance(a, b, limit: limit)
            if full <= limit {
                #expect(banded == full, "\(a) \(b) limit \(limit)")
            } else {
                #expect(banded > limit, "\(a) \(b) limit \(limit)")
            }
        }
    }

    @Test func longSimilarUndefinedNamesAreSuggestedQuickly() {
        // Many long names that differ only at the end: each suggestion compares them all.
        let stem = String(repeating: "a", count: 3_000)
        var body = ""
        for i in 0..<30 { body += "    vraag \(stem)\(i)x (ja/nee): ?\n" }
        for i in 0..<30 { body += "    zeg: {\(stem)\(i)y}\n" }
        let codes = errorCodes(step(body))
        #expect(codes.count == 30 && codes.allSatisfy { $0 == "C121" })
        #expect(Suggestion.nearest(to: stem + "1", in: [stem + "2"]) == nil)
        #expect(Suggestion.nearest(to: "groepsdrukk", in: ["groepsdruk"]) == "groepsdruk")
    }

    @Test func manyUnknownNamesAreReportedWithoutQuadraticSuggestions() {
        var body = ""
        for i in 0..<2_000 { body += "    vraag naam\(i) (ja/nee): ?\n" }
        for i in 0..<2_000 { body += "    zeg: {onbekend\(i)}\n" }
        let diagnostics = ScenarioLoader.load(source: step(body)).diagnostics
        #expect(diagnostics.count == 2_000)
        #expect(diagnostics.prefix(10).allSatisfy { $0.code.rawValue == "C121" })
    }

    /// Text is held to the file limit too (`casus fmt` reads text): one byte over gives the
    /// size error, not a parse of the whole.
    @Test func textOverTheFileLimitIsRefused() {
        // Short lines (comments), so no other limit or error can be the one reported.
        let text = String(repeating: "#\n", count: Parser.maxFileBytes / 2 + 1)
        guard case .failure(.invalid(let diagnostics)) = Formatter.format(text, path: "groot.casus") else {
            Issue.record("a text over the limit was formatted")
            return
        }
        #expect(diagnostics.map(\.code.rawValue) == ["C020"])
    }
}
