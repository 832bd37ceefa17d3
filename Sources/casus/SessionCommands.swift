import ArgumentParser
import CasusCore
import CasusStore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Options every session command shares.
struct StoreOptions: ParsableArguments {
    @Option(help: helpText("De map met de sessies (anders $CASUS_DIR, anders ~/.local/share/casus).", "The folder with the sessions (default: $CASUS_DIR, else ~/.local/share/casus)."))
    var dir: String?

    @Option(help: helpText("Taal van de meldingen: nl of en.", "Language of the messages: nl or en."))
    var lang: Language?

    var language: Language { LanguageChoice.resolve(flag: lang, scenario: nil) }

    func store() throws -> SessionStore {
        setRestrictiveUmask()
        do {
            return try SessionStore(location: StoreLocation.resolve(explicit: dir))
        } catch let error as StoreError {
            throw SessionFiles.failure(error, folder: nil, language: language)
        }
    }

    func find(_ store: SessionStore, _ reference: String) throws -> SessionFolder {
        try SessionLookup.find(store, reference, language: language)
    }
}

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

    /// The sheet model of the session in `folder`, or (see `render`) its `sheet` file.
    static func replay(
        folder: SessionFolder, sheet: SessionFolder.Sheet, language: Language, scenarios: ScenarioCache = ScenarioCache()
    ) throws -> Replayed {
        let header = SessionFiles.readHeader(folder)
        let fallback = { (reason: LocalizedText) throws -> Replayed in
            guard let data = try? folder.readSheet(sheet) else {
                throw CasusFailure(reason.text(language))
            }
            Output.err(
                LocalizedText(
                    nl: "Let op: \(reason.nl) Het blad van tijdens het spelen wordt getoond.",
                    en: "Note: \(reason.en) Showing the sheet written during play."
                ).text(language) + "\n")
            return .written(data)
        }
        guard let header else {
            return try fallback(LocalizedText(nl: "Het logboek van deze sessie is onleesbaar.", en: "This session's journal is unreadable."))
        }
        guard let scenario = scenarios.scenario(header.scenarioPath) else {
            return try fallback(
                LocalizedText(
                    nl: "Het scenario \(header.scenarioPath) is niet (meer) te laden.",
                    en: "The scenario \(header.scenarioPath) cannot be loaded (any more)."))
        }
        let sheetLanguage = Language(tag: header.language) ?? language
        let files: SessionFiles
        do {
            files = try SessionFiles(
                resuming: folder, store: try SessionStore(location: StoreLocation(root: folder.url.deletingLastPathComponent())),
                scenario: scenario, scenarioPath: header.scenarioPath, language: sheetLanguage)
        } catch let failure as CasusFailure {
            if case .sessionInUse = failure.store?.kind {
                return try fallback(LocalizedText(nl: "De sessie wordt nu gespeeld.", en: "The session is being played right now."))
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
        let state = files.state
        let model = SheetModel(
            state: state, language: sheetLanguage, started: Timestamp(files.started.timeIntervalSince1970),
            updated: files.events.last.map(\.timestamp), utcOffsetSeconds: TimeZone.current.secondsFromGMT(for: files.started))
        return .model(model)
    }
}

/// `casus sessions` — lists the stored sessions.
struct SessionsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
        commandName: "sessions", abstract: CommandLanguage.text("Toon de bewaarde sessies: groep, scenario, begin, antwoorden, afgerond.", "List the stored sessions: group, scenario, start, answers, finished."))
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: helpText("text of json.", "text or json."))
    var format: Format = .text

    @OptionGroup var store: StoreOptions


    struct Row: Encodable {
        var id: String
        var group: String?
        var scenario: String
        var scenarioPath: String
        var started: Date
        var answers: Int
        var finished: Bool
    }

    func run() throws {
        let language = store.language
        let sessions = try store.store()
        let rows: [Row]
        do {
            rows = try sessions.list().map { summary in
                let meta = SessionFiles.meta(summary)
                return Row(
                    id: summary.folder.id, group: meta?.group, scenario: meta?.scenarioTitle ?? "?",
                    scenarioPath: meta?.scenarioPath ?? "", started: meta?.started ?? summary.modified,
                    answers: meta?.answers ?? 0, finished: meta?.finished ?? false)
            }
        } catch let error as StoreError {
            throw SessionFiles.failure(error, folder: nil, language: language)
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            Output.outJSON(String(decoding: try encoder.encode(rows), as: UTF8.self) + "\n")
        case .text:
            guard !rows.isEmpty else {
                Output.out(LocalizedText(nl: "Geen sessies.", en: "No sessions.").text(language) + "\n")
                return
            }
            let head = LocalizedText(
                nl: "sessie|groep|scenario|begonnen|antwoorden|klaar",
                en: "session|group|scenario|started|answers|finished")
            let yes = LocalizedText(nl: "ja", en: "yes").text(language)
            let no = LocalizedText(nl: "nee", en: "no").text(language)
            var table = [head.text(language).split(separator: "|").map(String.init)]
            for row in rows {
                table.append([
                    row.id, row.group ?? "–", row.scenario, PlayStorage.localTime(row.started), String(row.answers),
                    row.finished ? yes : no,
                ])
            }
            let widths = (0..<6).map { c in table.map { $0[c].count }.max() ?? 0 }
            for line in table {
                let cells = line.enumerated().map { c, s in c == 5 ? s : s + String(repeating: " ", count: widths[c] - s.count) }
                Output.out(cells.joined(separator: "  ") + "\n")
            }
        }
    }
}

/// `casus delete SESSION` — removes a session for good.
struct DeleteCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
        commandName: "delete", abstract: CommandLanguage.text("Verwijder een sessie met al haar antwoorden voorgoed.", "Delete a session and all its answers for good."))
    }

    @Argument(help: helpText("De sessie: het id, een uniek begin ervan, de naam van de groep, of de map.", "The session: its id, a unique start of it, its group's name, or its folder."))
    var session: String

    @Flag(help: helpText("Vraag niet om bevestiging.", "Do not ask for confirmation."))
    var yes = false

    @OptionGroup var store: StoreOptions


    func run() throws {
        let language = store.language
        let sessions = try store.store()
        let folder = try store.find(sessions, session)
        if !yes {
            let meta = (try? sessions.list())?.first { $0.folder == folder }.flatMap(SessionFiles.meta)
            let group = meta?.group ?? "?"
            let answers = meta?.answers ?? 0
            Output.err(
                LocalizedText(
                    nl: "Sessie \(folder.id) van groep \(group) (\(answers) antwoorden) voorgoed verwijderen? [j/n] ",
                    en: "Delete session \(folder.id) of group \(group) (\(answers) answers) for good? [y/n] "
                ).text(language))
            let reply = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
            guard ["j", "ja", "y", "yes"].contains(reply) else {
                Output.err(LocalizedText(nl: "Niets verwijderd.", en: "Nothing deleted.").text(language) + "\n")
                throw ExitCode(1)
            }
        }
        do {
            try sessions.delete(folder)
        } catch let error as StoreError {
            throw SessionFiles.failure(error, folder: folder, language: language)
        }
        Output.out(LocalizedText(nl: "Sessie \(folder.id) is verwijderd.", en: "Session \(folder.id) was deleted.").text(language) + "\n")
    }
}
