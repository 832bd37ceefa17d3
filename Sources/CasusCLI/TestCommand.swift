import ArgumentParser
import CasusCore
import CasusSession
import Foundation

/// `casus test FILE...` — plays scenarios automatically and reports dead ends, unreached
/// steps, untaken branches and unchosen options.
struct TestCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "test",
            abstract: CommandLanguage.text("Speel scenario's automatisch en meld doodlopende paden en takken die nooit gespeeld worden.", "Play scenarios automatically and report dead ends and uncovered branches."),
            discussion: CommandLanguage.text("Afsluitcode: 0 als elke stap bereikt wordt zonder doodlopend pad (waarschuwingen mogen), 1 bij problemen, 2 bij verkeerd gebruik.", "Exit status: 0 when every step is reached without dead ends (warnings allowed), 1 on problems, 2 on usage errors."))
    }

    @Argument(help: helpText("Scenariobestanden (.casus).", "Scenario files (.casus)."))
    var files: [String]

    @Option(help: helpText("Speel N willekeurige rondes (met vast zaadgetal) in plaats van de dekkingsrondes.", "Play N seeded random playthroughs instead of the coverage runs."))
    var random: Int?

    @Option(help: helpText("Zaadgetal voor --random (standaard 1).", "Seed for --random (default 1)."))
    var seed: UInt64 = 1

    @Option(help: helpText("Speel dit antwoordscript af.", "Replay this answer script through the engine."))
    var answers: String?

    @Option(help: helpText("Taal van de meldingen: nl of en (anders die van het scenario).", "Language of the messages: nl or en (default: the scenario's)."))
    var lang: Language?

    func validate() throws {
        if files.isEmpty { throw ValidationError(CommandLanguage.text("geef minstens één scenariobestand", "give at least one scenario file")) }
        if let random, random < 1 { throw ValidationError(CommandLanguage.text("--random neemt een positief getal", "--random takes a positive number")) }
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
                for d in result.diagnostics { Output.errDiagnostic(renderer.render(d)) }
                worst = max(worst, result.diagnostics.contains { $0.code == .unreadableFile } ? 2 : 1)
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
                for d in all { Output.errDiagnostic(scriptRenderer.render(d)) }
                Output.out("\(file): " + TesterMessages.scriptSummary(report).text(language) + "\n")
                if !report.reachedEnd || all.hasErrors { worst = max(worst, 1) }
                continue
            }
            let report = random.map { tester.random(runs: $0, seed: seed) } ?? tester.run()
            for d in report.findings { Output.errDiagnostic(renderer.render(d)) }
            Output.out("\(file):\n" + TesterMessages.summary(report).text(language) + "\n")
            if report.stoppedEarly { Output.out(TesterMessages.stoppedEarly(report).text(language) + "\n") }
            if report.hasErrors { worst = max(worst, 1) }
        }
        if worst != 0 { throw ExitCode(worst) }
    }
}
