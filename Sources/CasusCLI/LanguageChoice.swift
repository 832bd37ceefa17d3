import ArgumentParser
import CasusCore
import Foundation

/// Which language a person reads: `--lang` first, then the first of `CASUS_LANG`, `LC_ALL`,
/// `LC_MESSAGES`, `LANG` that names Dutch or English (`C.UTF-8` names neither), then the
/// scenario's own `taal:`, then Dutch.
enum LanguageChoice {
    static func resolve(flag: Language?, scenario: Language?, environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        if let flag { return flag }
        // A variable that names neither (`LC_ALL=C.UTF-8`) only sets the character set, so it
        // must not hide one further down that does name a language.
        for key in ["CASUS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], let language = Language(tag: value) { return language }
        }
        return scenario ?? .nl
    }
}

/// `--lang` on every command: `nl` or `en` (or a tag such as `en_GB`, `English`), rejected
/// by the argument parser as a usage error (exit 2) when it names neither.
extension Language: ExpressibleByArgument {
    public init?(argument: String) { self.init(tag: argument) }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
