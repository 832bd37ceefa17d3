import CasusCLI
import CasusCore
import CasusRoom
import CasusSession
import CasusStore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The room's network half for the shared command line (see `RoomNetwork` in CasusCLI).
struct CasusRoomNetwork: RoomNetwork {
    /// `casus room [open]`: serves the room until Ctrl-C.
    func open(listen: String, host: String, port: Int, folder: URL, language: Language) throws {
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

    func send(room: String?, code: String?, sessions: SessionStore, language: Language) throws {
        try RoomSending(room: room, code: code, language: language).send(sessions)
    }

    func join(_ request: RoomJoinRequest) -> RoomJoin {
        RoomPlay.connect(request)
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
                return String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
        }
        return nil
    }
}
