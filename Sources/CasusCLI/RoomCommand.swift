import ArgumentParser
import CasusCore
import CasusSession
import CasusStore
import Foundation

/// `casus room` — the facilitator's room (`casus room [open]`) and, on a group's laptop,
/// `casus room send`. The parent has no options of its own, so each subcommand's `--dir`
/// and `--lang` are its own (a parent's options would take them first).
struct RoomCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "room",
            abstract: RoomOpenCommand.abstract,
            subcommands: [RoomOpenCommand.self, RoomSendCommand.self],
            defaultSubcommand: RoomOpenCommand.self)
    }
}

/// `casus room [open]` — the facilitator's room: groups send their answers here, the
/// facilitator follows them live in a browser, calls them back, runs the plenary and gets
/// one report.
struct RoomOpenCommand: ParsableCommand {
    static let abstract = CommandLanguage.text(
        "Open een zaal: groepen sturen hun antwoorden hierheen; de begeleider volgt ze live in de browser.",
        "Open a room: groups send their answers here; the facilitator follows them live in a browser.")

    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "open", abstract: abstract)
    }

    @Option(help: helpText(
        "ADRES:POORT om op te luisteren (standaard 127.0.0.1:8686, alleen deze laptop; 0.0.0.0:8686 opent de zaal voor het netwerk).",
        "ADDR:PORT to listen on (default 127.0.0.1:8686, this laptop only; 0.0.0.0:8686 opens the room to the network)."))
    var listen: String = "127.0.0.1:8686"

    @Option(help: helpText(
        "De map van de zaal (standaard de map van casus + rooms/). Opnieuw gestart met dezelfde map houdt de zaal code, link en groepen.",
        "The room's folder (default: casus's data folder + rooms/). Started again with the same folder, the room keeps its code, link and groups."))
    var dir: String?

    @Option(help: helpText("Taal van de pagina's en meldingen: nl of en.", "Language of the pages and messages: nl or en."))
    var lang: Language?

    func validate() throws {
        guard Self.split(listen) != nil else {
            throw ValidationError(CommandLanguage.text(
                "--listen verwacht ADRES:POORT, bijvoorbeeld 127.0.0.1:8686 of 0.0.0.0:8686.",
                "--listen expects ADDR:PORT, for example 127.0.0.1:8686 or 0.0.0.0:8686."))
        }
    }

    func run() throws {
        let language = LanguageChoice.resolve(flag: lang, scenario: nil)
        let (host, port) = Self.split(listen)!
        let folder = dir.map { URL(fileURLWithPath: PlayStorage.absolutePath($0)) }
            ?? StoreLocation.resolve().root.appendingPathComponent("rooms", isDirectory: true)
        try RoomNetworks.current().open(listen: listen, host: host, port: port, folder: folder, language: language)
    }

    /// "host:port" (IPv6 in brackets) split, or nil.
    static func split(_ text: String) -> (String, Int)? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else { return nil }
        return (host, port)
    }
}
