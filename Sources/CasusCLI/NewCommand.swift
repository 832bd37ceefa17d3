import ArgumentParser
import CasusCore
import Foundation

/// `casus new FILE [--lang nl|en]` — writes a commented starter scenario.
struct NewCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "new",
            abstract: CommandLanguage.text("Schrijf een startscenario met uitleg (standaard in het Nederlands).", "Write a commented starter scenario (Dutch by default)."),
            discussion: CommandLanguage.text("Afsluitcode: 0 als het geschreven is, 2 als het bestand al bestaat of bij verkeerd gebruik.", "Exit status: 0 when written, 2 when the file exists or on usage errors."))
    }

    @Argument(help: helpText("Het nieuwe scenariobestand (.casus).", "The new scenario file (.casus)."))
    var file: String

    @Option(help: helpText("Taal van het scenario: nl (standaard) of en.", "Language of the scenario: nl (default) or en."))
    var lang: Language = .nl

    func run() throws {
        let language = lang
        if FileManager.default.fileExists(atPath: file) {
            Output.err(LocalizedText(
                nl: "\(file) bestaat al; casus new overschrijft niets\n",
                en: "\(file) already exists; casus new never overwrites\n").text(language))
            throw ExitCode(2)
        }
        // O_EXCL: never overwrite, even if the file appears in the meantime.
        let fd = open(file, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            Output.err(LocalizedText(nl: "kan \(file) niet schrijven\n", en: "cannot write \(file)\n").text(language))
            throw ExitCode(2)
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        handle.write(Data(StarterScenario.text(language).utf8))
        Output.out(LocalizedText(
            nl: "\(file) geschreven; controleer het met: casus check \(file)\n",
            en: "wrote \(file); check it with: casus check \(file)\n").text(language))
    }
}
