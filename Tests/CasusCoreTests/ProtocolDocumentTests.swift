import Foundation
import Testing
import TestSupport
@testable import CasusCore

/// The draft anti-bullying protocol over five groups' JSON sheets (Tests/Fixtures/Protocol,
/// made with `casus play … --answers` from the `.answers` files beside them and
/// `casus sheet --format json`; `times`, `speaking` and `case` removed): three on Opdracht 2
/// (Rood on topic 3; Geel and Oranje sharing topic 1, Oranje unfinished) and two on
/// Opdracht 1 (Paars and Wit), in mixed order.
@Suite("Protocol draft")
struct ProtocolDocumentTests {
    static let folder = Fixtures.root.appendingPathComponent("Protocol")
    static let names = ["opdracht2-rood", "opdracht1-paars", "opdracht2-geel", "opdracht1-wit", "opdracht2-oranje"]

    static func sheets(_ names: [String] = names, in folder: URL = folder) throws -> [SheetDocument] {
        try names.map { try JSONDecoder().decode(SheetDocument.self, from: Data(contentsOf: folder.appendingPathComponent($0 + ".json"))) }
    }

    static func document(_ sheets: [SheetDocument], language: Language = .nl) -> ProtocolDocument {
        ProtocolDocument(sheets.enumerated().map { ProtocolInput($0.element, group: $0.element.groupName($0.offset, language)) })
    }

    func golden(_ name: String, _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let problem = Golden.mismatch(text, golden: Self.folder.appendingPathComponent(name))
        #expect(problem == nil, sourceLocation: sourceLocation)
    }

    /// Tuesday 1 December 2026.
    static let session = CivilDay(daysSince1970: 20_788)

    @Test func goldenDocumentsInBothLanguages() throws {
        let sheets = try Self.sheets()
        for language in Language.allCases {
            let doc = Self.document(sheets, language: language)
            golden("protocol.\(language.rawValue).md", ProtocolMarkdown.render(doc, language: language))
            golden("protocol.\(language.rawValue).html", ProtocolHTML.render(doc, language: language))
            golden("mail.\(language.rawValue).txt", ProtocolMail.render(doc, session: Self.session, language: language))
            golden("content.\(language.rawValue).xml", ProtocolODT.content(doc, language: language))
        }
    }

    @Test func twelveSectionsInOrderEachFilledOrOpenWithAQuestion() throws {
        let doc = Self.document(try Self.sheets())
        #expect(doc.sections.map(\.section) == ProtocolSection.allCases)
        #expect(doc.openSections == [.purpose, .definition, .roles, .online, .communication, .monitoring])
        let md = ProtocolMarkdown.render(doc, language: .nl)
        for s in ProtocolSection.allCases { #expect(md.contains("## \(s.rawValue). \(s.title.nl)\n")) }
        for s in doc.openSections { #expect(md.contains("_Nog niet besproken._ Te beantwoorden: \(s.openQuestion.nl)")) }
        // Topics go where the issue puts them: 1 → signalling, 3 → reporting; Opdracht 1's
        // closing question → prevention; the step plans of all three groups → section 7.
        let by = { (s: ProtocolSection) in doc.sections.first { $0.section == s }!.groups }
        #expect(by(.signalling) == ["Groep Geel", "Groep Oranje"])
        #expect(by(.reporting) == ["Groep Rood"])
        #expect(by(.prevention) == ["Groep Paars", "Groep Wit"])
        #expect(by(.stepPlan) == ["Groep Rood", "Groep Geel", "Groep Oranje"])
    }

    @Test func groupsOnTheSameTopicAreMergedWithAgreementsAndDifferences() throws {
        let doc = Self.document(try Self.sheets())
        let signalling = try #require(doc.sections.first { $0.section == .signalling })
        let shared = try #require(signalling.points.first { $0.text == "pesters zijn vaak populaire leerlingen die niet opvallen" })
        #expect(shared.groups == ["Groep Geel", "Groep Oranje"])
        #expect(signalling.points.filter { $0.text == shared.text }.count == 1)
        #expect(signalling.agreements.map(\.text) == [shared.text, "leerlingen leren screenshots te bewaren en te laten zien"])
        #expect(signalling.differences.contains(.onlyBy(group: "Groep Oranje", points: [
            "de jaarlijkse vragenlijst over veiligheidsbeleving laat zien in welke klassen het speelt",
            "de uitkomsten van de vragenlijst per klas bespreken",
        ])))
        let steps = try #require(doc.sections.first { $0.section == .stepPlan })
        #expect(steps.differences.contains(.who(point: "signaal noteren in het leerlingvolgsysteem", mentions: [
            .init(group: "Groep Geel", detail: "Elke collega die iets ziet."),
            .init(group: "Groep Oranje", detail: "De vakdocent die het ziet."),
        ])))
    }

    @Test func checklistTicksWhatTheAnswersNameAndLeavesTheRestOpen() throws {
        let doc = Self.document(try Self.sheets())
        #expect(doc.checklist.map(\.isMet) == [false, true, true])
        #expect(doc.checklist[2].evidence.map(\.group) == ["Groep Oranje"])
        // Without Oranje nobody names yearly monitoring.
        let without = Self.document(try Self.sheets(Self.names.filter { $0 != "opdracht2-oranje" }))
        #expect(without.checklist.map(\.isMet) == [false, true, false])
        let md = ProtocolMarkdown.render(without, language: .nl)
        #expect(md.contains("- [ ] Jaarlijkse monitoring van de veiligheidsbeleving van leerlingen — _nog open_"))
    }

    @Test func whoDoesWhatGathersEveryRoleOfTheStepPlans() throws {
        let doc = Self.document(try Self.sheets())
        // In the order first named: Rood's step plan comes first in the input.
        #expect(doc.roles.map(\.role) == [
            "wie de melding ontvangt", "mentor", "vakdocent", "receptie", "coördinator", "teamleider", "collega", "anti-pestcoördinator",
        ])
        let mentor = try #require(doc.roles.first { $0.role == "mentor" })
        #expect(mentor.tasks.first?.text == "melding ontvangen en dezelfde dag vastleggen")
        #expect(Set(mentor.tasks.flatMap(\.groups)) == ["Groep Geel", "Groep Oranje", "Groep Rood"])
        #expect(RoleVocabulary.named(in: "De zorgcoördinator en de mentoren") == ["zorgcoördinator", "mentor"])
        #expect(RoleVocabulary.named(in: "Iemand van de directie?") == ["directie"])
        #expect(RoleVocabulary.named(in: "Wie er dienst heeft") == ["Wie er dienst heeft"])
    }

    @Test func unfinishedGroupsAreNamedAndStillCount() throws {
        let doc = Self.document(try Self.sheets())
        #expect(doc.unfinished == ["Groep Oranje"])
        #expect(doc.groups.map(\.scenario).filter { $0.contains("opdracht 1") }.count == 2)
        let md = ProtocolMarkdown.render(doc, language: .en)
        #expect(md.contains("**Not finished yet: Groep Oranje. Their answers so far are included.**"))
    }

    @Test func sheetsFromBeforeTagsStillFeedTheDraft() throws {
        // Tests/Fixtures/Reports holds sheets written before `protocol` tags existed.
        let old = try Self.sheets(["opdracht2-groep-rood", "opdracht2-groep-geel"], in: Fixtures.root.appendingPathComponent("Reports"))
        #expect(old.allSatisfy { $0.answers.allSatisfy { $0.protocol == nil } })
        let doc = Self.document(old)
        #expect(doc.openSections.contains(.reporting) == false)
        #expect(doc.openSections.contains(.signalling) == false)
    }

    @Test func theMailNamesTheFollowUpWithinTwoWeeksAndWhatWasAgreed() throws {
        let doc = Self.document(try Self.sheets())
        let nl = ProtocolMail.render(doc, session: Self.session, language: .nl)
        #expect(nl.contains("van dinsdag 1 december 2026"))
        #expect(nl.contains("uiterlijk dinsdag 15 december 2026"))
        #expect(nl.contains("- dinsdag 10 maart, in het teamoverleg van 15.30 uur (Groep Rood)"))
        #expect(nl.contains("   - melding ontvangen en dezelfde dag vastleggen (Groep Rood; wie: Wie de melding ontvangt (mentor, vakdocent, receptie).)"))
        #expect(nl.contains("   - pesters zijn vaak populaire leerlingen die niet opvallen (Groep Geel, Groep Oranje)"))
        let en = ProtocolMail.render(doc, session: Self.session, language: .en)
        #expect(en.hasPrefix("Subject: ") && en.contains("by Tuesday 15 December 2026 at the latest"))
        #expect(CivilDay(daysSince1970: 0).text(.nl) == "donderdag 1 januari 1970")
        #expect(CivilDay(daysSince1970: 20_847).text(.en) == "Friday 29 January 2027")
    }

    @Test func theEditableDocumentHasHeadingsChecklistAndTable() throws {
        let doc = Self.document(try Self.sheets())
        let files = ProtocolODT.files(doc, language: .nl)
        #expect(files.map(\.path) == ["mimetype", "META-INF/manifest.xml", "styles.xml", "meta.xml", "content.xml"])
        #expect(files[0].contents == "application/vnd.oasis.opendocument.text")
        let content = ProtocolODT.content(doc, language: .nl)
        #expect(content.components(separatedBy: "<text:h text:style-name=\"Heading_20_2\" text:outline-level=\"2\">").count - 1 == 12 + 2)
        #expect(content.contains("<text:h text:style-name=\"Heading_20_3\" text:outline-level=\"3\">Wie doet wat</text:h>"))
        #expect(content.components(separatedBy: "<text:p text:style-name=\"Checklist\">").count - 1 == 3 + 1)
        #expect(content.contains("☐<text:s/>Een beleid tegen pesten"))
        let rows = doc.roles.map(\.tasks.count).reduce(0, +)
        #expect(content.components(separatedBy: "<table:table-row>").count - 1 == rows + 1)
        // Answers are escaped: no raw markup from a group reaches the XML.
        var hostile = try Self.sheets(["opdracht2-geel"])
        hostile[0].answers[1].value = .list(["<b>&'\"\u{1B}"])
        let escaped = ProtocolODT.content(Self.document(hostile), language: .nl)
        #expect(escaped.contains("&lt;b&gt;&amp;&#39;&quot;␛") && !escaped.contains("<b>"))
    }
}
