/// Messages for the limits of `Limits`, in both languages.
enum LimitMessages {
    /// `n` with thousands grouped as each language writes it: 10.000 in Dutch, 10,000 in English.
    static func number(_ n: Int, _ language: Language) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += language == .nl ? "." : "," }
            out.append(digit)
        }
        return out
    }

    static func tooManyRoles(_ max: Int) -> LocalizedText {
        LocalizedText(
            nl: "te veel rollen: een scenario heeft er hoogstens \(max)",
            en: "too many roles: a scenario has at most \(max)")
    }

    static func listTooLarge(_ word: String, _ n: Int, _ max: Int) -> LocalizedText {
        LocalizedText(
            nl: "`\(word) \(n)` is te veel: een lijst heeft hoogstens \(max) punten",
            en: "`\(word) \(n)` is too many: a list holds at most \(max) items")
    }

    static func stepTooLarge(_ max: Int) -> LocalizedText {
        LocalizedText(
            nl: "deze stap wordt te groot: de lussen erin komen samen op meer dan \(max) vragen en teksten",
            en: "this step gets too large: its loops add up to more than \(max) questions and texts")
    }

    static func stepTooLargeNote(_ n: String) -> LocalizedText {
        LocalizedText(
            nl: "deze lus herhaalt wat erin staat tot \(n) keer (rollen × leden × oplossingen × lijstpunten)",
            en: "this loop repeats its body up to \(n) times (roles × members × solutions × list items)")
    }

    static let stepTooLargeHint = LocalizedText(
        nl: "zet minder lussen in elkaar, of geef lijsten een kleinere `max`",
        en: "nest fewer loops, or give lists a smaller `max`")

    static func conditionTooLong(_ max: Int) -> LocalizedText {
        LocalizedText(
            nl: "te lange voorwaarde: meer dan \(max) keer `en`/`of`",
            en: "condition too long: more than \(max) `and`/`or`")
    }

    static func listAnswerTooLong(_ max: Int) -> LocalizedText {
        LocalizedText(
            nl: "Dat zijn er te veel: noem er hoogstens \(max). Voeg er een paar samen.",
            en: "That is too many: name at most \(max). Combine a few.")
    }

    /// Appended to a rendered text that was cut off at `Limits.maxRenderedCharacters`.
    static let truncated = "…"
}
