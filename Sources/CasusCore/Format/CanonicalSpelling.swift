/// The one spelling `casus fmt` writes for each form casus also accepts (docs/language.md,
/// "Also accepted"): keywords in lower case, `voor elke rol` / `voor elk lid`, `anders als`,
/// `(10 min)`, a quoted step title, `taal: nl`, `duur: 50 min`, `=`, `!=`, `-`, straight
/// quotes, `ja/nee`.
///
/// Works on one code line as `Formatter.codeLine` leaves it, token by token, and only on code:
/// prose after the `:` of a text owner and comments stay as written. The formatter parses its
/// result again, so a rewrite that changed the meaning would be refused, never saved.
enum CanonicalSpelling {
    /// `text` (one trimmed code line) in canonical spelling.
    static func line(_ text: String, keyword: Keyword?) -> String {
        guard let line = SourceLine.split(text).first, !line.isBlank else { return text }
        var lexer = LineLexer(line: line)
        let (tokens, rest, unterminated) = lexer.tokens(stopAtColon: true)
        guard unterminated == nil, let first = tokens.first, first.isWord else { return text }
        var edits = Edits()

        if let key = MetadataKey(word: first.word), keyword == nil, tokens.count == 2, tokens[1].isPunct(.colon) {
            edits.lowercase(first)
            if let rest { metadataValue(key, rest, &edits) }
            return edits.applied(to: text)
        }
        guard keyword != nil else { return text }
        edits.lowercase(first)
        for token in tokens {
            switch token.kind {
            case .punct(let p) where token.text != p.rawValue:
                // `==`, `≠`, `−`.
                edits.replace(token, with: p.rawValue)
            case .string where token.text.unicodeScalars.first != "\"":
                // Curly quotes: straight ones, unless the text holds a straight quote.
                if let value = token.value, !value.contains("\"") { edits.replace(token, with: "\"\(value)\"") }
            case .word, .number, .string, .punct, .invalid: break
            }
        }
        switch keyword {
        case .forEach?: forEachWords(tokens, &edits)
        case .else?:
            if tokens.count >= 2, tokens[1].matches(Keyword.if.spellings) {
                // `anders if` / `else als`: the `if` word of the `else` word's language.
                let english = first.key == Keyword.else.spelling(.en)
                edits.replace(tokens[1], with: Keyword.if.spelling(english ? .en : .nl))
                conditionWords(tokens.dropFirst(2), &edits)
            }
        case .if?: conditionWords(tokens.dropFirst(), &edits)
        case .step?:
            stepTitle(text, tokens, &edits)
            budget(tokens, &edits)
        case .ask?, .solutions?, .effect?, .vote?: typeWords(tokens, &edits)
        case .caseText?, .role?, .info?, .note?, .include?, .sheet?, .say?, .end?, .heading?, .show?, nil: break
        }
        return edits.applied(to: text)
    }

    /// `taal: nederlands` → `taal: nl`; `duur: 50` or `50 minuten` → `50 min`.
    private static func metadataValue(_ key: MetadataKey, _ rest: LinePiece, _ edits: inout Edits) {
        guard let value = rest.trimmed() else { return }
        let written = String(value.text)
        // A value with a comment is left alone: the comment's place is not worth guessing.
        guard written.removingTrailingComment() == written else { return }
        edits.replace(value.text, with: canonicalValue(key, written))
    }

    /// The canonical spelling of a metadata value; the value itself when it has no other.
    static func canonicalValue(_ key: MetadataKey, _ value: String) -> String {
        switch key {
        case .language:
            if value.count <= 10, let language = Language(tag: value) { return language.rawValue }
        case .duration:
            if let minutes = Checker.minutes(value) { return "\(minutes) min" }
        case .audience:
            // `VO havo 4`, `vo,havo 4` → `vo, havo 4`, read as the checker reads it.
            let comma = value.firstIndex(of: ",")
            let head = (comma.map { value[..<$0] } ?? value[...]).lowercased()
            guard let school = head.split(separator: " ").first.map(String.init), Audience.School(rawValue: school) != nil
            else { break }
            let level = trimmed(comma.map { value[value.index(after: $0)...] } ?? Substring(head.dropFirst(school.count)))
            return level.isEmpty ? school : "\(school), \(level)"
        case .members:
            // `2 - 6` → `2-6`.
            if let range = Checker.memberRange(value) {
                return range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)-\(range.upperBound)"
            }
        case .jobs:
            // `Notulist,presentator` → `notulist, presentator`.
            let words = value.split(separator: ",").map(trimmed).filter { !$0.isEmpty }
            if !words.isEmpty, words.allSatisfy({ Job(word: $0) != nil }) {
                return words.map { $0.lowercased() }.joined(separator: ", ")
            }
        case .title, .source, .author: break
        }
        return value
    }

    private static func trimmed(_ text: Substring) -> String {
        String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    /// The file's items with every metadata value in canonical spelling: what the formatted
    /// file must mean.
    static func canonicalMetadata(_ file: SourceFile) -> SourceFile {
        var canonical = file
        canonical.items = file.items.map { item in
            guard case .metadata(var entry) = item else { return item }
            entry.value = canonicalValue(entry.key, entry.value)
            return .metadata(entry)
        }
        return canonical
    }

    /// `voor elke rol`, `voor elk lid`, `voor elke oplossing` (Dutch grammar: *de* rol, *het*
    /// lid); a loop over a list keeps the word written, in lower case.
    private static func forEachWords(_ tokens: [Token], _ edits: inout Edits) {
        guard tokens.count >= 3, tokens[1].matches(Lexicon.each) else { return }
        let each = tokens[1]
        guard each.key != "each" else { return edits.lowercase(each) }
        if tokens[2].matches(Lexicon.memberLoop) {
            edits.replace(each, with: "elk")
        } else if tokens[2].matches(Lexicon.roleLoop + Lexicon.solutionLoop), tokens.count == 3 {
            edits.replace(each, with: "elke")
        } else {
            edits.lowercase(each)
        }
    }

    /// `niet`, `en`, `of`, `aantal`, `ja`, `nee` in lower case (a keyword in a condition is never a name).
    private static func conditionWords(_ tokens: ArraySlice<Token>, _ edits: inout Edits) {
        let words = Lexicon.not + Lexicon.and + Lexicon.or + Lexicon.count + Lexicon.yes + Lexicon.no
        for token in tokens where token.matches(words) { edits.lowercase(token) }
    }

    /// `stap Verkennen (10 min)` → `stap "Verkennen" (10 min)`: the title the parser reads, quoted.
    private static func stepTitle(_ text: String, _ tokens: [Token], _ edits: inout Edits) {
        guard tokens.count >= 2, tokens[1].kind != .string else { return }
        let end = tokens.firstIndex(where: { $0.isPunct(.openParen) }) ?? tokens.count
        guard end > 1 else { return }
        let title = Substring(text.unicodeScalars[tokens[1].text.startIndex..<tokens[end - 1].text.endIndex])
        guard !title.contains("\""), !title.unicodeScalars.contains(where: { LineLexer.closingQuote(for: $0) != nil || $0 == "\u{201D}" })
        else { return }
        edits.replace(title, with: "\"\(title)\"")
    }

    /// `(10 minuten)`, `(10min)`, `(10 minutes)` → `(10 min)`.
    private static func budget(_ tokens: [Token], _ edits: inout Edits) {
        guard let open = tokens.firstIndex(where: { $0.isPunct(.openParen) }), open + 3 < tokens.count,
            case .number(let n) = tokens[open + 1].kind, tokens[open + 2].matches(Lexicon.minutes),
            tokens[open + 3].isPunct(.closeParen)
        else { return }
        edits.replace(from: tokens[open], through: tokens[open + 3], with: "(\(n) min)")
    }

    /// Inside a question's parentheses: type words and details in lower case, `janee` → `ja/nee`,
    /// `max 3 minuten` → `max 3 min`.
    private static func typeWords(_ tokens: [Token], _ edits: inout Edits) {
        guard let open = tokens.firstIndex(where: { $0.isPunct(.openParen) }),
            let close = tokens[open...].firstIndex(where: { $0.isPunct(.closeParen) })
        else { return }
        let inner = tokens[(open + 1)..<close]
        let joined = ["janee": "ja/nee", "yesno": "yes/no"]
        for (k, token) in zip(inner.indices, inner) {
            guard let key = token.key else { continue }
            if (Lexicon.yes + Lexicon.no).contains(key), k + 2 < inner.endIndex, inner[k + 1].isPunct(.slash), let other = inner[k + 2].key {
                // `ja / nee` → `ja/nee`.
                edits.replace(from: token, through: inner[k + 2], with: "\(key)/\(other)")
            } else if let type = joined[key] {
                edits.replace(token, with: type)
            } else if Lexicon.minutes.contains(key), k > inner.startIndex, case .number(let n) = inner[k - 1].kind {
                edits.replace(from: inner[k - 1], through: token, with: "\(n) min")
            } else if Parser.typeWords[key] != nil || (Lexicon.yes + Lexicon.no + ["min", "max", Lexicon.protocolTag]).contains(key) {
                edits.lowercase(token)
            }
        }
    }

    /// Replacements in one line, applied from the end so earlier positions stay valid.
    private struct Edits {
        private var changes: [(range: Range<String.Index>, text: String)] = []

        mutating func replace(_ slice: Substring, with text: String) {
            let range = slice.startIndex..<slice.endIndex
            // A part of a change already made (`Nee` of `Ja/Nee`) stays as that change wrote it.
            guard slice != Substring(text), !changes.contains(where: { $0.range.clamped(to: range) == range }) else { return }
            changes.removeAll { $0.range.overlaps(range) }
            changes.append((range, text))
        }

        mutating func replace(_ token: Token, with text: String) { replace(token.text, with: text) }

        mutating func replace(from first: Token, through last: Token, with text: String) {
            let whole = Substring(first.text.base.unicodeScalars[first.text.startIndex..<last.text.endIndex])
            replace(whole, with: text)
        }

        mutating func lowercase(_ token: Token) { replace(token, with: token.text.lowercased()) }

        func applied(to text: String) -> String {
            var scalars = text.unicodeScalars
            for change in changes.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
                scalars.replaceSubrange(change.range, with: change.text.unicodeScalars)
            }
            return String(scalars)
        }
    }
}
