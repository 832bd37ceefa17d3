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

    /// The keyword that `word` is, in any case; nil for other words (and for no word).
    init?(word: String?) {
        guard let word, let k = Lexicon.keywords[word.lowercased()] else { return nil }
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

    /// The metadata key that `word` is, in any case; nil for other words (and for no word).
    init?(word: String?) {
        guard let word, let k = Lexicon.metadata[word.lowercased()] else { return nil }
        self = k
    }
}
