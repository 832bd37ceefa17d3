import ArgumentParser
import CasusCore
import CasusSession
import Foundation

/// `casus check FILE...` — compiler-quality diagnostics for scenarios.
struct CheckCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "check",
            abstract: CommandLanguage.text("Controleer scenario's en meld problemen met bestand:regel:kolom.", "Check scenarios and report problems with file:line:col."),
            discussion: CommandLanguage.text("Afsluitcode: 0 als alles klopt (waarschuwingen mogen), 1 bij fouten, 2 bij verkeerd gebruik of onleesbare bestanden.", "Exit status: 0 when clean (warnings allowed), 1 on errors, 2 on usage errors or unreadable files."))
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: helpText("Scenariobestanden (.casus).", "Scenario files (.casus)."))
    var files: [String]

    @Option(help: helpText("Uitvoer: text of json (voor editors).", "Output format: text or json (for editors)."))
    var format: Format = .text

    @Option(help: helpText("Taal van de meldingen: nl of en (anders die van het scenario).", "Language of the messages: nl or en (default: the scenario's)."))
    var lang: Language?

    @Flag(help: helpText("Toon ook de notities voor de begeleider (notitie:) van elk scenario zonder fouten.", "Also print the facilitator notes (notitie:) of each scenario that checks clean."))
    var notes = false

    func validate() throws {
        if files.isEmpty { throw ValidationError(CommandLanguage.text("geef minstens één scenariobestand", "give at least one scenario file")) }
    }

    func run() throws {
        var worst: Int32 = 0
        var reports: [DiagnosticsJSON.File] = []
        var totals = (errors: 0, warnings: 0)
        var lastLanguage: Language = .nl
        for file in files {
            let result = ScenarioLoader.load(path: file, provider: FileSourceProvider())
            // One file speaks its scenario's language (unless told otherwise); several files
            // are one report, in the interface language, not in whichever file came last.
            let language = LanguageChoice.resolve(flag: lang, scenario: files.count == 1 ? result.language : nil)
            lastLanguage = language
            let unreadable = result.diagnostics.contains { $0.code == .unreadableFile }
            worst = max(worst, unreadable ? 2 : (result.diagnostics.hasErrors ? 1 : 0))
            totals.errors += result.diagnostics.filter { $0.severity == .error }.count
            totals.warnings += result.diagnostics.filter { $0.severity == .warning }.count
            switch format {
            case .json:
                reports.append(DiagnosticsJSON.File(path: file, diagnostics: result.diagnostics, language: language))
            case .text:
                if notes, let scenario = result.scenario {
                    Output.out(FacilitatorNotes.render(scenario, language: language) + "\n")
                }
                let sources = result
                let renderer = DiagnosticRenderer(language: language, style: Output.diagnosticStyle()) { f, n in
                    sources.line(n, of: f)
                }
                for d in result.diagnostics { Output.errDiagnostic(renderer.render(d)) }
            }
        }
        switch format {
        case .json:
            Output.outJSON(DiagnosticsJSON.encode(reports) + "\n")
        case .text:
            let renderer = DiagnosticRenderer(language: lastLanguage) { _, _ in nil }
            if totals.errors + totals.warnings > 0 {
                Output.err(renderer.summary(errors: totals.errors, warnings: totals.warnings) + "\n")
            } else {
                let ok = lastLanguage == .nl ? "in orde" : "ok"
                Output.out(files.map { "\($0): \(ok)" }.joined(separator: "\n") + "\n")
            }
        }
        if worst != 0 { throw ExitCode(worst) }
    }
}

/// The `--format json` shape: one object per file with its diagnostics.
enum DiagnosticsJSON {
    struct File: Encodable {
        var path: String
        var diagnostics: [Item]

        init(path: String, diagnostics: [Diagnostic], language: Language) {
            self.path = path
            self.diagnostics = diagnostics.map { Item($0, language) }
        }
    }

    struct Position: Encodable {
        var file: String
        var line: Int
        var column: Int
        var endLine: Int
        var endColumn: Int

        init(_ r: SourceRange) {
            file = r.file
            line = r.start.line
            column = r.start.column
            endLine = r.end.line
            endColumn = r.end.column
        }
    }

    struct Note: Encodable {
        var message: String
        var location: Position?
    }

    struct Fix: Encodable {
        var message: String
        var replacement: String?
        var location: Position?
    }

    struct Item: Encodable {
        var code: String
        var severity: String
        var message: String
        var location: Position
        var notes: [Note]
        var fixIt: Fix?

        init(_ d: Diagnostic, _ language: Language) {
            code = d.code.rawValue
            severity = d.severity.rawValue
            message = d.message.text(language)
            location = Position(d.range)
            notes = d.notes.map { Note(message: $0.message.text(language), location: $0.range.map(Position.init)) }
            fixIt = d.fixIt.map { Fix(message: $0.message.text(language), replacement: $0.replacement, location: $0.range.map(Position.init)) }
        }
    }

    static func encode(_ files: [File]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(files) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}
