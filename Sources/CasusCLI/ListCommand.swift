import ArgumentParser
import CasusCore
import CasusSession
import Foundation

/// `casus list [--format json]` — the bundled scenarios plus local `*.casus` files.
struct ListCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "list",
            abstract: CommandLanguage.text("Toon de meegeleverde scenario's en de .casus-bestanden in deze map.", "List the bundled scenarios and the .casus files in the current folder."))
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: helpText("Uitvoer: text of json.", "Output format: text or json."))
    var format: Format = .text

    @Option(help: helpText("Taal van de kopjes: nl of en.", "Language of the headings: nl or en."))
    var lang: Language?

    func run() throws {
        var files: [(String, Bool)] = []
        var seen = Set<String>()
        if let folder = ScenarioDirectory.bundled() {
            for f in ScenarioDirectory.scenarios(in: folder) where seen.insert(FileSourceProvider.realPath(f)).inserted {
                files.append((f, true))
            }
        }
        for f in ScenarioDirectory.scenarios(in: ".") where seen.insert(FileSourceProvider.realPath(f)).inserted {
            files.append((f, false))
        }
        let entries = files.map { ScenarioDirectory.entry($0.0, bundled: $0.1) }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(entries)) ?? Data("[]".utf8)
            Output.outJSON(String(decoding: data, as: UTF8.self) + "\n")
        case .text:
            let language = LanguageChoice.resolve(flag: lang, scenario: nil)
            for entry in entries {
                var line = entry.title
                if let a = entry.audience { line += " — \(a)" }
                if let d = entry.durationMinutes { line += " — \(d) min" }
                if !entry.valid { line += LocalizedText(nl: " (bevat fouten)", en: " (has errors)").text(language) }
                Output.out(line + "\n    " + entry.file + "\n")
            }
            if entries.isEmpty {
                Output.out(LocalizedText(nl: "geen scenario's gevonden\n", en: "no scenarios found\n").text(language))
            }
        }
    }
}
