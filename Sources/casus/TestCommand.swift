import ArgumentParser
import CasusCore
import Foundation

/// `casus test FILE...` — plays scenarios automatically and reports dead ends, unreached
/// steps, untaken branches and unchosen options.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Play scenarios automatically and report dead ends and uncovered branches.",
        discussion: "Exit status: 0 when every step is reached without dead ends (warnings allowed), 1 on problems, 2 on usage errors.")

    @Argument(help: "Scenario files (.casus).")
    var files: [String]

    @Option(help: "Play N seeded random playthroughs instead of the coverage runs.")
    var random: Int?

    @Option(help: "Seed for --random (default 1).")
    var seed: UInt64 = 1

    @Option(help: "Replay this answer script through the engine.")
    var answers: String?

    @Option(help: "Language of the messages: nl or en (default: the scenario's).")
    var lang: Language?

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one scenario file") }
        if let random, random < 1 { throw ValidationError("--random takes a positive number") }
    }

    func run() throws {
        var worst: Int32 = 0
        for file in files {
            let result = ScenarioLoader.load(path: file, provider: FileSourceProvider())
            let language = LanguageChoice.resolve(flag: lang, scenario: result.language)
            let renderer = DiagnosticRenderer(language: language, style: Output.diagnosticStyle()) { f, n in
                result.line(n, of: f)
            }
            guard let scenario = result.scenario else {
                for d in result.diagnostics { Output.err(renderer.render(d)) }
                worst = max(worst, result.diagnostics.contains { $0.code == "C100" } ? 2 : 1)
                continue
            }
            let tester = ScenarioTester(scenario: scenario)
            if let answers {
                guard let data = FileManager.default.contents(atPath: answers) else {
                    Output.err((language == .nl ? "kan niet lezen: " : "cannot read: ") + answers + "\n")
                    throw ExitCode(2)
                }
                let (script, problems) = AnswerScript.parse(String(decoding: data, as: UTF8.self), path: answers)
                let scriptLines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let scriptRenderer = DiagnosticRenderer(language: language, style: Output.diagnosticStyle()) { f, n in
                    if f == answers { return n >= 1 && n <= scriptLines.count ? String(scriptLines[n - 1]) : nil }
                    return result.line(n, of: f)
                }
                let report = tester.replay(script: script)
                let all = (problems + script.unknownKeys(in: scenario) + report.findings).sortedForDisplay()
                for d in all { Output.err(scriptRenderer.render(d)) }
                Output.out("\(file): " + TesterMessages.scriptSummary(report).text(language) + "\n")
                if !report.reachedEnd || all.hasErrors { worst = max(worst, 1) }
                continue
            }
            let report = random.map { tester.random(runs: $0, seed: seed) } ?? tester.run()
            for d in report.findings { Output.err(renderer.render(d)) }
            Output.out("\(file):\n" + TesterMessages.summary(report).text(language) + "\n")
            if report.hasErrors { worst = max(worst, 1) }
        }
        if worst != 0 { throw ExitCode(worst) }
    }
}
