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
            abstract: CommandLanguage.text("Voeg de sessies van groepen samen tot één overzicht voor de plenaire ronde (Markdown of HTML), of tot het concept-antipestprotocol (ook als bewerkbaar .odt) en de mail aan het team.", "Merge several groups' sessions into one plenary overview (Markdown or HTML), or into the draft anti-bullying protocol (also as an editable .odt) and the e-mail to the team."))
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html, odt }

    @Argument(help: helpText("Sessies (id, een uniek begin ervan, of map) of JSON-bladen (*.json).", "Sessions (id, unique start of it, or folder) or JSON sheet files (*.json)."))
    var inputs: [String] = []

    @Option(help: helpText("md, html of odt (odt: het concept-antipestprotocol als bewerkbaar document; vraagt --out).", "md, html or odt (odt: the draft anti-bullying protocol as an editable document; needs --out)."))
    var format: Format = .md

    @Flag(name: .customLong("protocol"), help: helpText("Alleen het concept-antipestprotocol: twaalf onderdelen, checklist Wet sociale veiligheid, wie doet wat.", "Only the draft anti-bullying protocol: twelve sections, the Wet sociale veiligheid checklist, who does what."))
    var protocolOnly = false

    @Flag(help: helpText("Een kant-en-klare mail aan het team met de terugkoppeling (casus verstuurt niets).", "A ready e-mail to the team with the follow-up (casus sends nothing)."))
    var mail = false

    @Option(help: helpText("Schrijf naar dit bestand (rechten 0600) in plaats van naar het scherm.", "Write to this file (mode 0600) instead of standard output."))
    var out: String?

    @Flag(help: helpText("Neem ook proefsessies (casus play --from) mee.", "Also include trial sessions (casus play --from)."))
    var trials = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError(CommandLanguage.text("Geef minstens één sessie of JSON-blad.", "Give at least one session or JSON sheet.")) }
        if format == .odt, out == nil {
            throw ValidationError(CommandLanguage.text("--format odt schrijft een bestand: geef --out, bijvoorbeeld --out protocol.odt.", "--format odt writes a file: give --out, for example --out protocol.odt."))
        }
        if mail, format != .md {
            throw ValidationError(CommandLanguage.text("--mail is platte tekst: laat --format weg.", "--mail is plain text: leave out --format."))
        }
    }

    func run() throws {
        let messages = store.language
        var sessions: SessionStore?
        var sheets: [SheetDocument] = []
        let scenarios = ScenarioCache()
        for argument in inputs {
            if argument.lowercased().hasSuffix(".json") {
                let path = PlayStorage.absolutePath(argument)
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw CasusFailure(
                        LocalizedText(nl: "Kan \(argument) niet lezen.", en: "Cannot read \(argument).").text(messages))
                }
                sheets.append(try Self.decode(data, name: argument, language: messages))
                continue
            }
            let opened = try sessions ?? store.store()
            sessions = opened
            let folder = try store.find(opened, argument)
            if let sheet = try self.sheet(of: folder, name: argument, language: messages, scenarios: scenarios) {
                sheets.append(sheet)
            }
        }
        if sheets.isEmpty {
            throw CasusFailure(LocalizedText(nl: "Er blijft geen sessie over voor het verslag.", en: "No session is left for the report.").text(messages))
        }
        let first = sheets.first.flatMap { Language(tag: $0.scenario.language) }
        let language = LanguageChoice.resolve(flag: store.lang, scenario: first)
        if protocolOnly || mail || format == .odt {
            return try writeProtocol(sheets, language: language)
        }
        let report = Report(sheets: sheets, language: language)
        let text = format == .html ? HTMLReport.render(report) : MarkdownReport.render(report)
        if let out {
            let path = PlayStorage.absolutePath(out)
            try DurableFile.writeAtomically(Data(text.utf8), to: URL(fileURLWithPath: path))
            Output.out(LocalizedText(nl: "Het verslag staat in: \(path)", en: "The report is at: \(path)").text(language) + "\n")
        } else {
            Output.out(text)
        }
    }

    /// The sheet of the session in `folder`, replayed from its journal as it is on disk: read
    /// without the lock, repairs or clean-up, so a report changes none of a session's files.
    /// Nil for a trial left out. When the session is being played, its journal is damaged or
    /// its scenario cannot be loaded, the sheet written during play, with a note (as `casus sheet`).
    func sheet(of folder: SessionFolder, name: String, language: Language, scenarios: ScenarioCache) throws
        -> SheetDocument?
    {
        let written = { (reason: LocalizedText) throws -> SheetDocument in
            let data = try SheetCommand.written(folder, .json, because: reason, language: language)
            return try Self.decode(data, name: name, language: language)
        }
        let read: (header: SessionHeader?, events: [SessionEvent], notices: [String])
        do {
            read = try SessionFiles.read(folder, language: language)
        } catch let error as StoreError {
            if case .sessionInUse = error.kind {
                return try written(SheetCommand.Reason.inPlay)
            }
            if StoreMessages.isDamage(error, journal: folder.journalURL) {
                return try written(StoreMessages.describe(error, folder: folder))
            }
            throw SessionFiles.failure(error, folder: folder, language: language)
        } catch let failure as CasusFailure where failure.damaged {
            return try written(LocalizedText(nl: failure.message, en: failure.message))
        }
        guard let header = read.header else {
            return try written(SheetCommand.Reason.unreadable)
        }
        // An author's trial is no group's work: left out unless asked for.
        if !trials, header.trial == true {
            Output.err(LocalizedText(
                nl: "Sessie \(folder.id) is een proef (casus play --from) en blijft buiten het verslag; --trials neemt haar mee.",
                en: "Session \(folder.id) is a trial (casus play --from) and is left out of the report; --trials includes it."
            ).text(language) + "\n")
            return nil
        }
        guard let scenario = scenarios.scenario(header.scenarioPath) else {
            return try written(SheetCommand.Reason.scenarioGone(header.scenarioPath))
        }
        for notice in read.notices { Output.err(notice + "\n") }
        return SheetDocument(SheetModel(
            stored: Engine(scenario: scenario).replay(read.events), language: Language(tag: header.language) ?? language,
            started: Date(timeIntervalSince1970: header.created), events: read.events))
    }

    /// A JSON sheet of a supported format, or a failure that names the file. A sheet that
    /// does not decode is asked for its format only then (parsing it twice would cost every
    /// good sheet), so one of another format says so instead of "not a sheet".
    static func decode(_ data: Data, name: String, language: Language) throws -> SheetDocument {
        struct Format: Decodable { var format: Int }
        let sheet = try? JSONDecoder().decode(SheetDocument.self, from: data)
        let format = sheet?.format ?? (try? JSONDecoder().decode(Format.self, from: data))?.format
        if let format, format != SheetDocument.currentFormat {
            throw CasusFailure(
                LocalizedText(
                    nl: "\(name) heeft bladformaat \(format); deze casus leest formaat \(SheetDocument.currentFormat).",
                    en: "\(name) has sheet format \(format); this casus reads format \(SheetDocument.currentFormat).").text(language))
        }
        guard let sheet else {
            throw CasusFailure(
                LocalizedText(
                    nl: "\(name) is geen blad van casus (JSON van casus sheet --format json).",
                    en: "\(name) is not a casus sheet (JSON from casus sheet --format json).").text(language))
        }
        return sheet
    }
}
