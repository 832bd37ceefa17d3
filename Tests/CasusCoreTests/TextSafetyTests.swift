import CasusCore
import Testing

@Suite struct TextSafetyTests {
    @Test func plainTextIsUnchanged() {
        let text = "Jij bent geïnteresseerd 👩‍🏫\n\tnieuwe regel"
        #expect(TextSafety.sanitize(text) == text)
    }

    @Test func escapeSequencesAreDefused() {
        let sanitized = TextSafety.sanitize("a\u{1B}[2Jb\u{1B}]0;titel\u{07}")
        #expect(sanitized == "a␛[2Jb␛]0;titel␇")
        #expect(!sanitized.unicodeScalars.contains("\u{1B}"))
    }

    @Test func c0DelAndC1AreReplaced() {
        #expect(TextSafety.sanitize("x\u{00}y\u{08}z\u{7F}") == "x␀y␈z␡")
        #expect(TextSafety.sanitize("\u{9B}31m\u{85}") == "\u{FFFD}31m\u{FFFD}")
    }

    @Test func carriageReturnIsReplacedEvenBeforeNewline() {
        // "\r\n" is a single Character; sanitize must still see the CR.
        #expect(TextSafety.sanitize("regel\r\nvolgende") == "regel␍\nvolgende")
    }

    @Test func nothingDangerousSurvivesAnyScalar() {
        var all = String.UnicodeScalarView()
        for value in UInt32(0)...0xFF { all.append(Unicode.Scalar(value)!) }
        let sanitized = TextSafety.sanitize(String(all))
        for scalar in sanitized.unicodeScalars {
            #expect(scalar == "\n" || scalar == "\t" || !TextSafety.needsReplacement(scalar))
        }
    }
}
