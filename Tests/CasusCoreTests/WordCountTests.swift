import Testing
@testable import CasusCore

/// The speaking-time estimate counts words: pieces between whitespace that hold a letter or
/// a digit. Counted by Unicode scalar; it must agree with the definition by Character.
@Suite("Word count")
struct WordCountTests {
    @Test(arguments: [
        ("", 0),
        ("   \n\t ", 0),
        ("Wij kiezen aangifte.", 3),
        ("Wij  kiezen\taangifte\r\nnu", 4),
        ("- -- ... ?! 42", 1),
        ("a-b c,d", 2),
        ("\u{0B}a\u{0C}b\u{1F}c", 2),
        ("één idee\u{00A0}ën", 3),
        ("Ideeën — één — twee", 3),
        ("café\r\nnaïef 3e", 3),
        ("👍 😀 ok", 1),
        ("\u{2003}ja\u{3000}nee\u{85}oké", 3),
        ("nai\u{0308}ve ide\u{0301}e", 2),
        ("\u{0660}\u{0661} \u{00BD}", 2),
    ])
    func counts(_ text: String, _ words: Int) {
        #expect(SheetModel.wordCount(text) == words)
        #expect(SheetModel.wordCount(text) == reference(text))
    }

    /// The definition as it reads: split on whitespace, keep pieces with a letter or digit.
    private func reference(_ text: String) -> Int {
        text.split { $0.isWhitespace }.filter { $0.contains { $0.isLetter || $0.isNumber } }.count
    }
}
