import Foundation
import Testing
import TestSupport
@testable import CasusCore

/// `Report` and its renderers on four groups' JSON sheets from real plays (made with
/// `casus play … --answers` and `casus sheet … --format json`; `times`, `speaking` and `case`
/// removed and the scenario path made relative, so the fixtures do not depend on a machine):
/// Groep Blauw and Groep Groen on VO 1 (Tests/Fixtures/Playthroughs/vo1-afpersing-havo4.answers
/// and Reports/vo1-groep-groen.answers), Groep Rood (topic 3) and Groep Geel (topic 1) on
/// Opdracht 2 (Playthroughs/opdracht2-aanpak-school.answers and Reports/opdracht2-groep-geel.answers).
@Suite("Reports")
struct ReportTests {
    static let folder = Fixtures.root.appendingPathComponent("Reports")
    /// Input order on purpose: the Opdracht 2 group on topic 3 comes before the one on topic 1.
    static let names = ["vo1-groep-blauw", "opdracht2-groep-rood", "vo1-groep-groen", "opdracht2-groep-geel"]

    static func inputs() throws -> [SheetDocument] {
        try names.map { name in
            let data = try Data(contentsOf: folder.appendingPathComponent(name + ".json"))
            return try JSONDecoder().decode(SheetDocument.self, from: data)
        }
    }

    func golden(_ name: String, _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let problem = Golden.mismatch(text, golden: Self.folder.appendingPathComponent(name))
        #expect(problem == nil, sourceLocation: sourceLocation)
    }

    @Test func goldenReports() throws {
        let report = Report(sheets: try Self.inputs(), language: .nl)
        try golden("report.nl.md", MarkdownReport.render(report))
        try golden("report.nl.html", HTMLReport.render(report))
        try golden("report.en.md", MarkdownReport.render(Report(sheets: try Self.inputs(), language: .en)))
    }

    @Test func scenariosAreGroupedAndEveryGroupsAnswersAppear() throws {
        let inputs = try Self.inputs()
        let report = Report(sheets: inputs, language: .nl)
        #expect(report.scenarios.map(\.groups) == [["Groep Blauw", "Groep Groen"], ["Groep Rood", "Groep Geel"]])
        let md = MarkdownReport.render(report)
        let html = HTMLReport.render(report)
        for input in inputs {
            let name = try #require(input.group?.name)
            #expect(md.contains(name) && html.contains(name))
            for answer in input.answers where !answer.skipped && answer.type != .effect {
                for piece in (answer.items ?? [answer.text ?? ""]) {
                    for part in piece.split(separator: "\n") {
                        #expect(md.contains(part), "\(name) \(answer.key) missing from the Markdown report")
                        #expect(html.contains(HTMLSheet.e(String(part))), "\(name) \(answer.key) missing from the HTML report")
                    }
                }
            }
        }
        // Side by side: one row for the shared question, with both groups' answers.
        let vo1 = report.scenarios[0]
        let row = try #require(vo1.steps.first?.rows.first { $0.questionId == "wat_gebeurde" })
        #expect(row.entries.map(\.group) == ["Groep Blauw", "Groep Groen"])
        let mentor = try #require(vo1.steps.first?.rows.first { $0.context == "rol: de mentor" })
        #expect(mentor.entries.count == 2)
        // Per-member answers stay in one row, named by group and member.
        let members = try #require(vo1.steps.flatMap(\.rows).first { $0.questionId == "groepsdruk_positief" })
        #expect(members.entries.map(\.member) == ["Anna", "Bram", "Carla", "Daan", "Ilse", "Joost", "Karin"])
        #expect(members.prompt.hasPrefix("Hoe kun je groepsdruk positief gebruiken"))
        // Effect ratings and ballots are in the solutions part, not among the questions.
        #expect(!vo1.steps.flatMap(\.rows).contains { $0.questionId == "effect" || $0.questionId == "gekozen" })
    }

    @Test func solutionsVotesAndAgreement() throws {
        let vo1 = Report(sheets: try Self.inputs(), language: .nl).scenarios[0]
        #expect(vo1.solutions.map(\.group) == ["Groep Blauw", "Groep Groen"])
        #expect(vo1.solutions[0].tally.map(\.votes) == [3, 1, 0])
        #expect(vo1.solutions[1].tally.map(\.votes) == [2, 1])
        #expect(vo1.solutions[1].chosen == "gesprek met beide meisjes en hun ouders, en samen een veiligheidsplan maken")
        // The same choice, written with another capital.
        #expect(vo1.agreements.first == .sameChoice(
            solution: "Gesprek met beide meisjes en hun ouders, en samen een veiligheidsplan maken",
            groups: ["Groep Blauw", "Groep Groen"]))
        let signs = vo1.agreements.compactMap { a -> String? in
            if case .effectSign(let role, let sign, _) = a { return "\(role)\(sign)" }
            return nil
        }
        // The friend: Blauw + and Groen -, so no agreement for her.
        #expect(signs == ["het meisje uit havo 41", "de meiden uit de andere klas0", "de ouders1", "de mentor1", "klasgenoten en volgers online0"])
        // The other scenario has no solutions: nothing to agree on, and no section for it.
        let o2 = Report(sheets: try Self.inputs(), language: .nl).scenarios[1]
        #expect(o2.solutions.isEmpty && o2.agreements.isEmpty)
        // One group alone: nothing to compare.
        let alone = Report(sheets: [try Self.inputs()[0]], language: .en)
        #expect(alone.scenarios[0].agreements.isEmpty)
        #expect(MarkdownReport.render(alone).contains("One group played this scenario; there is nothing to compare."))
    }

    @Test func draftProtocolFollowsTheSixTopics() throws {
        let report = Report(sheets: try Self.inputs(), language: .nl)
        let draft = try #require(report.draft)
        #expect(draft.sections.map(\.topic.rawValue) == [1, 2, 3, 4, 5, 6])
        #expect(draft.sections[0].contributions.map(\.group) == ["Groep Geel"])
        #expect(draft.sections[2].contributions.map(\.group) == ["Groep Rood"])
        #expect(draft.openTopics == [.signallingVictims, .consequences, .communication, .actions])
        #expect(draft.unmatched.isEmpty)
        let geel = draft.sections[0].contributions[0]
        #expect(geel.steps.map(\.text) == [
            "signaal noteren in het leerlingvolgsysteem", "signaal bespreken in het mentorenoverleg",
            "gesprek met de vermoedelijke pester",
        ])
        #expect(geel.steps.map(\.who) == ["Elke collega die iets ziet.", "De mentor, met de teamleider.", "De mentor en de anti-pestcoördinator."])
        #expect(geel.recommendations[1].who == "De mentor in de mentorles; de ICT-coördinator maakt een instructie.")
        #expect(geel.examples == nil)
        #expect(draft.followUps.map(\.group) == ["Groep Rood", "Groep Geel"])
        #expect(draft.authors.map(\.text) == ["Fatima, samen met de teamleider onderbouw", "de anti-pestcoördinator (Noor)"])

        // In the document: topic 1 (Geel) before topic 3 (Rood), though Rood came first.
        let md = MarkdownReport.render(report)
        let geelAt = try #require(md.range(of: "signaal noteren in het leerlingvolgsysteem — _wie:_")?.lowerBound)
        let roodAt = try #require(md.range(of: "melding ontvangen en dezelfde dag vastleggen — _wie:_")?.lowerBound)
        #expect(geelAt < roodAt)
        let heads = ["### 1. Pesters signaleren", "### 2. Slachtoffers signaleren", "### 3. Melden", "### 4. Consequenties", "### 5. Communicatie", "### 6. Acties"]
        let positions = try heads.map { try #require(md.range(of: $0)?.lowerBound) }
        #expect(positions == positions.sorted())
        #expect(md.contains("- 2 – Hoe signaleren we slachtoffer(s) bij ons op school?"))
        #expect(md.contains("het liefst binnen twee weken"))
    }

    @Test func topicsMatchTheGuidesWordingAndTellingWords() {
        let guide = [
            "Hoe signaleren we pester(s) bij ons op school?", "Hoe signaleren we slachtoffer(s) bij ons op school?",
            "Waar wordt bij ons op school  (online)pesten gemeld?", "Wat zijn bij ons op school de consequenties bij online pesten?",
            "Hoe verloopt bij ons op school de communicatie bij online pesten?",
            "Welke actie wordt er bij ons op school ondernomen tegen online pesten? ",
        ]
        #expect(guide.map { ProtocolDraft.Topic.match($0)?.rawValue } == [1, 2, 3, 4, 5, 6])
        #expect(ProtocolDraft.Topic.allCases.map { ProtocolDraft.Topic.match($0.question.en) } == ProtocolDraft.Topic.allCases)
        #expect(ProtocolDraft.Topic.match("melden") == .reporting)
        #expect(ProtocolDraft.Topic.match("4") == .consequences)
        #expect(ProtocolDraft.Topic.match("iets anders") == nil)
    }

    @Test func labelsSwitchLanguage() throws {
        let nl = MarkdownReport.render(Report(sheets: try Self.inputs(), language: .nl))
        let en = MarkdownReport.render(Report(sheets: try Self.inputs(), language: .en))
        for text in ["# Plenair overzicht", "### Antwoorden per vraag", "## Concept-stappenplan en antipestprotocol", "### Open onderwerpen", "Gekozen oplossing"] {
            #expect(nl.contains(text) && !en.contains(text), "\(text)")
        }
        for text in ["# Plenary overview", "### Answers per question", "## Draft step plan and anti-bullying protocol", "### Open topics", "Chosen solution", "### 1. Spotting bullies"] {
            #expect(en.contains(text) && !nl.contains(text), "\(text)")
        }
        let html = HTMLReport.render(Report(sheets: try Self.inputs(), language: .en))
        #expect(html.contains("<html lang=\"en\">") && html.contains("Where the groups agree"))
    }

    @Test func htmlIsSelfContainedAndEscaped() throws {
        var inputs = try Self.inputs()
        inputs[0].group?.name = "Groep <Paars> & co"
        inputs[0].answers[0].text = "<script>alert(1)</script>"
        let html = HTMLReport.render(Report(sheets: inputs, language: .nl))
        #expect(html.contains("Groep &lt;Paars&gt; &amp; co"))
        #expect(!html.contains("<script>") && html.contains("&lt;script&gt;"))
        #expect(!html.contains("http://") && !html.contains("https://") && html.contains("@media print"))
        let md = MarkdownReport.render(Report(sheets: inputs, language: .nl))
        #expect(md.contains("Groep \\<Paars> & co"))
    }

    @Test func aSheetWithoutGroupIsNamedByPosition() throws {
        var inputs = try Self.inputs()
        inputs[2].group = nil
        let report = Report(sheets: inputs, language: .en)
        #expect(report.groups == ["Groep Blauw", "Group 3", "Groep Rood", "Groep Geel"])
    }
}
