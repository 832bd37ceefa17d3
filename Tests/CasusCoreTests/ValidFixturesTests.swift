import CasusCore
import Foundation
import Testing

/// Scenarios that use every construct must check without a single diagnostic.
@Suite struct ValidFixturesTests {
    static let folder = Fixtures.root.appendingPathComponent("Valid")
    static let files = Fixtures.scenarios(in: folder)
    /// `Scenarios/` at the package root, when the branch has any.
    static let scenariosFolder = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios")

    static func load(_ name: String, in folder: URL = folder) -> ScenarioLoader.Result {
        ScenarioLoader.load(path: name, provider: FolderSourceProvider(folder: folder))
    }

    private static func describe(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { "\($0.range.file):\($0.range.start.line):\($0.range.start.column) \($0.code) \($0.message.en)" }
            .joined(separator: "\n")
    }

    @Test func thereAreValidFixtures() {
        #expect(Self.files.count >= 3)
    }

    @Test(arguments: files)
    func checksClean(_ name: String) {
        let result = Self.load(name)
        #expect(result.diagnostics.isEmpty, "\(name):\n\(Self.describe(result.diagnostics))")
        #expect(result.scenario != nil)
    }

    @Test func dutchScenarioHasEverythingIncludingTheIncludedStep() throws {
        let scenario = try #require(Self.load("afpersing.casus").scenario)
        #expect(scenario.metadata.title == "Afpersing via sociale media")
        #expect(scenario.metadata.language == .nl)
        #expect(scenario.metadata.durationMinutes == 50)
        #expect(scenario.metadata.audience == Audience(school: .vo, level: "havo 4"))
        #expect(scenario.steps.map(\.title) == ["De situatie verkennen", "Ernst en druk", "Oplossingen", "Presentatie"])
        #expect(scenario.roles.map(\.id.name) == ["slachtoffer", "vriendin", "daders"])
        #expect(scenario.infos.map(\.id.name) == ["groepsdynamiek", "signalen"])
        #expect(scenario.notes.count == 2)
        #expect(scenario.solutionsQuestion != nil)
        #expect(scenario.questions["effect"]?.loops == [.solutions, .roles])
        #expect(scenario.sheet?.entries.count == 6)
        let caseText = try #require(scenario.caseText?.plain)
        #expect(caseText.contains("Als de jongen besluit iets te zeggen, stap dan niet meteen in."))
        #expect(caseText.contains("# geen commentaar"))
        #expect(caseText.contains("{accolades}"))
    }

    @Test func englishScenarioIsEnglish() throws {
        let scenario = try #require(Self.load("extortion-en.casus").scenario)
        #expect(scenario.metadata.language == .en)
        #expect(scenario.metadata.members == 3...5)
        #expect(scenario.metadata.jobs == [.scribe, .timekeeper])
        #expect(scenario.metadata.durationMinutes == 45)
        #expect(scenario.steps.count == 3)
        #expect(scenario.questions["turn"]?.loops == [.members])
    }

    @Test func bundledScenariosCheckWithoutErrors() {
        for name in Fixtures.scenarios(in: Self.scenariosFolder) {
            let result = Self.load(name, in: Self.scenariosFolder)
            #expect(!result.diagnostics.hasErrors, "Scenarios/\(name):\n\(Self.describe(result.diagnostics))")
        }
    }
}
