import ArgumentParser
import CasusCore
import CasusSession
import CasusStore
import Foundation

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
