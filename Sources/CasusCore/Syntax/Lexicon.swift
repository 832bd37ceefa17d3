/// Every word with a fixed meaning in the language, in both languages (Dutch first), looked
/// up by the lowercased word: keywords, metadata keys, the words inside a line, built-in
/// names, loop variables, sheet parts and the `oplossingen`/`solutions` alias.
enum Lexicon {
    /// The words that start a code line.
    static let keywords: [String: Keyword] = table(Keyword.allCases) { $0.spellings }
    /// The words before `:` in the metadata at the top of a file.
    static let metadata: [String: MetadataKey] = table(MetadataKey.allCases) { $0.spellings }
    /// The names `toon` accepts besides answers.
    static let sheetParts: [String: SheetPart] = table(SheetPart.allCases) { $0.spellings }

    // Words inside a line.
    static let each = ["elke", "elk", "each"]
    static let `in` = ["in"]
    static let not = ["niet", "not"]
    static let and = ["en", "and"]
    static let or = ["of", "or"]
    static let count = ["aantal", "count"]
    static let yes = ["ja", "yes"]
    static let no = ["nee", "no"]
    static let minutes = ["min", "minuten", "minuut", "minutes", "minute"]
    /// `1 tot 5`: a range in words (written `1-5`).
    static let to = ["tot", "to", "t/m", "tm"]
    /// Other forms of keywords that people write (`tonen`, `vragen`): the keyword they mean.
    static let keywordForms: [String: String] = [
        "tonen": "toon", "toont": "toon", "vragen": "vraag", "vraagt": "vraag", "zeggen": "zeg",
        "zegt": "zeg", "stappen": "stap", "rollen": "rol", "stemmen": "stem", "stemt": "stem", "eind": "einde",
        "einden": "einde", "eindig": "einde", "notities": "notitie", "opmerking": "notitie", "voeg": "invoegen",
        "invoeg": "invoegen", "oplossing": "oplossingen", "bladen": "blad", "kopje": "kop", "koppen": "kop",
        "anderes": "anders", "asks": "ask", "shows": "show", "says": "say", "steps": "step",
        "ends": "end", "notes": "note", "roles": "role", "votes": "vote", "includes": "include",
    ]
    static let choice = ["keuze", "choice"]
    /// The modifier that tags a question with protocol sections; the same in both languages.
    static let protocolTag = "protocol"
    /// `and`, `or` and `not` together: words that cannot stand as a value.
    static let connectives = and + or + not

    // Loop variables of the built-in loops.
    static let roleLoop = ["rol", "role"]
    static let memberLoop = ["lid", "member"]
    static let solutionLoop = ["oplossing", "solution"]

    // Names that mean the same in every scenario.
    static let group = ["groep", "group"]
    static let members = ["leden", "members"]
    static let jobs: [String] = Job.allCases.flatMap { [$0.name(.nl), $0.name(.en)] }
    static let builtinNames: [String] = group + members + jobs
    /// The solutions question's id (always `oplossingen`) and its English alias.
    static let solutions = ["oplossingen", "solutions"]
    /// The id the solutions question is stored under, whichever name the author used.
    static let solutionsId = "oplossingen"

    /// True when `name` is `oplossingen` or `solutions`.
    static func isSolutions(_ name: String) -> Bool { solutions.contains(name) }

    /// The other spelling of the solutions' name (`oplossingen` ↔ `solutions`).
    static func otherSolutionsName(_ name: String) -> String { name == "solutions" ? "oplossingen" : "solutions" }

    /// Both languages' loop variable names for a loop.
    static func loopVariables(_ source: LoopSource) -> [String] {
        switch source {
        case .roles: roleLoop
        case .members: memberLoop
        case .solutions: solutionLoop
        case .items(let variable, _): [variable.name]
        }
    }

    private static func table<Value>(_ values: [Value], _ spellings: (Value) -> [String]) -> [String: Value] {
        Dictionary(uniqueKeysWithValues: values.flatMap { value in spellings(value).map { ($0, value) } })
    }
}
