extension Parser {
    /// `vraag ID (TYPE, …): prompt`, `oplossingen (…): prompt`, `effect [ID]: prompt`,
    /// `stem ID [(keuze)]: prompt`, with continuation lines and `- option` lines below.
    mutating func parseQuestion(_ line: SourceLine, tokens: [Token], rest: LinePiece?, keyword questionKeyword: QuestionKeyword) -> Question? {
        let kw = tokens[0]
        var i = 1
        let id: Identifier
        switch questionKeyword {
        case .solutions:
            id = Identifier(Lexicon.solutionsId, at: range(line, kw))
        case .effect:
            if i < tokens.count, let name = tokens[i].word {
                id = Identifier(name, at: range(line, tokens[i]))
                i += 1
            } else {
                id = Identifier("effect", at: range(line, kw))
            }
        case .ask, .vote:
            guard i < tokens.count, let name = tokens[i].word else {
                let at = i < tokens.count ? range(line, tokens[i]) : range(line, kw.endColumn, kw.endColumn + 1)
                report(.malformedLine, at, ParserMessages.expected(ParserMessages.aName, after: kw.spelling))
                skipIndented(under: line)
                return nil
            }
            id = Identifier(name, at: range(line, tokens[i]))
            i += 1
        }

        var type: AnswerType = switch questionKeyword {
        case .ask: .text
        case .solutions: .list(min: nil, max: nil)
        case .effect: .effect
        case .vote: .vote
        }
        var hasOptions = questionKeyword == .vote
        var protocolTags: [ProtocolTag] = []
        var spans = QuestionSpans(keyword: range(line, kw), colon: range(line, kw))
        if i < tokens.count, tokens[i].isPunct(.openParen) {
            guard let close = tokens[i...].firstIndex(where: { $0.isPunct(.closeParen) }) else {
                report(.malformedTypeDetail, range(line, tokens[i]), ParserMessages.unclosedParen)
                skipIndented(under: line)
                return nil
            }
            var inner = tokens[(i + 1)..<close]
            if questionKeyword == .solutions, let head = inner.first, let key = head.key, Self.baseTypes[key] == .list {
                // `oplossingen (lijst)`: the teacher wrote the type the solutions always have.
                // One error with the fix, and the question is kept, so nothing else follows.
                let rest = inner.dropFirst()
                let removal = if rest.isEmpty {
                    range(line, kw.endColumn, tokens[close].endColumn)
                } else if rest.count >= 2, rest[rest.startIndex].isPunct(.comma) {
                    range(line, head.column, rest[rest.startIndex + 1].column)
                } else {
                    range(line, head)
                }
                let written = rest.isEmpty ? "(\(head.spelling))" : head.spelling
                report(.malformedTypeDetail, range(line, head), ParserMessages.solutionsAreAList(kw.spelling, head.spelling),
                       fixIt: FixIt(ParserMessages.leaveOut(written), replacement: "", range: removal))
                inner = rest.first?.isPunct(.comma) == true ? rest.dropFirst() : rest
            }
            guard let parsed = parseTypeSpec(line, inner, keyword: questionKeyword, open: tokens[i], lineKeyword: kw.spelling) else {
                skipIndented(under: line)
                return nil
            }
            type = parsed.type
            hasOptions = parsed.choice || questionKeyword == .vote
            protocolTags = parsed.protocolTags
            spans.type = parsed.spans.type
            spans.minimum = parsed.spans.minimum
            spans.maximum = parsed.spans.maximum
            spans.scale = parsed.spans.scale
            i = close + 1
        }
        guard i < tokens.count, tokens[i].isPunct(.colon), let rest else {
            if let fix = idWithSpaces(line, tokens, idIndex: i - 1, keyword: questionKeyword) {
                report(.missingColon, fix.range, fix.message, fixIt: fix.fixIt)
                skipIndented(under: line)
                return nil
            }
            let at = i < tokens.count ? range(line, tokens[i]) : range(line, tokens[i - 1].endColumn, tokens[i - 1].endColumn + 1)
            report(.missingColon, at, ParserMessages.expected(ParserMessages.aColon, after: tokens[i - 1].spelling),
                  fixIt: FixIt(ParserMessages.didYouMean("\(text(from: kw, through: tokens[i - 1])): …")))
            skipIndented(under: line)
            return nil
        }
        spans.colon = range(line, tokens[i])

        // Split the indented block into prompt continuation lines and `- option` lines.
        var block = takeTextLines(under: line)
        if hasOptions { block += takeUnindentedOptions(under: line) }
        var promptLines: ArraySlice<SourceLine> = hasOptions ? [] : block
        var options: [ChoiceOption] = []
        for blockLine in block where hasOptions {
            if hasOptions, blockLine.content.unicodeScalars.first == "-" {
                if let text = blockLine.contentPiece.droppingFirst().trimmed() {
                    options.append(ChoiceOption(text: String(text.text), range: range(text)))
                } else {
                    report(.malformedLine, range(blockLine, blockLine.contentColumn, blockLine.contentColumn + 1), ParserMessages.emptyOption)
                }
            } else {
                promptLines.append(blockLine)
            }
        }
        let inline = rest.trimmed()
        let prompt: Text
        if inline == nil && promptLines.allSatisfy(\.isBlank) {
            prompt = Text(segments: [], range: range(line, rest.column, rest.column + 1))
        } else {
            prompt = buildText(promptLines, inline: inline)
        }
        return Question(keyword: questionKeyword, id: id, type: type, prompt: prompt, options: options, protocolTags: protocolTags, range: contentRange(line), spans: spans)
    }

    /// `vraag wat gebeurde (lang): …`: an id of several words, with words up to a `(` or
    /// `:`. The fix joins them with `_`; the broken line's names are not reported again.
    private mutating func idWithSpaces(
        _ line: SourceLine, _ tokens: [Token], idIndex: Int, keyword: QuestionKeyword
    ) -> (range: SourceRange, message: LocalizedText, fixIt: FixIt)? {
        guard keyword == .ask || keyword == .vote, idIndex >= 1, idIndex + 1 < tokens.count, tokens[idIndex].isWord else { return nil }
        var j = idIndex + 1
        while j < tokens.count, tokens[j].isWord { j += 1 }
        guard j > idIndex + 1, j < tokens.count, tokens[j].isPunct(.colon) || tokens[j].isPunct(.openParen) else { return nil }
        let words = tokens[idIndex..<j].map { $0.spelling }
        let joined = words.joined(separator: "_")
        brokenNames.insert(joined)
        let span = range(line, tokens[idIndex].column, tokens[j - 1].endColumn)
        return (span, ParserMessages.idWithSpaces(words.joined(separator: " ")),
                FixIt(ParserMessages.didYouMean(joined), replacement: joined, range: span))
    }

    /// `- option` lines right below a choice or vote but not indented under it: taken as its
    /// options, with one error for the lot (not one per line, and no "choice without options").
    private mutating func takeUnindentedOptions(under owner: SourceLine) -> ArraySlice<SourceLine> {
        var taken: ArraySlice<SourceLine> = []
        var misplaced = 0
        var scan = index
        while scan < lines.count {
            let next = lines[scan]
            scan += 1
            // Blank lines may stand between the question and its options.
            if next.isBlank { continue }
            // `--` starts no option (an effect rating would not stand here either).
            guard next.content.unicodeScalars.first == "-", next.content.unicodeScalars.dropFirst().first != "-" else { break }
            // Options indented as they should be, after some that are not, belong to the same
            // question: taken too, and not counted as misplaced.
            guard next.indent <= owner.indent || !taken.isEmpty else { break }
            if next.indent <= owner.indent { misplaced += 1 }
            taken.append(next)
            index = scan
        }
        if let first = taken.first {
            report(
                .misplacedLine, range(first, first.contentColumn, first.contentColumn + 1),
                ParserMessages.optionsNotIndented(misplaced), notes: tabNotes(first),
                fixIt: FixIt(ParserMessages.indentOptions))
        }
        return taken
    }

    /// Type words in both languages → canonical names.
    static let typeWords: [String: String] = [
        "tekst": "text", "text": "text", "lang": "long", "long": "long", "lijst": "list", "list": "list",
        "ja/nee": "yesno", "janee": "yesno", "yes/no": "yesno", "yesno": "yesno", "keuze": "choice",
        "choice": "choice", "schaal": "scale", "scale": "scale", "lid": "member", "member": "member",
        "rol": "role", "role": "role", "effect": "effect", "stem": "vote",
        ]
    /// Everyday words for a type, and the type word they mean.
    static let typeSynonyms: [String: String] = [
        "meerkeuze": "keuze", "keuzes": "keuze", "meerkeus": "keuze", "multiplechoice": "choice",
        "opsomming": "lijst", "lijstje": "lijst", "janeevraag": "ja/nee", "open": "tekst", "kort": "tekst",
        "getal": "schaal", "cijfer": "schaal", "leerling": "lid", "groepslid": "lid", "persoon": "lid",
        "langetekst": "lang", "verhaal": "lang", "leden": "lid", "members": "member", "rollen": "rol", "roles": "role",
    ]
    /// Everyday words for the `min` and `max` of a list.
    static let modifierForms: [String: String] = [
        "minimaal": "min", "minimum": "min", "minstens": "min", "minimal": "min", "least": "min",
        "maximaal": "max", "maximum": "max", "hoogstens": "max", "maximal": "max", "most": "max",
    ]
    /// The type words of each language, so a suggestion stays in the language of the line.
    static let englishTypeWords: Set<String> = ["text", "long", "list", "yes/no", "yesno", "choice", "scale", "member", "role"]

    /// The canonical names of `typeWords`.
    private enum BaseType: String {
        case text, long, list, yesno, choice, scale, member, role, effect, vote
    }

    /// `typeWords` with their canonical names as a `BaseType`.
    private static let baseTypes: [String: BaseType] = typeWords.compactMapValues(BaseType.init(rawValue:))

    private struct TypeSpec {
        var type: AnswerType
        var choice: Bool
        var protocolTags: [ProtocolTag] = []
        /// Only the type and detail parts are filled in.
        var spans = QuestionSpans(keyword: SourceRange(file: "", line: 0, column: 0, length: 0), colon: SourceRange(file: "", line: 0, column: 0, length: 0))
    }

    /// `(tokens)` as it reads with `tokens[from...through]` replaced: a fix shown whole.
    private func spliced(_ tokens: ArraySlice<Token>, _ from: Int, _ through: Int, _ replacement: String) -> String {
        guard let first = tokens.first, let last = tokens.last else { return "(\(replacement))" }
        let scalars = first.text.base.unicodeScalars
        let before = String(Substring(scalars[first.text.startIndex..<tokens[from].text.startIndex]))
        let after = String(Substring(scalars[tokens[through].text.endIndex..<last.text.endIndex]))
        return "(\(before)\(replacement)\(after))"
    }

    /// The part between parentheses: a type word (questions only) and modifiers.
    private mutating func parseTypeSpec(
        _ line: SourceLine, _ tokens: ArraySlice<Token>, keyword: QuestionKeyword, open: Token, lineKeyword: String
    ) -> TypeSpec? {
        // Split on commas.
        var modifiers: [ArraySlice<Token>] = []
        var itemStart = tokens.startIndex
        for k in tokens.indices where tokens[k].isPunct(.comma) {
            modifiers.append(tokens[itemStart..<k])
            itemStart = k + 1
        }
        modifiers.append(tokens[itemStart..<tokens.endIndex])
        let canonical: BaseType?
        // The type word of a question: one word, or three tokens for `ja/nee`, `yes/no`.
        var typeWord: (first: Token, second: Token?)?
        switch keyword {
        case .ask:
            let first = modifiers[0]
            guard let head = first.first, head.isWord else {
                let at = tokens.first.map { range(line, $0) } ?? range(line, open)
                report(.unknownAnswerType, at, ParserMessages.unknownType(tokens.first.map { $0.spelling } ?? "()"), fixIt: FixIt(ParserMessages.typeList))
                return nil
            }
            let f = first.startIndex
            var second: Token?
            if first.count >= 3, first[f + 1].isPunct(.slash), first[f + 2].isWord { second = first[f + 2] }
            typeWord = (head, second)
            canonical = Self.baseTypes[typeWordText(line, head, second)]
            modifiers[0] = first.dropFirst(second == nil ? 1 : 3)
        case .solutions: canonical = .list
        case .effect: canonical = .effect
        case .vote:
            canonical = .vote
            if modifiers[0].first?.matches(Lexicon.choice) == true {
                modifiers[0] = modifiers[0].dropFirst()
            }
        }

        guard let canonical else {
            // Only a question's own type word can be unknown.
            let base = typeWord.map { typeWordText(line, $0.first, $0.second) } ?? ""
            let at = range(line, tokens[tokens.startIndex])
            let f = tokens.startIndex
            // `ja-nee`, `ja nee`: the yes/no type with another mark between its words.
            if tokens.count >= 3, tokens[f].isWord, tokens[f + 2].isWord, !tokens[f + 1].isPunct(.comma),
                Self.typeWords["\(tokens[f].spelling.lowercased())/\(tokens[f + 2].spelling.lowercased())"] != nil
            {
                let pair = "\(tokens[f].spelling)/\(tokens[f + 2].spelling)"
                let span = range(line, tokens[f].column, tokens[f + 2].endColumn)
                report(.unknownAnswerType, span, ParserMessages.unknownType(text(from: tokens[f], through: tokens[f + 2])),
                      fixIt: FixIt(ParserMessages.didYouMean(spliced(tokens, f, f + 2, pair)), replacement: pair, range: span))
                return nil
            }
            let last = f + (typeWord?.second == nil ? 0 : 2)
            if let synonym = Self.typeSynonyms[base.lowercased()] {
                report(.unknownAnswerType, at, ParserMessages.unknownType(base),
                      fixIt: FixIt(ParserMessages.didYouMean(spliced(tokens, f, last, synonym)), replacement: synonym, range: at))
                return nil
            }
            // A word of the line's language first: `vraag … (lyst)` means `lijst`, not `list`.
            let words = Self.typeWords.keys.sorted().filter { $0 != "effect" && $0 != "stem" }
            let english = ["ask", "vote", "solutions"].contains(lineKeyword.lowercased())
            let sameLanguage = words.filter { Self.englishTypeWords.contains($0) == english }
            let nearest = Suggestion.nearest(to: base, in: words).map { word in
                // The same type in the line's language (`lyst` is nearest to `list`, but a
                // Dutch line means `lijst`).
                sameLanguage.first { Self.typeWords[$0] == Self.typeWords[word] } ?? word
            }
            report(.unknownAnswerType, at, ParserMessages.unknownType(base),
                  fixIt: nearest.map { FixIt(ParserMessages.didYouMean(spliced(tokens, f, last, $0)), replacement: $0, range: at) }
                    ?? FixIt(ParserMessages.typeList))
            return nil
        }
        var minimum: Int?
        var maximum: Int?
        var maxMinutes: Int?
        var scale: (Int, Int)?
        var protocolTags: [ProtocolTag] = []
        var spans = TypeSpec(type: .text, choice: false).spans
        if let typeWord { spans.type = range(line, typeWord.first.column, (typeWord.second ?? typeWord.first).endColumn) }
        for item in modifiers where !item.isEmpty {
            let k = item.startIndex
            let head = item[k].key
            let span = range(line, item[k].column, item[item.endIndex - 1].endColumn)
            if head == Lexicon.protocolTag, let tags = protocolTagList(line, item.dropFirst()) {
                protocolTags += tags
            } else if item.count == 2, head == "min", case .number(let n) = item[k + 1].kind, canonical == .list {
                minimum = n
                spans.minimum = span
            } else if item.count == 2, head == "max", case .number(let n) = item[k + 1].kind, canonical == .list {
                maximum = n
                spans.maximum = span
            } else if item.count == 3, head == "max", case .number(let n) = item[k + 1].kind,
                item[k + 2].matches(Lexicon.minutes), canonical == .long
            {
                maxMinutes = n
                spans.maximum = span
            } else if item.count == 3, case .number(let a) = item[k].kind, item[k + 1].isPunct(.minus),
                case .number(let b) = item[k + 2].kind, canonical == .scale
            {
                scale = (a, b)
                spans.scale = span
            } else {
                let at = span
                let written = item.map { $0.spelling }.joined(separator: " ")
                if item.count == 3, case .number(let a) = item[k].kind, item[k + 1].matches(Lexicon.to),
                    case .number(let b) = item[k + 2].kind
                {
                    // `1 tot 5`: a range in words.
                    report(.malformedTypeDetail, at, ParserMessages.rangeInWords(written, "\(a)-\(b)"),
                          fixIt: FixIt(ParserMessages.didYouMean(spliced(tokens, k, k + 2, "\(a)-\(b)")), replacement: "\(a)-\(b)", range: at))
                } else if item.count == 2, let head, let form = Self.modifierForms[head], case .number = item[k + 1].kind {
                    // `minimaal 2`: the list's `min` in everyday words.
                    let word = range(line, item[k])
                    let meant = "\(form) \(item[k + 1].spelling)"
                    report(.malformedTypeDetail, word, ParserMessages.modifierInWords(written, meant),
                          fixIt: FixIt(ParserMessages.didYouMean(spliced(tokens, k, k, form)), replacement: form, range: word))
                } else {
                    report(.malformedTypeDetail, at, ParserMessages.unknownModifier(written), fixIt: FixIt(ParserMessages.modifierHint))
                }
                return nil
            }
        }
        var spec = plainSpec(canonical, minimum: minimum, maximum: maximum, maxMinutes: maxMinutes, scale: scale)
        spec.protocolTags = protocolTags
        spec.spans = spans
        return spec
    }

    /// `melden en stappenplan` after `protocol`: section words joined by `en`/`and`; nil when
    /// the words are missing or not joined that way (then the modifier is unknown).
    private func protocolTagList(_ line: SourceLine, _ tokens: ArraySlice<Token>) -> [ProtocolTag]? {
        var tags: [ProtocolTag] = []
        for (n, token) in tokens.enumerated() {
            if n % 2 == 1 {
                guard token.matches(Lexicon.and) else { return nil }
            } else {
                guard let name = token.word else { return nil }
                tags.append(ProtocolTag(name: name, range: range(line, token)))
            }
        }
        return tags.isEmpty || tokens.count % 2 == 0 ? nil : tags
    }

    private func plainSpec(_ canonical: BaseType, minimum: Int?, maximum: Int?, maxMinutes: Int?, scale: (Int, Int)?) -> TypeSpec {
        switch canonical {
        case .text: return TypeSpec(type: .text, choice: false)
        case .long: return TypeSpec(type: .longText(maxMinutes: maxMinutes), choice: false)
        case .list: return TypeSpec(type: .list(min: minimum, max: maximum), choice: false)
        case .yesno: return TypeSpec(type: .yesNo, choice: false)
        case .choice: return TypeSpec(type: .choice, choice: true)
        case .scale: return TypeSpec(type: .scale(min: scale?.0 ?? 1, max: scale?.1 ?? 5), choice: false)
        case .member: return TypeSpec(type: .member, choice: false)
        case .role: return TypeSpec(type: .role, choice: false)
        case .effect: return TypeSpec(type: .effect, choice: false)
        case .vote: return TypeSpec(type: .vote, choice: true)
        }
    }

    /// A question's type word as the messages show it: lowercased, `ja/nee` joined.
    private func typeWordText(_ line: SourceLine, _ first: Token, _ second: Token?) -> String {
        var typeWord = first.text.lowercased()
        if let second { typeWord += "/" + second.text.lowercased() }
        return typeWord
    }
}
