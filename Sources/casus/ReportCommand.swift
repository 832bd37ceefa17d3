import ArgumentParser
import CasusCore
import CasusSession
import CasusStore
import Foundation

/// `casus report SESSION-or-sheet.json...` — merges several groups' sheets into one plenary
/// overview (and, for Opdracht 2, a draft step plan / anti-bullying protocol).
struct ReportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "report",
            abstract: CommandLanguage.text("Voeg de sessies van groepen samen tot één overzicht voor de plenaire ronde en een opzet voor een protocol (Markdown of HTML).", "Merge several groups' sessions into one plenary overview and draft protocol (Markdown or HTML)."))
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html }

    @Argument(help: helpText("Sessies (id, een uniek begin ervan, of map) of JSON-bladen (*.json).", "Sessions (id, unique start of it, or folder) or JSON sheet files (*.json)."))
    var inputs: [String] = []

    @Option(help: helpText("md of html.", "md or html."))
    var format: Format = .md

    @Option(help: helpText("Schrijf naar dit bestand (rechten 0600) in plaats van naar het scherm.", "Write to this file (mode 0600) instead of standard output."))
    var out: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError(CommandLanguage.text("Geef minstens één sessie of JSON-blad.", "Give at least one session or JSON sheet.")) }
    }

    func run() throws {
        let messages = store.language
        var sessions: SessionStore?
        var sheets: [ReportInput] = []
        for argument in inputs {
            if argument.lowercased().hasSuffix(".json") {
                let path = PlayStorage.absolutePath(argument)
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw CasusFailure(
                        LocalizedText(nl: "Kan \(argument) niet lezen.", en: "Cannot read \(argument).").text(messages))
                }
                sheets.append(try Self.decode(data, name: argument, language: messages))
            } else {
                if sessions == nil { sessions = try store.store() }
                let folder = try store.find(sessions!, argument)
                let json = try SheetCommand.render(folder: folder, format: .json, language: messages)
                sheets.append(try Self.decode(Data(json.utf8), name: argument, language: messages))
            }
        }
        let first = sheets.first?.scenario.language.flatMap { Language(tag: $0) }
        let language = LanguageChoice.resolve(flag: store.lang, scenario: first)
        let report = Report(inputs: sheets, language: language)
        let text = format == .html ? HTMLReport.render(report) : MarkdownReport.render(report)
        if let out {
            let path = PlayStorage.absolutePath(out)
            try DurableFile.writeAtomically(Data(text.utf8), to: URL(fileURLWithPath: path))
            Output.out(LocalizedText(nl: "Het verslag staat in: \(path)", en: "The report is at: \(path)").text(language) + "\n")
        } else {
            Output.out(text)
        }
    }

    /// A JSON sheet of a supported format, or a failure that names the file.
    static func decode(_ data: Data, name: String, language: Language) throws -> ReportInput {
        let input: ReportInput
        do {
            input = try JSONDecoder().decode(ReportInput.self, from: data)
        } catch {
            throw CasusFailure(
                LocalizedText(
                    nl: "\(name) is geen blad van casus (JSON van casus sheet --format json).",
                    en: "\(name) is not a casus sheet (JSON from casus sheet --format json).").text(language))
        }
        guard input.format == ReportInput.supportedFormat else {
            throw CasusFailure(
                LocalizedText(
                    nl: "\(name) heeft bladformaat \(input.format); deze casus leest formaat \(ReportInput.supportedFormat).",
                    en: "\(name) has sheet format \(input.format); this casus reads format \(ReportInput.supportedFormat).").text(language))
        }
        return input
    }
}
