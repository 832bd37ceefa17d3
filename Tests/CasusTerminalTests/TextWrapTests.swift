import CasusTerminal
import Testing

@Suite struct TextWrapTests {
    @Test func wrapsOnSpaces() {
        #expect(TextWrap.wrap("de pesters lachen hard", width: 10) == ["de pesters", "lachen", "hard"])
    }

    @Test func countsGraphemeClustersNotBytes() {
        // "geïnteresseerd" is 14 characters but 15 UTF-8 bytes; it must fit in 14 columns.
        #expect(TextWrap.wrap("geïnteresseerd", width: 14) == ["geïnteresseerd"])
        #expect(TextWrap.wrap("zij is geïnteresseerd", width: 21) == ["zij is geïnteresseerd"])
        #expect(TextWrap.wrap("👩‍🏫 👩‍🏫 👩‍🏫", width: 3) == ["👩‍🏫 👩‍🏫", "👩‍🏫"])
    }

    @Test func neverSplitsAWordThatFits() {
        let lines = TextWrap.wrap("een geïnteresseerd slachtoffer", width: 15)
        #expect(lines == ["een", "geïnteresseerd", "slachtoffer"])
    }

    @Test func splitsOnlyWordsLongerThanTheWidth() {
        #expect(TextWrap.wrap("a onderwijsinspectie b", width: 6) == ["a", "onderw", "ijsins", "pectie", "b"])
    }

    @Test func keepsParagraphsAndBlankLines() {
        let lines = TextWrap.wrap("eerste alinea\n\ntweede", width: 8)
        #expect(lines == ["eerste", "alinea", "", "tweede"])
    }

    @Test func indentCountsTowardsTheWidth() {
        let lines = TextWrap.wrap("een twee drie vier", width: 10, indent: "  ")
        #expect(lines == ["  een twee", "  drie", "  vier"])
        #expect(lines.allSatisfy { $0.count <= 10 })
    }

    @Test func collapsesRunsOfSpaces() {
        #expect(TextWrap.wrap("a   b", width: 80) == ["a b"])
    }

    @Test func degenerateWidthStillMakesProgress() {
        #expect(TextWrap.wrap("abc", width: 0) == ["a", "b", "c"])
        #expect(TextWrap.wrap("ab", width: 2, indent: "    ") == ["    a", "    b"])
    }
}
