import ArgumentParser
import CasusCore
import Foundation

/// The language of casus's own help and usage errors, decided before the arguments are
/// parsed (swift-argument-parser builds its help from static texts): `--lang` in the
/// arguments, then `CASUS_LANG`/`LC_ALL`/`LC_MESSAGES`/`LANG`, the first that names nl or en.
enum CommandLanguage {
    static let current: Language = decide(
        arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)

    static func decide(arguments: [String], environment: [String: String]) -> Language {
        var flag: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.count {
                flag = arguments[index + 1]
            } else if argument.hasPrefix("--lang=") {
                flag = String(argument.dropFirst("--lang=".count))
            }
        }
        return LanguageChoice.resolve(flag: flag.flatMap(Language.init(tag:)), scenario: nil, environment: environment)
    }

    /// `casus help sheet --lang en`: the parser's own `help` takes no options, and the language
    /// is already decided, so `--lang` is taken out there.
    static func withoutLangForHelp(_ arguments: [String]) -> [String] {
        guard arguments.first == "help" else { return arguments }
        var out: [String] = []
        var skipNext = false
        for argument in arguments {
            if skipNext {
                skipNext = false
            } else if argument == "--lang" {
                skipNext = true
            } else if !argument.hasPrefix("--lang=") {
                out.append(argument)
            }
        }
        return out
    }

    /// A text in the command-line language, for `help:`, `abstract:` and validation errors.
    static func text(_ nl: String, _ en: String) -> String { LocalizedText(nl: nl, en: en).text(current) }
}

/// A help text for an argument or option in the command-line language.
func helpText(_ nl: String, _ en: String) -> ArgumentHelp { ArgumentHelp(CommandLanguage.text(nl, en)) }
