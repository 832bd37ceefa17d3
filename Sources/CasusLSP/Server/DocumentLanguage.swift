import CasusCore

/// The language a file is written in: its `taal:` line, else the language most of its line
/// keywords are spelled in (an included fragment has no `taal:`), else Dutch.
enum DocumentLanguage {
    static func of(_ text: String, declared: Language?) -> Language {
        if let declared { return declared }
        var dutch = 0
        var english = 0
        for line in text.split(whereSeparator: \.isNewline) {
            let word = line.drop { $0 == " " || $0 == "\t" }.prefix { $0.isLetter }.lowercased()
            guard let keyword = Vocabulary.lineKeyword(word), keyword.dutch != keyword.english else { continue }
            if word == keyword.dutch { dutch += 1 } else { english += 1 }
        }
        return english > dutch ? .en : .nl
    }
}
