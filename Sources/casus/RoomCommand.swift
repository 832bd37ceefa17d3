import ArgumentParser
import CasusCore
import CasusRoom
import CasusSession
import CasusStore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

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
        let room: Room
        do {
            room = try Room(directory: folder, language: language)
        } catch let error as StoreError {
            if case .sessionInUse = error.kind {
                throw CasusFailure(LocalizedText(
                    nl: "Deze zaal is al open in een andere casus room (\(folder.path)).",
                    en: "This room is already open in another casus room (\(folder.path)).").text(language))
            }
            throw CasusFailure(LocalizedText(
                nl: "De zaal kan niet openen in \(folder.path): \(error.message)",
                en: "The room cannot open in \(folder.path): \(error.message)").text(language), store: error)
        } catch {
            throw CasusFailure(LocalizedText(
                nl: "De zaal kan niet openen in \(folder.path): de bestanden zijn onleesbaar (\(error)).",
                en: "The room cannot open in \(folder.path): its files cannot be read (\(error)).").text(language))
        }
        let open = host == "0.0.0.0" || host == "::"
        let server = RoomServer(room: room, host: host, port: port, advertisedHost: open ? Self.networkAddress() : nil)
        let identity = room.identity
        let groups = room.sessionCountAtOpen
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: Error?
        Task {
            do {
                try await server.run { address in
                    var lines: [LocalizedText] = []
                    if open {
                        lines.append(LocalizedText(
                            nl: "Let op: de zaal is open voor het netwerk (\(listen)); iedereen op dit netwerk met de code kan antwoorden sturen.",
                            en: "Note: the room is open to the network (\(listen)); anyone on this network with the code can send answers."))
                    }
                    lines += [
                        groups == 1
                            ? LocalizedText(nl: "De zaal is open (1 groep).", en: "The room is open (1 group).")
                            : LocalizedText(nl: "De zaal is open (\(groups) groepen).", en: "The room is open (\(groups) groups)."),
                        LocalizedText(nl: "Adres voor de groepen: \(address)", en: "Address for the groups: \(address)"),
                        LocalizedText(nl: "Code: \(identity.code)", en: "Code: \(identity.code)"),
                        LocalizedText(
                            nl: "Link voor de begeleider (geheim, niet delen):\n  \(address)/f/\(identity.token)",
                            en: "Facilitator's link (secret, do not share):\n  \(address)/f/\(identity.token)"),
                        LocalizedText(
                            nl: "Een groep doet mee met:\n  casus play SCENARIO --room \(address) --code \(identity.code)",
                            en: "A group joins with:\n  casus play SCENARIO --room \(address) --code \(identity.code)"),
                        LocalizedText(nl: "Stoppen: Ctrl-C.", en: "Stop: Ctrl-C."),
                    ]
                    Output.out(lines.map { $0.text(language) }.joined(separator: "\n") + "\n")
                }
            } catch {
                failure = error
            }
            finished.signal()
        }
        finished.wait()
        if let failure, "\(failure)".contains("Address already in use") {
            throw CasusFailure(LocalizedText(
                nl: "Poort \(port) is al in gebruik (door een ander programma of een andere casus room). Kies een andere, bijvoorbeeld --listen \(host):\(port + 1).",
                en: "Port \(port) is already in use (by another program or another casus room). Choose another, for example --listen \(host):\(port + 1).").text(language))
        }
        if let failure {
            throw CasusFailure(LocalizedText(
                nl: "De zaal kan niet luisteren op \(listen): \(failure)",
                en: "The room cannot listen on \(listen): \(failure)").text(language))
        }
        Output.out(LocalizedText(
            nl: "De zaal is gesloten; alles is bewaard in \(folder.path).",
            en: "The room is closed; everything is kept in \(folder.path).").text(language) + "\n")
    }

    /// "host:port" (IPv6 in brackets) split, or nil.
    static func split(_ text: String) -> (String, Int)? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else { return nil }
        return (host, port)
    }

    /// The laptop's first IPv4 address on the network (not loopback), for the groups.
    static func networkAddress() -> String? {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return nil }
        defer { freeifaddrs(list) }
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET),
                (entry.pointee.ifa_flags & UInt32(IFF_LOOPBACK)) == 0, (entry.pointee.ifa_flags & UInt32(IFF_UP)) != 0
            else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 {
                return String(cString: host)
            }
        }
        return nil
    }
}
