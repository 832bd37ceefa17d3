/// The words that start a code line, in both languages.
enum Keyword: String, CaseIterable, Sendable {
    // Top level
    case caseText, role, info, note, include, step, sheet
    // Statements
    case say, ask, solutions, effect, vote, `if`, `else`, end, forEach
    // Inside a sheet layout
    case heading, show

    /// Dutch spelling first; every spelling is matched case-insensitively.
    var spellings: [String] {
        switch self {
        case .caseText: ["casus", "case"]
        case .role: ["rol", "role"]
        case .info: ["info"]
        case .note: ["notitie", "note"]
        case .include: ["invoegen", "include"]
        case .step: ["stap", "step"]
        case .sheet: ["blad", "sheet"]
        case .say: ["zeg", "say"]
        case .ask: ["vraag", "ask"]
        case .solutions: ["oplossingen", "solutions"]
        case .effect: ["effect"]
        case .vote: ["stem", "vote"]
        case .if: ["als", "if"]
        case .else: ["anders", "else"]
        case .end: ["einde", "end"]
        case .forEach: ["voor", "for"]
        case .heading: ["kop", "heading"]
        case .show: ["toon", "show"]
        }
    }

    /// How the keyword is written in `language`, for messages and `fmt`.
    func spelling(_ language: Language) -> String {
        let s = spellings
        return language == .en && s.count > 1 ? s[1] : s[0]
    }

    private static let table = WordTable(Keyword.allCases.flatMap { k in k.spellings.map { ($0, k) } })

    init?(word: String) {
        guard let k = Keyword.table.lookup(word) else { return nil }
        self = k
    }

    init?(key: WordKey?) {
        guard let k = Keyword.table.lookup(key) else { return nil }
        self = k
    }

    /// Keywords that may start a line at the top level of a file.
    static let topLevel: [Keyword] = [.caseText, .role, .info, .note, .include, .step, .sheet]
    /// Keywords that may start a line inside a step.
    static let statements: [Keyword] = [
        .say, .note, .ask, .solutions, .effect, .vote, .if, .else, .end, .forEach,
    ]
}

extension MetadataKey {
    /// Dutch spelling first.
    var spellings: [String] {
        switch self {
        case .title: ["titel", "title"]
        case .audience: ["doelgroep", "audience"]
        case .language: ["taal", "language"]
        case .duration: ["duur", "duration"]
        case .source: ["bron", "source"]
        case .author: ["auteur", "author"]
        case .members: ["leden", "members"]
        case .jobs: ["taken", "jobs"]
        }
    }

    private static let table = WordTable(MetadataKey.allCases.flatMap { k in k.spellings.map { ($0, k) } })

    init?(word: String) {
        guard let k = MetadataKey.table.lookup(word) else { return nil }
        self = k
    }

    init?(key: WordKey?) {
        guard let k = MetadataKey.table.lookup(key) else { return nil }
        self = k
    }
}

/// Words with a fixed meaning inside a line: loop kinds, types, operators, literals.
enum Vocabulary {
    static let each = ["elke", "elk", "each"]
    static let `in` = ["in"]
    static let not = ["niet", "not"]
    static let and = ["en", "and"]
    static let or = ["of", "or"]
    static let count = ["aantal", "count"]
    static let yes = ["ja", "yes"]
    static let no = ["nee", "no"]
    static let minutes = ["min", "minuten", "minuut", "minutes", "minute"]
    static let roleLoop = ["rol", "role"]
    static let memberLoop = ["lid", "member"]
    static let solutionLoop = ["oplossing", "solution"]

    /// `and`, `or` and `not` together: words that cannot stand as a value.
    static let connectives = and + or + not

    /// The lists above as word keys, for matching tokens without making strings.
    enum Keys {
        static let each = keys(Vocabulary.each)
        static let `in` = keys(Vocabulary.in)
        static let not = keys(Vocabulary.not)
        static let and = keys(Vocabulary.and)
        static let or = keys(Vocabulary.or)
        static let count = keys(Vocabulary.count)
        static let yes = keys(Vocabulary.yes)
        static let no = keys(Vocabulary.no)
        static let minutes = keys(Vocabulary.minutes)
        static let roleLoop = keys(Vocabulary.roleLoop)
        static let memberLoop = keys(Vocabulary.memberLoop)
        static let solutionLoop = keys(Vocabulary.solutionLoop)
        static let connectives = keys(Vocabulary.connectives)
        static let choice = keys(["keuze", "choice"])
        static let min: WordKey = keys(["min"])[0]
        static let max: WordKey = keys(["max"])[0]

        private static func keys(_ words: [String]) -> [WordKey] {
            words.map { word in
                guard let key = WordKey(ascii: word.utf8) else { preconditionFailure("no key for \(word)") }
                return key
            }
        }
    }
}

extension String {
    /// `lowercased()`, or nil when that would give the same string. Scenario words are nearly
    /// always lowercase ASCII, and `lowercased()` costs an allocation-sized detour each time.
    var lowercasedIfNeeded: String? {
        // Scanning the contiguous bytes is several times cheaper than the generic UTF-8 view
        // iterator; a string without such storage (bridged) takes the slow path.
        let plain = utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 >= 0x80 || ($0 >= 0x41 && $0 <= 0x5A) }
        }
        if plain == true { return nil }
        let lower = lowercased()
        return lower == self ? nil : lower
    }
}
