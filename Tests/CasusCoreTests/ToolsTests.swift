import Foundation
import Testing
@testable import CasusCore

/// Files of the package, read from disk for the tool tests.
enum PackageFiles {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url.path
    }()

    static func files(_ folder: String, ext: String) -> [String] {
        let path = root + "/" + folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { path + "/" + $0 }
    }

    static func read(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }
}

struct DiskProvider: SourceProvider {
    func read(_ path: String) -> Result<[UInt8], SourceReadError> {
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(.notFound) }
        return .success([UInt8](data))
    }

    func resolve(include: String, from file: String, root: String) -> String? {
        InMemorySourceProvider([:]).resolve(include: include, from: file, root: root)
    }
}

private func load(_ source: String) throws -> Scenario {
    let result = ScenarioLoader.load(source: source, path: "t.casus")
    return try #require(result.scenario, "\(result.diagnostics.map { $0.message.en })")
}

@Suite struct ScenarioTesterTests {
    @Test func coversEveryBranchAndOption() throws {
        let scenario = try load("""
            titel: T
            stap "A"
                vraag x (ja/nee): X?
                als x
                    zeg: ja
                anders
                    zeg: nee
                einde
                vraag k (keuze): Welke?
                    - een
                    - twee
                    - drie
                als k = "drie"
                    vraag z (tekst): Z?
                einde
            einde
            """)
        let report = ScenarioTester(scenario: scenario).run()
        #expect(report.findings.isEmpty, "\(report.findings.map { $0.message.en })")
        #expect(report.branchesCovered == report.branchesTotal)
        #expect(report.branchesTotal == 4)
        #expect(report.optionsCovered == 3 && report.optionsTotal == 3)
        #expect(report.stepsReached == 1)
    }

    @Test func reportsAnImpossibleBranch() throws {
        let scenario = try load("""
            titel: T
            stap "A"
                vraag x (ja/nee): X?
                als x en niet x
                    zeg: nooit
                einde
            einde
            """)
        let report = ScenarioTester(scenario: scenario).run()
        let warning = try #require(report.findings.first { $0.code.rawValue == "T020" })
        #expect(warning.severity == .warning)
        #expect(warning.range.start.line == 4)
        #expect(!report.hasErrors)
        #expect(report.branchesCovered == 1 && report.branchesTotal == 2)
    }

    @Test func reportsAStepAfterADeadEndWithItsLine() throws {
        // The checker refuses impossible questions, so make one by hand after checking: a
        // choice without options, which no answer fits, is a runtime dead end.
        var blocked = try load("""
            titel: T
            stap "A"
                vraag onmogelijk (schaal 1-5): Hoeveel?
            einde
            stap "B"
                vraag y (tekst): Y?
            einde
            """)
        guard case .question(let q) = blocked.steps[0].body[0] else { Issue.record("no question"); return }
        blocked.steps[0].body[0] = .question(
            Question(keyword: q.keyword, id: q.id, type: .choice, prompt: q.prompt, options: [], range: q.range))
        let report = ScenarioTester(scenario: blocked).run()
        #expect(report.findings.contains { $0.code.rawValue == "T001" && $0.range.start.line == 3 })
        #expect(report.findings.contains { $0.code.rawValue == "T010" && $0.range.start.line == 5 })
        #expect(report.stepsReached == 1 && report.stepsTotal == 2)
    }

    @Test func randomRunsAreDeterministic() throws {
        let path = PackageFiles.root + "/Scenarios/vo1-afpersing-havo4.casus"
        let scenario = try #require(ScenarioLoader.load(path: path, provider: DiskProvider()).scenario)
        let a = ScenarioTester(scenario: scenario).random(runs: 5, seed: 42)
        let b = ScenarioTester(scenario: scenario).random(runs: 5, seed: 42)
        #expect(a.promptsAnswered == b.promptsAnswered && a.branchesCovered == b.branchesCovered)
        #expect(!a.hasErrors)
    }

    /// The work of one test is bounded: answers plus the lines each run walks. A bound
    /// smaller than the scenario needs stops the test early, says so, and reports no line
    /// as unreached (it was not played, not proven unreachable).
    @Test func theWorkBoundStopsATestEarly() throws {
        var source = "titel: T\n"
        for i in 0..<40 {
            source += "stap \"S\(i)\"\n    vraag k\(i) (keuze): Welke?\n        - een\n        - twee\n        - drie\n"
            source += "    als k\(i) = \"drie\"\n        zeg: drie\n    einde\neinde\n"
        }
        let scenario = try load(source)
        let whole = ScenarioTester(scenario: scenario).run()
        #expect(!whole.stoppedEarly)
        #expect(whole.findings.isEmpty, "\(whole.findings.map { $0.message.en })")
        // One run answers 40 questions and walks 120 lines: a bound of 300 allows two runs.
        let bounded = ScenarioTester(scenario: scenario, workBound: 300).run()
        #expect(bounded.stoppedEarly)
        #expect(bounded.runs == 2, "\(bounded.runs) runs")
        #expect(bounded.runs < whole.runs)
        #expect(bounded.findings.isEmpty, "\(bounded.findings.map { $0.code })")
        #expect(TesterMessages.stoppedEarly(bounded).en.hasPrefix("stopped after 2 runs and 80 answers"))
        #expect(TesterMessages.stoppedEarly(bounded).nl.hasPrefix("gestopt na 2 speelrondes en 80 antwoorden"))
        // A bound reached inside a run cuts it off without calling it endless (T003).
        let cut = ScenarioTester(scenario: scenario, workBound: 10).run()
        #expect(cut.stoppedEarly && cut.runs == 1 && cut.promptsAnswered == 10)
        #expect(cut.findings.isEmpty, "\(cut.findings.map { $0.code })")
        let random = ScenarioTester(scenario: scenario, workBound: 10).random(runs: 5, seed: 1)
        #expect(random.stoppedEarly && random.runs == 1)
    }

    @Test func everyBundledScenarioPasses() throws {
        let files = PackageFiles.files("Scenarios", ext: "casus")
        #expect(files.count == 6)
        for file in files {
            let scenario = try #require(ScenarioLoader.load(path: file, provider: DiskProvider()).scenario, "\(file)")
            let report = ScenarioTester(scenario: scenario).run()
            #expect(!report.stoppedEarly, "\(file): the work bound must leave real scenarios alone")
            #expect(!report.hasErrors, "\(file): \(report.findings.map { "\($0.range.start.line): \($0.message.en)" })")
            #expect(report.stepsReached == report.stepsTotal)
        }
    }

    @Test func everyPlaythroughScriptReachesTheEnd() throws {
        let scripts = PackageFiles.files("Tests/Fixtures/Playthroughs", ext: "answers")
        #expect(!scripts.isEmpty)
        for scriptPath in scripts {
            let name = (scriptPath as NSString).lastPathComponent.replacingOccurrences(of: ".answers", with: ".casus")
            let scenarioPath = PackageFiles.root + "/Scenarios/" + name
            let scenario = try #require(ScenarioLoader.load(path: scenarioPath, provider: DiskProvider()).scenario)
            let (script, problems) = AnswerScript.parse(PackageFiles.read(scriptPath), path: scriptPath)
            #expect(problems.isEmpty)
            let report = ScenarioTester(scenario: scenario).replay(script: script)
            #expect(report.reachedEnd, "\(name): \(report.findings.map(\.message.en))")
        }
    }
}

@Suite struct FormatterTests {
    static func commentCount(_ s: String) -> Int {
        s.split(separator: "\n").filter { $0.drop { $0 == " " || $0 == "\t" }.hasPrefix("#") }.count
    }

    func roundTrip(_ path: String) throws {
        let source = PackageFiles.read(path)
        let once = try Formatter.format(source, path: path).get()
        let twice = try Formatter.format(once, path: path).get()
        #expect(once == twice, "not idempotent: \(path)")
        // The same tree, metadata values read in canonical spelling (`45 minutes` is `45 min`).
        #expect(ASTComparison.same(CanonicalSpelling.canonicalMetadata(Parser.parse(source, path: path).0), Parser.parse(once, path: path).0))
        #expect(Self.commentCount(source) == Self.commentCount(once), "\(path)")
        #expect(!once.contains(" \n") && once.hasSuffix("\n") && !once.contains("\n\n\n"))
    }

    @Test func bundledScenariosRoundTrip() throws {
        let files = PackageFiles.files("Scenarios", ext: "casus") + PackageFiles.files("Scenarios/gedeeld", ext: "casus")
        for file in files { try roundTrip(file) }
        // The formatted main scenarios still check clean (includes resolve next to them).
        for file in PackageFiles.files("Scenarios", ext: "casus") {
            let formatted = try Formatter.format(PackageFiles.read(file), path: file).get()
            var files: [String: String] = [file: formatted]
            for fragment in PackageFiles.files("Scenarios/gedeeld", ext: "casus") { files[fragment] = PackageFiles.read(fragment) }
            let result = ScenarioLoader.load(path: file, provider: InMemoryDiskMix(files: files))
            #expect(!result.diagnostics.hasErrors, "\(file)")
        }
    }

    @Test func fixturesRoundTripOrAreRefused() throws {
        for file in PackageFiles.files("Tests/Fixtures/Valid", ext: "casus") { try roundTrip(file) }
        for file in PackageFiles.files("Tests/Fixtures/Broken", ext: "casus") {
            let source = PackageFiles.read(file)
            if Parser.parse(source, path: file).1.hasErrors {
                guard case .failure(.invalid) = Formatter.format(source, path: file) else {
                    Issue.record("broken file formatted: \(file)")
                    continue
                }
            }
        }
    }

    @Test func messyLayoutBecomesCanonical() throws {
        let messy = "titel:   T\n\n\n\n# over A\nstap   \"A\"   (5 min)   \n        vraag  x (ja/nee):   Klopt?   \n  als   x   # c\n zeg:\n           Een\n             dieper\n\n\n           twee\n einde\neinde\nstap \"B\"\n vraag y:  Y?\neinde"
        let expected = """
            titel: T

            # over A
            stap "A" (5 min)
                vraag x (ja/nee): Klopt?
                als x # c
                    zeg:
                        Een
                          dieper

                        twee
                einde
            einde

            stap "B"
                vraag y: Y?
            einde

            """
        let out = try Formatter.format(messy).get()
        #expect(out == expected)
        #expect(try Formatter.format(out).get() == out)
    }

    @Test func brokenFileIsRefused() {
        guard case .failure(.invalid(let d)) = Formatter.format("titel: T\nstap \"A\"\n    vrag x: X?\neinde\n") else {
            Issue.record("formatted a broken file")
            return
        }
        #expect(d.hasErrors)
    }

    @Test func starterScenariosCheckCleanAndAreCanonical() throws {
        for language in Language.allCases {
            let text = StarterScenario.text(language)
            let result = ScenarioLoader.load(source: text)
            #expect(!result.diagnostics.hasErrors)
            #expect(try Formatter.format(text).get() == text)
            let report = ScenarioTester(scenario: try #require(result.scenario)).run()
            #expect(report.findings.isEmpty)
        }
    }
}

/// Memory for given paths, disk for the rest.
struct InMemoryDiskMix: SourceProvider {
    var files: [String: String]
    func read(_ path: String) -> Result<[UInt8], SourceReadError> {
        if let text = files[path] { return .success(Array(text.utf8)) }
        return DiskProvider().read(path)
    }
    func resolve(include: String, from file: String, root: String) -> String? {
        InMemorySourceProvider([:]).resolve(include: include, from: file, root: root)
    }
}
