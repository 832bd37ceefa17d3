import ArgumentParser
import CasusCore
import CasusSession
import CasusStore
import Foundation

/// `casus fmt FILE [--write]` — prints (or writes) the canonical layout.
struct FmtCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "fmt",
            abstract: CommandLanguage.text("Toon een scenario in de vaste opmaak; --write herschrijft het bestand.", "Print a scenario in the canonical layout; --write rewrites the file."),
            discussion: CommandLanguage.text("Afsluitcode: 0 als het lukt, 1 als het bestand fouten heeft (er verandert niets), 2 bij verkeerd gebruik.", "Exit status: 0 on success, 1 when the file has errors (nothing is changed), 2 on usage errors."))
    }

    @Argument(help: helpText("Het scenariobestand (.casus).", "The scenario file (.casus)."))
    var file: String

    @Flag(help: helpText("Herschrijf het bestand zelf (in één keer, met dezelfde rechten).", "Rewrite the file in place (atomically, keeping its permissions)."))
    var write = false

    @Option(help: helpText("Taal van de meldingen: nl of en (anders die van het scenario).", "Language of the messages: nl or en (default: the scenario's)."))
    var lang: Language?

    func run() throws {
        let result = ScenarioLoader.load(path: file, provider: FileSourceProvider())
        let language = LanguageChoice.resolve(flag: lang, scenario: result.language)
        let renderer = DiagnosticRenderer(language: language, style: Output.diagnosticStyle()) { f, n in result.line(n, of: f) }
        // Read as the loader reads (regular files only, at most the size limit), never
        // with a plain read that would wait on a FIFO.
        guard case .success(let raw) = FileSourceProvider().read(file) else {
            for d in result.diagnostics { Output.errDiagnostic(renderer.render(d)) }
            throw ExitCode(2)
        }
        // Decoded as the loader decodes, so a Windows-1252 file is written back as UTF-8.
        let decoded = SourceDecoding.decode(raw)
        let source = decoded.text
        // An included fragment (no `titel:`) is checked for syntax only, by the formatter.
        let isFragment = !source.split(separator: "\n").contains {
            let t = $0.drop { $0 == " " || $0 == "\t" }.lowercased()
            return t.hasPrefix("titel:") || t.hasPrefix("title:")
        }
        if result.diagnostics.hasErrors && !isFragment {
            for d in result.diagnostics { Output.errDiagnostic(renderer.render(d)) }
            Output.err(LocalizedText(nl: "niet opgemaakt: los eerst de fouten op\n", en: "not formatted: fix the errors first\n").text(language))
            throw ExitCode(1)
        }
        switch Formatter.format(source, path: file) {
        case .failure(.invalid(let diagnostics)):
            for d in diagnostics { Output.errDiagnostic(renderer.render(d)) }
            throw ExitCode(1)
        case .failure(.meaningChanged):
            Output.err(LocalizedText(
                nl: "niet opgemaakt: de opmaak zou de betekenis veranderen (meld dit als fout)\n",
                en: "not formatted: the layout would change the meaning (please report this bug)\n").text(language))
            throw ExitCode(1)
        case .success(let formatted):
            if !write {
                Output.out(formatted)
                return
            }
            if formatted == source && decoded.encoding == .utf8 { return }
            // The durable write (temp, fsync, rename, fsync of the folder), keeping the file's
            // permissions; a failure is said, not only signalled by the exit status.
            let mode = ((try? FileManager.default.attributesOfItem(atPath: file))?[.posixPermissions] as? Int).map { mode_t($0) }
            do {
                try DurableFile.replace(Data(formatted.utf8), at: URL(fileURLWithPath: file), mode: mode ?? 0o644)
            } catch {
                let reason = (error as? StoreError)?.code.map(StoreMessages.cause)
                    ?? LocalizedText(nl: "\(error)", en: "\(error)")
                Output.err(LocalizedText(
                    nl: "niet geschreven: \(file): \(reason.nl)\n",
                    en: "not written: \(file): \(reason.en)\n").text(language))
                throw ExitCode(2)
            }
        }
    }
}
