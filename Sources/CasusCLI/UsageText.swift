import CasusCore
import Foundation

/// swift-argument-parser writes the frame of its help and usage errors in English
/// ("USAGE:", "Missing expected argument …"); this puts that frame in Dutch. Our own texts
/// inside it are already in the chosen language (`CommandLanguage`).
enum UsageText {
    static func translate(_ text: String, to language: Language) -> String {
        guard language == .nl else { return text }
        var out = text
        for (pattern, template) in rules {
            out = out.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        return out
    }

    /// Regular expressions and their Dutch replacements, most specific first.
    static let rules: [(String, String)] = [
        (#"(?m)^OVERVIEW:"#, "OVERZICHT:"),
        (#"(?m)^USAGE:"#, "GEBRUIK:"),
        (#"(?m)^ARGUMENTS:"#, "ARGUMENTEN:"),
        (#"(?m)^OPTIONS:"#, "OPTIES:"),
        (#"(?m)^SUBCOMMANDS:"#, "OPDRACHTEN:"),
        (#"Show help information\."#, "Toon deze hulp."),
        (#"Show the version\."#, "Toon de versie."),
        (#"See '([^']*) help <subcommand>' for detailed help\."#, "Meer hulp bij een opdracht: $1 help <opdracht>"),
        (#"See '([^']*)' for more information\."#, "Meer uitleg: $1"),
        (#"(?m)^Error: "#, "Fout: "),
        (#"(?m)^Help:  "#, "Hulp:  "),
        (#"(?m)^Usage: "#, "Gebruik: "),
        (#"Missing expected argument '([^']*)'"#, "Het argument $1 ontbreekt"),
        (#"Missing value for '([^']*)'"#, "Bij $1 ontbreekt een waarde"),
        (#"The value '([^']*)' is invalid for '([^']*)'\. Please provide one of ([^\n]*)\."#, "De waarde '$1' past niet bij $2. Kies uit $3."),
        (#"The value '([^']*)' is invalid for '([^']*)'"#, "De waarde '$1' past niet bij $2"),
        (#"Unknown option '([^']*)'\. Did you mean '([^']*)'\?"#, "Onbekende optie $1. Bedoel je $2?"),
        (#"Unknown option '([^']*)'"#, "Onbekende optie $1"),
        (#"Unexpected arguments? ([^\n]*)"#, "Onverwacht argument: $1"),
        (#"'([^']*)' or '([^']*)'"#, "'$1' of '$2'"),
        // "one of 'nl' and 'en'": a choice of one, so "of" in Dutch.
        (#"'([^']*)' and '([^']*)'"#, "'$1' of '$2'"),
        (#"\(values: "#, "(waarden: "),
        (#"; default:(\s)"#, "; standaard:$1"),
        (#"\(default:(\s)"#, "(standaard:$1"),
    ]
}
