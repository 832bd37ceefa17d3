import CasusCore

/// A `:command` typed at any prompt, in Dutch or English.
public enum PlayCommandWord: Hashable, Sendable {
    case help, back, skip, showCase, roles, info(String?), time, save, quit
    /// `:blad` the presentation view; `:blad alles` every answer.
    case sheet(all: Bool)

    /// The words of every command: Dutch first, then English.
    static let table: [(nl: String, en: String, make: @Sendable (String?) -> PlayCommandWord, help: LocalizedText)] = [
        ("hulp", "help", { _ in .help }, LocalizedText(nl: "deze lijst", en: "this list")),
        ("terug", "back", { _ in .back }, LocalizedText(nl: "het laatste antwoord terugdraaien", en: "undo the last answer")),
        ("overslaan", "skip", { _ in .skip }, LocalizedText(nl: "deze vraag overslaan", en: "skip this question")),
        ("casus", "case", { _ in .showCase }, LocalizedText(nl: "de casus nog eens tonen", en: "show the case again")),
        ("rollen", "roles", { _ in .roles }, LocalizedText(nl: "de rollen tonen", en: "show the roles")),
        ("info", "info", { .info($0) }, LocalizedText(nl: "achtergrondinformatie (:info naam)", en: "background information (:info name)")),
        ("tijd", "time", { _ in .time }, LocalizedText(nl: "de tijd van deze stap", en: "the time of this step")),
        ("blad", "sheet", { .sheet(all: ["alles", "all"].contains($0?.lowercased() ?? "")) },
         LocalizedText(nl: "het presentatieblad (:blad alles: alle antwoorden)", en: "the presentation sheet (:sheet all: every answer)")),
        ("opslaan", "save", { _ in .save }, LocalizedText(nl: "bewaren (gebeurt al na elk antwoord)", en: "save (already done after each answer)")),
        ("stop", "quit", { _ in .quit }, LocalizedText(nl: "bewaren en stoppen", en: "save and leave")),
    ]

    /// Every command word in both languages (without the colon), for completion and suggestions.
    public static var allWords: [String] {
        var out: [String] = []
        for row in table {
            out.append(row.nl)
            if row.en != row.nl { out.append(row.en) }
        }
        return out + ["exit", "stoppen"]
    }

    /// The command words in `language` with a colon, for Tab completion.
    public static func completionWords(_ language: Language) -> [String] {
        let primary = table.map { ":" + (language == .nl ? $0.nl : $0.en) }
        let other = table.map { ":" + (language == .nl ? $0.en : $0.nl) }
        var seen = Set<String>()
        return (primary + other).filter { seen.insert($0).inserted }
    }

    /// The outcome of reading a line as a command.
    public enum Parsed: Hashable, Sendable {
        /// Not a command: an answer.
        case notACommand
        case command(PlayCommandWord)
        /// `:word` that is no command; with the nearest command word, if any.
        case unknown(String, suggestion: String?)
    }

    /// Reads `line` as a command when it starts with `:`.
    public static func parse(_ line: String) -> Parsed {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix(":") else { return .notACommand }
        let body = trimmed.dropFirst()
        let word = String(body.prefix { !$0.isWhitespace }).lowercased()
        let rest = body.dropFirst(word.count).trimmingSpaces
        if let row = table.first(where: { $0.nl == word || $0.en == word }) {
            return .command(row.make(rest.isEmpty ? nil : rest))
        }
        if word == "exit" || word == "stoppen" { return .command(.quit) }
        return .unknown(word, suggestion: Suggestion.nearest(to: word, in: allWords))
    }

    /// The help lines in `language`, unwrapped.
    public static func helpLines(_ language: Language) -> [String] {
        helpEntries(language).map { "  " + TextLayout.pad($0.words, 24) + $0.help }
    }

    /// The help in `language`: each command's words (`:hulp (:help)`) and what it does.
    public static func helpEntries(_ language: Language) -> [(words: String, help: String)] {
        table.map { row in
            let words = language == .nl ? ":\(row.nl) (:\(row.en))" : ":\(row.en) (:\(row.nl))"
            return (row.nl == row.en ? ":\(row.nl)" : words, row.help.text(language))
        }
    }
}

extension Substring {
    var trimmingSpaces: String {
        guard let start = firstIndex(where: { !$0.isWhitespace }), let end = lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return String(self[start...end])
    }
}

extension String {
    var trimmingSpaces: String { Substring(self).trimmingSpaces }
}
