import Testing
@testable import CasusCore

/// Units over `SourceLine` (lines and indentation) and `LineLexer` (tokens of a code line).
@Suite struct LexerTests {
    private func lex(_ text: String, stopAtColon: Bool = false) -> (tokens: [Token], rest: LinePiece?, unterminatedString: Int?) {
        var lexer = LineLexer(line: SourceLine.split(text)[0])
        return lexer.tokens(stopAtColon: stopAtColon)
    }

    /// A token with its text, as the tests compare them.
    private enum Lexeme: Equatable {
        case word(String), number(Int), string(String), punct(Punct), invalid(Unicode.Scalar)
    }

    private func kinds(_ text: String, stopAtColon: Bool = false) -> [Lexeme] {
        lex(text, stopAtColon: stopAtColon).tokens.map { token in
            switch token.kind {
            case .word: .word(String(token.text))
            case .number(let n): .number(n)
            case .string: .string(token.value ?? "")
            case .punct(let p): .punct(p)
            case .invalid(let c): .invalid(c)
            }
        }
    }

    // MARK: - Lines

    /// The lines of `text` with their contents.
    private func lines(_ text: String) -> [(line: SourceLine, content: String)] {
        SourceLine.split(text).map { ($0, String($0.content)) }
    }

    @Test func splitsOnEveryKindOfLineBreak() {
        let lines = self.lines("a\nb\r\nc\rd")
        #expect(lines.map(\.line.number) == [1, 2, 3, 4])
        #expect(lines.map(\.content) == ["a", "b", "c", "d"])
    }

    @Test func crlfCountsAsOneBreakAndBlankLinesKeepTheirNumbers() {
        let lines = self.lines("a\r\n\r\nb\r\n")
        #expect(lines.count == 3)
        #expect(lines[1].line.isBlank)
        #expect(lines[2].line.number == 3)
        #expect(lines[2].content == "b")
    }

    @Test func noTrailingEmptyLineAfterAFinalNewline() {
        #expect(SourceLine.split("a\n").count == 1)
        #expect(SourceLine.split("").isEmpty)
    }

    @Test func indentationCountsSpacesAndTabsToFourColumns() {
        let lines = SourceLine.split("    a\n\tb\n  \tc\n\t  d")
        #expect(lines.map(\.indent) == [4, 4, 4, 6])
        #expect(lines.map(\.contentColumn) == [5, 2, 4, 4])
    }

    @Test func byteOrderMarkIsNeitherIndentNorContent() {
        let line = SourceLine.split("\u{FEFF}titel: x")[0]
        #expect(line.indent == 0)
        // The mark is one scalar, so one column.
        #expect(line.contentColumn == 2)
        #expect(line.content == "titel: x")
    }

    @Test func blankAndCommentLines() {
        let lines = SourceLine.split("   \n  # opmerking\nzeg: # geen opmerking")
        #expect(lines[0].isBlank)
        #expect(!lines[0].isComment)
        #expect(lines[1].isComment)
        #expect(!lines[2].isComment)
    }

    @Test func contentEndSkipsTrailingSpacesAndTabs() {
        let lines = self.lines("  zeg: a \t \n\t\n")
        #expect(lines[0].line.contentEnd == 9)
        #expect(lines[0].content == "zeg: a")
        #expect(lines[1].line.isBlank)
    }

    @Test func columnsCountUnicodeScalars() {
        // "ë" as one precomposed scalar, "e\u{301}" as two.
        let tokens = lex("ë e\u{301} x").tokens
        #expect(tokens.map(\.column) == [1, 3, 6])
        #expect(tokens.map(\.endColumn) == [2, 5, 7])
        #expect(tokens.map(\.text) == ["ë", "e\u{301}", "x"])
    }

    // MARK: - Tokens

    @Test func wordsNumbersAndStrings() {
        #expect(kinds("stap \"De situatie\" (10 min)") == [
            .word("stap"), .string("De situatie"), .punct("("), .number(10), .word("min"), .punct(")"),
        ])
    }

    @Test func wordsMayHoldAccentsDigitsAndUnderscores() {
        #expect(kinds("vraag reünie_2 _x") == [.word("vraag"), .word("reünie_2"), .word("_x")])
    }

    @Test func tokenColumnsAreOneBasedAndEndExclusive() {
        let tokens = lex("  als x >= 3").tokens
        #expect(tokens.map(\.column) == [3, 7, 9, 12])
        #expect(tokens.map(\.endColumn) == [6, 8, 11, 13])
    }

    @Test func operators() {
        #expect(kinds("= != < <= > >= == ≠ ++ -- + - − / , ( )") == [
            .punct("="), .punct("!="), .punct("<"), .punct("<="), .punct(">"), .punct(">="), .punct("="),
            .punct("!="), .punct("++"), .punct("--"), .punct("+"), .punct("-"), .punct("-"), .punct("/"),
            .punct(","), .punct("("), .punct(")"),
        ])
    }

    @Test func yesNoIsThreeTokens() {
        #expect(kinds("ja/nee") == [.word("ja"), .punct("/"), .word("nee")])
    }

    @Test func curlyQuotesMakeStrings() {
        #expect(kinds("als k = \u{201C}Een\u{201D}") == [.word("als"), .word("k"), .punct("="), .string("Een")])
        #expect(kinds("als k = \u{201E}Twee\"") == [.word("als"), .word("k"), .punct("="), .string("Twee")])
    }

    @Test func commentEndsTheLineButNotInsideAString() {
        #expect(kinds("stap \"Nr # 1\" # tijd") == [.word("stap"), .string("Nr # 1")])
    }

    @Test func unterminatedStringReportsItsColumn() {
        let result = lex("stap \"open")
        #expect(result.unterminatedString == 6)
        #expect(result.tokens.map(\.kind) == [.word])
    }

    @Test func stopAtColonGivesWhereTheProseStarts() {
        let result = lex("vraag x (tekst): Als de jongen = \"iets\"", stopAtColon: true)
        #expect(result.tokens.last?.kind == .punct(":"))
        #expect(result.rest?.column == 17)
        #expect(result.rest?.text == " Als de jongen = \"iets\"")
        #expect(result.tokens.count == 6)
    }

    @Test func withoutStopAtColonTheColonIsAToken() {
        #expect(kinds("a: b") == [.word("a"), .punct(":"), .word("b")])
    }

    @Test func strangeCharactersAreInvalidTokens() {
        #expect(kinds("x @ y") == [.word("x"), .invalid("@"), .word("y")])
    }

    @Test func absurdNumbersSaturateInsteadOfOverflowing() {
        guard case .number(let n) = lex(String(repeating: "9", count: 40)).tokens[0].kind else {
            Issue.record("expected a number")
            return
        }
        #expect(n > 100_000_000)
    }

    @Test func spellingForMessages() {
        let tokens = lex("x \u{201C}y\u{201D} 3 >=").tokens
        #expect(tokens.map(\.spelling) == ["x", "\"y\"", "3", ">="])
        #expect(tokens.map(\.text) == ["x", "\u{201C}y\u{201D}", "3", ">="])
    }

    // MARK: - Keywords

    @Test func keywordsInBothLanguagesAndAnyCase() {
        #expect(Keyword(word: "VRAAG") == .ask)
        #expect(Keyword(word: "Ask") == .ask)
        #expect(Keyword(word: "einde") == .end)
        #expect(Keyword(word: "end") == .end)
        #expect(Keyword(word: "voor") == .forEach)
        #expect(Keyword(word: "for") == .forEach)
        #expect(Keyword(word: "vraagje") == nil)
        #expect(Keyword.ask.spelling(.nl) == "vraag")
        #expect(Keyword.ask.spelling(.en) == "ask")
        #expect(Keyword.info.spelling(.en) == "info")
    }

    @Test func theLexiconIgnoresCase() {
        #expect(Keyword(word: "VRAAG") == .ask)
        #expect(Keyword(word: "Vraag") == .ask)
        // The Kelvin sign lowercases to an ASCII `k`.
        #expect(Keyword(word: "\u{212A}OP") == .heading)
        #expect(Keyword(word: String(repeating: "a", count: 17)) == nil)
        #expect(Keyword(word: "") == nil)
        #expect(MetadataKey(word: "Taal") == .language)
        #expect(SheetPart(name: "STEMMING") == .votes)
    }

    @Test func metadataKeysInBothLanguages() {
        #expect(MetadataKey(word: "Titel") == .title)
        #expect(MetadataKey(word: "language") == .language)
        #expect(MetadataKey(word: "taken") == .jobs)
        #expect(MetadataKey(word: "naam") == nil)
    }

    @Test func suggestionFindsNearKeywordsOnly() {
        #expect(Suggestion.nearest(to: "vrag", in: ["vraag", "zeg"]) == "vraag")
        #expect(Suggestion.nearest(to: "sdap", in: ["stap", "zeg"]) == "stap")
        #expect(Suggestion.nearest(to: "olifant", in: ["vraag", "zeg"]) == nil)
        #expect(Suggestion.nearest(to: "", in: ["vraag"]) == nil)
    }
}
