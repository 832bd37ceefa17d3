import Foundation
import Testing
@testable import CasusCore

/// `protocol SECTION` in a question's parentheses: parsed, checked, kept by `casus fmt`, and
/// carried into the sheet so the report knows what each answer feeds.
@Suite struct ProtocolTagTests {
    private func scenario(_ body: String, language: String = "nl") throws -> Scenario {
        let step = language == "nl" ? "stap \"A\"\n\(body)\neinde\n" : "step \"A\"\n\(body)\nend\n"
        let result = ScenarioLoader.load(source: "titel: T\ntaal: \(language)\n\n" + step, path: "t.casus")
        return try #require(result.scenario, "\(result.diagnostics.map { $0.message.en })")
    }

    @Test func dutchAndEnglishTagsNameTheSameSections() throws {
        let nl = try scenario("    vraag s (lijst, min 2, protocol stappenplan en rollen): Stappen?")
        let en = try scenario("    ask s (list, min 2, protocol steps and roles): Steps?", language: "en")
        for s in [nl, en] {
            let tags = try #require(s.questions["s"]).question.protocolTags.map(\.name)
            #expect(tags.compactMap(ProtocolSection.named) == [.stepPlan, .roles])
            #expect(try #require(s.questions["s"]).question.type == .list(min: 2, max: nil))
        }
    }

    @Test func anUnknownSectionIsALocatedErrorWithASuggestion() {
        assertDiagnostic(
            "titel: T\nstap \"A\"\n    vraag a (tekst, protocol 1️⃣melen): Waar?\neinde\n", code: "C170",
            message: "`melen` is not a section of the protocol", fixIt: "did you mean `melden`?")
    }

    @Test func aWordFarFromEverySectionListsThem() {
        let all = assertDiagnostic(
            "titel: T\nstap \"A\"\n    vraag a (tekst, protocol 1️⃣xyzzyq): Waar?\neinde\n", code: "C170")
        #expect(all.first { $0.code == .unknownProtocolSection }?.fixIt?.message.en.contains("stepPlan") == false)
        #expect(all.first { $0.code == .unknownProtocolSection }?.fixIt?.message.en.contains("steps, online") == true)
    }

    @Test func theTopicTagNeedsAChoiceQuestionThatAsksForTheTopic() throws {
        assertDiagnostic(
            "titel: T\nstap \"A\"\n    vraag a (lijst, protocol 1️⃣onderwerp): Wat?\neinde\n", code: "C171",
            message: "`protocol onderwerp` follows the group's topic, but no choice question asks for the topic")
        _ = try scenario("    vraag o (keuze, protocol onderwerp): Welk?\n        - Melden\n    vraag a (lijst, protocol onderwerp): Wat?")
    }

    @Test func protocolWithoutASectionIsAnUnknownModifier() {
        assertDiagnostic("titel: T\nstap \"A\"\n    vraag a (tekst, 1️⃣protocol): Waar?\neinde\n", code: "C019")
        assertDiagnostic("titel: T\nstap \"A\"\n    vraag a (tekst, 1️⃣protocol melden rollen): Waar?\neinde\n", code: "C019")
    }

    @Test func fmtKeepsTheTagsAndSpacesThemCanonically() throws {
        let messy = "titel: T\nstap \"A\"\n  vraag a (tekst,   protocol   melden  en  online):   Waar?\neinde\n"
        let out = try Formatter.format(messy).get()
        #expect(out == "titel: T\n\nstap \"A\"\n    vraag a (tekst, protocol melden en online): Waar?\neinde\n")
    }

    @Test func theSheetCarriesTheStoredNames() throws {
        let s = try scenario("    vraag a (tekst, protocol melden en online): Waar?\n    vraag b: Nog iets?")
        var session = RT.Session(s)
        session.type("bij de mentor")
        session.type("nee")
        let model = SheetModel(state: session.state, language: .nl)
        #expect(model.answers.map(\.protocolSections) == [["reporting", "online"], []])
        let json = try JSONEncoder().encode(SheetDocument(model))
        #expect(String(decoding: json, as: UTF8.self).components(separatedBy: "\"protocol\"").count == 2)
        let input = try JSONDecoder().decode(SheetDocument.self, from: json)
        #expect(input.answers.map(\.protocol) == [["reporting", "online"], nil])
    }
}
