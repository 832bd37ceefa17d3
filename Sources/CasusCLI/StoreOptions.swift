import ArgumentParser
import CasusCore
import CasusSession
import CasusStore
import Foundation

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
