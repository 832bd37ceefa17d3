import ArgumentParser
import CasusCore
import CasusSession
import Foundation

/// `casus room send` — on a group's laptop: sends the room what it is missing of the
/// sessions that ended while the room was away (`RoomPending`), to the room each was played
/// with, or to `--room URL --code CODE` when the room has a new address or code.
struct RoomSendCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "send",
            abstract: CommandLanguage.text(
                "Stuur de zaal de antwoorden die er nog niet aankwamen (de zaal was weg toen het spel eindigde).",
                "Send the room the answers that did not reach it (the room was away when play ended)."))
    }

    @Option(help: helpText(
        "Een ander adres van de zaal dan waarmee gespeeld is.", "Another address of the room than the one played with."))
    var room: String?

    @Option(help: helpText("De code van de zaal (met --room).", "The room's code (with --room)."))
    var code: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if (room == nil) != (code == nil) {
            throw ValidationError(CommandLanguage.text("--room en --code horen bij elkaar", "--room and --code go together"))
        }
    }

    func run() throws {
        let network = try RoomNetworks.current()
        try network.send(room: room, code: code, sessions: try store.store(), language: store.language)
    }
}
