import Foundation
import Testing

@testable import CasusCore

/// The code tables of the documentation are the enum: every code once, with its severity,
/// and no row for a code that does not exist.
@Suite struct DiagnosticCodeTableTests {
    static let docs = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs")

    /// `(code, isWarning)` for every `| C001 | …` or `| C150 (w) | …` row of a file.
    static func rows(_ file: String) throws -> [(String, Bool)] {
        let text = try String(contentsOf: docs.appendingPathComponent(file), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard line.hasPrefix("|"), cells.count >= 3 else { return nil }
            let first = cells[1]
            let code = first.replacingOccurrences(of: " (w)", with: "")
            guard code.count == 4, let letter = code.first, "CTA".contains(letter),
                code.dropFirst().allSatisfy(\.isNumber)
            else { return nil }
            return (code, first.hasSuffix("(w)"))
        }
    }

    static func expected(_ prefixes: String) -> [(String, Bool)] {
        DiagnosticCode.allCases.filter { prefixes.contains($0.rawValue.first!) }
            .map { ($0.rawValue, $0.severity == .warning) }
    }

    @Test func languageReferenceListsEveryScenarioAndTestCode() throws {
        // The limits table names codes in its second column, never in its first.
        let documented = try Self.rows("language.md")
        #expect(documented.map(\.0) == Self.expected("CT").map(\.0))
        #expect(documented.map(\.1) == Self.expected("CT").map(\.1))
    }

    @Test func answerScriptGuideListsEveryScriptCode() throws {
        let documented = try Self.rows("answer-scripts.md")
        #expect(documented.map(\.0) == Self.expected("A").map(\.0))
        #expect(documented.map(\.1) == Self.expected("A").map(\.1))
    }

    @Test func everyCodeHasItsOwnValue() {
        #expect(Set(DiagnosticCode.allCases.map(\.rawValue)).count == DiagnosticCode.allCases.count)
    }

    /// The limits table quotes the constants the code enforces.
    @Test func limitsTableQuotesTheConstants() throws {
        let text = try String(contentsOf: Self.docs.appendingPathComponent("language.md"), encoding: .utf8)
        func english(_ n: Int) -> String { LimitMessages.number(n, .en) }
        let quoted = [
            "a file of at most \(Parser.maxFileBytes >> 20) MB",
            "a line of at most \(english(Parser.maxLineLength)) characters",
            "blocks nested at most \(Parser.maxNesting) deep",
            "parentheses and `niet` nested at most \(Parser.maxNesting) deep",
            "at most \(ExpressionParser.maxOperators) `en`/`of` in one condition",
            "includes nested at most \(IncludeResolver<InMemorySourceProvider>.maxDepth) deep, at most \(IncludeResolver<InMemorySourceProvider>.maxFiles) files",
            "at most \(Limits.maxRoles) roles",
            "holds at most \(Limits.maxListItems) items: `min`/`max` above \(Limits.maxListItems)",
            "at most \(english(Limits.maxPlayedPerStep)) questions and texts",
            "more than \(Limits.maxListItems) items is refused",
            "after \(english(Limits.maxRenderedCharacters))\ncharacters",
        ]
        for phrase in quoted { #expect(text.contains(phrase), "docs/language.md does not say: \(phrase)") }
    }

    @Test func limitMessagesQuoteTheConstants() {
        #expect(ParserMessages.lineTooLong.nl.contains("10.000"))
        #expect(ParserMessages.lineTooLong.en.contains("10,000"))
        #expect(ParserMessages.tooDeep.en.contains("\(Parser.maxNesting)"))
        #expect(LimitMessages.number(1_234_567, .nl) == "1.234.567")
        #expect(LimitMessages.number(999, .en) == "999")
    }
}
