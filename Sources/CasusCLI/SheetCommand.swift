import ArgumentParser
import CasusCore
import CasusSession
import CasusStore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `casus sheet SESSION` — renders a session's sheet again.
struct SheetCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "sheet",
            abstract: CommandLanguage.text("Maak het presentatieblad van een sessie opnieuw (Markdown, HTML of JSON).", "Render a session's presentation sheet again (Markdown, HTML or JSON)."))
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html, json
        var sheet: SessionFolder.Sheet {
            switch self {
            case .md: .markdown
            case .html: .html
            case .json: .json
            }
        }
    }

    @Argument(help: helpText("De sessie: het id, een uniek begin ervan, de naam van de groep, of de map.", "The session: its id, a unique start of it, its group's name, or its folder."))
    var session: String

    @Option(help: helpText("md, html of json.", "md, html or json."))
    var format: Format = .md

    @Option(help: helpText("Schrijf naar dit bestand (rechten 0600) in plaats van naar het scherm.", "Write to this file (mode 0600) instead of standard output."))
    var out: String?

    @OptionGroup var store: StoreOptions


    func run() throws {
        let language = store.language
        let sessions = try store.store()
        let folder = try store.find(sessions, session)
        let text = try Self.render(folder: folder, format: format, language: language)
        if let out {
            let path = PlayStorage.absolutePath(out)
            do {
                try DurableFile.writeAtomically(Data(text.utf8), to: URL(fileURLWithPath: path))
            } catch let error as StoreError {
                throw CasusFailure(
                    LocalizedText(nl: "Opslaan is mislukt: ", en: "Saving failed: ").text(language)
                        + StoreMessages.ioFailure(error).text(language), store: error)
            }
            Output.out(LocalizedText(nl: "Het blad staat in: \(path)", en: "The sheet is at: \(path)").text(language) + "\n")
        } else {
            Output.out(text)
        }
    }

    /// Replays the journal against the scenario it was played with. When the session is in use,
    /// its journal is damaged, the store is read-only or the scenario cannot be loaded, the
    /// sheet file written during play is used instead, with a note saying why.
    static func render(folder: SessionFolder, format: Format, language: Language) throws -> String {
        switch try replay(folder: folder, sheet: format.sheet, language: language) {
        case .written(let data): return String(decoding: data, as: UTF8.self)
        case .model(let model):
            switch format {
            case .md: return MarkdownSheet.render(model)
            case .html: return HTMLSheet.render(model)
            case .json: return String(decoding: try SheetJSON.encode(SheetDocument(model)), as: UTF8.self)
            }
        }
    }

    /// A session's sheet: replayed from its journal, or the file written during play.
    enum Replayed {
        case model(SheetModel)
        case written(Data)
    }

    /// Why a session's sheet is not replayed but taken as written during play.
    enum Reason {
        static let inPlay = LocalizedText(nl: "De sessie wordt nu gespeeld.", en: "The session is being played right now.")
        static let unreadable = LocalizedText(nl: "Het logboek van deze sessie is onleesbaar.", en: "This session's journal is unreadable.")
        static func scenarioGone(_ path: String) -> LocalizedText {
            LocalizedText(nl: "Het scenario \(path) is niet (meer) te laden.", en: "The scenario \(path) cannot be loaded (any more).")
        }
    }

    /// The `sheet` file written during play, with a note saying `reason` (why it is not
    /// replayed); when there is none, `reason` is the error.
    static func written(_ folder: SessionFolder, _ sheet: SessionFolder.Sheet, because reason: LocalizedText, language: Language)
        throws -> Data
    {
        guard let data = try? folder.readSheet(sheet) else {
            throw CasusFailure(reason.text(language))
        }
        Output.err(
            LocalizedText(
                nl: "Let op: \(reason.nl) Het blad van tijdens het spelen wordt getoond.",
                en: "Note: \(reason.en) Showing the sheet written during play."
            ).text(language) + "\n")
        return data
    }

    /// The sheet model of the session in `folder`, or (see `render`) its `sheet` file.
    static func replay(
        folder: SessionFolder, sheet: SessionFolder.Sheet, language: Language
    ) throws -> Replayed {
        let header = SessionFiles.readHeader(folder)
        let fallback = { (reason: LocalizedText) throws -> Replayed in
            .written(try written(folder, sheet, because: reason, language: language))
        }
        guard let header else {
            return try fallback(Reason.unreadable)
        }
        guard let scenario = ScenarioCache().scenario(header.scenarioPath) else {
            return try fallback(Reason.scenarioGone(header.scenarioPath))
        }
        let sheetLanguage = Language(tag: header.language) ?? language
        let files: SessionFiles
        do {
            let store = try SessionStore(location: StoreLocation(root: folder.url.deletingLastPathComponent()))
            files = try SessionFiles(
                resuming: folder, store: store,
                scenario: scenario, scenarioPath: header.scenarioPath, language: sheetLanguage)
        } catch let failure as CasusFailure {
            if case .sessionInUse = failure.store?.kind {
                return try fallback(Reason.inPlay)
            }
            if [EROFS, EACCES, EPERM].contains(failure.store?.code ?? 0) {
                // Replaying takes the lock, which needs a writable store.
                let cause = StoreMessages.cause(failure.store?.code ?? EROFS)
                return try fallback(
                    LocalizedText(
                        nl: "Het logboek is niet opnieuw te lezen: \(cause.nl) (\(folder.url.path)).",
                        en: "The journal cannot be read again: \(cause.en) (\(folder.url.path))."))
            }
            if failure.damaged {
                return try fallback(
                    failure.store.map { StoreMessages.describe($0, folder: folder) }
                        ?? LocalizedText(nl: failure.message, en: failure.message))
            }
            throw failure
        }
        for notice in files.notices { Output.err(notice + "\n") }
        return .model(SheetModel(stored: files.state, language: sheetLanguage, started: files.started, events: files.events))
    }
}
