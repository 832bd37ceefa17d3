/// The words of the language as editors need them: which keywords may start a line where,
/// the answer types and the metadata keys, each in both languages. A public view on the
/// internal `Keyword`, `MetadataKey` spellings and `Lexicon`, so `casus lsp` completes and
/// explains exactly the words the parser accepts.
public enum Vocabulary {
    /// A word that starts a code line.
    public struct LineKeyword: Hashable, Sendable {
        /// The canonical name (`ask`, `if`, …), the same in both languages.
        public var name: String
        public var dutch: String
        public var english: String
        /// True when it may start a line at the top level of a file.
        public var topLevel: Bool
        /// True when it may start a line inside a step.
        public var statement: Bool

        /// How it is written in `language`.
        public func spelling(_ language: Language) -> String { language == .en ? english : dutch }
    }

    /// Every line keyword, in the order of the language reference.
    public static let lineKeywords: [LineKeyword] = Keyword.allCases.map { k in
        LineKeyword(
            name: k.rawValue, dutch: k.spelling(.nl), english: k.spelling(.en),
            topLevel: Keyword.topLevel.contains(k), statement: Keyword.statements.contains(k))
    }

    /// The line keyword spelled `word` (any case, either language).
    public static func lineKeyword(_ word: String) -> LineKeyword? {
        guard let k = Keyword(word: word) else { return nil }
        return lineKeywords.first { $0.name == k.rawValue }
    }

    /// The metadata keys (`titel`, `taal`, …) in `language`.
    public static func metadataKeys(_ language: Language) -> [String] {
        MetadataKey.allCases.map { $0.spellings[language == .en ? 1 : 0] }
    }

    /// The answer type words written inside `( )`, in `language`.
    public static func answerTypes(_ language: Language) -> [String] {
        language == .en
            ? ["text", "long", "list", "yes/no", "choice", "scale 1-5", "member", "role"]
            : ["tekst", "lang", "lijst", "ja/nee", "keuze", "schaal 1-5", "lid", "rol"]
    }

    /// The built-in names usable in `{…}` and conditions (group, members, the jobs).
    public static func builtinNames(_ language: Language) -> [String] {
        (language == .en ? ["group", "members"] : ["groep", "leden"]) + Job.allCases.map { $0.name(language) }
    }

    /// The parts `toon`/`show` accepts besides answers, in `language`.
    public static func sheetParts(_ language: Language) -> [String] {
        SheetPart.allCases.map { $0.spellings[language == .en ? 1 : 0] }
    }
}
