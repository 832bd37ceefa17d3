import CasusCore
import Foundation
import Testing
import TestSupport

/// Every file in `Tests/Fixtures/Broken` is a small broken scenario; its `.expected` golden holds
/// the diagnostics exactly as `casus check --lang en` renders them without colour (paths are the
/// bare file names). Run with `CASUS_RECORD=1` to rewrite the goldens after a deliberate change,
/// then read them: each message should tell a teacher what is wrong and what to do.
@Suite struct BrokenCorpusTests {
    static let folder = Fixtures.root.appendingPathComponent("Broken")
    static let files = Fixtures.scenarios(in: folder)

    static func render(_ name: String) -> (text: String, result: ScenarioLoader.Result) {
        let result = ScenarioLoader.load(path: name, provider: FolderSourceProvider(folder: folder))
        let renderer = DiagnosticRenderer(language: .en, style: .plain) { file, line in result.line(line, of: file) }
        var text = result.diagnostics.map(renderer.render).joined()
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.filter { $0.severity == .warning }.count
        text += renderer.summary(errors: errors, warnings: warnings) + "\n"
        return (text, result)
    }

    @Test func theCorpusIsLargeEnough() {
        #expect(Self.files.count >= 45)
    }

    @Test(arguments: files)
    func matchesItsGolden(_ name: String) throws {
        let (text, _) = Self.render(name)
        let golden = Self.folder.appendingPathComponent(name.replacingOccurrences(of: ".casus", with: ".expected"))
        let problem = Golden.mismatch(text, golden: golden)
        #expect(problem == nil)
    }

    /// A broken file must fail, and one mistake must not drown in follow-on errors.
    @Test(arguments: files)
    func oneToThreeErrors(_ name: String) {
        let (_, result) = Self.render(name)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(!errors.isEmpty, "\(name) yields no error")
        #expect(errors.count <= 3, "\(name) yields \(errors.count) errors: \(errors.map(\.code))")
        #expect(result.scenario == nil)
    }

    @Test func everyGoldenHasItsScenario() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Self.folder.path)) ?? []
        for golden in names where golden.hasSuffix(".expected") {
            #expect(Self.files.contains(golden.replacingOccurrences(of: ".expected", with: ".casus")), "orphan golden \(golden)")
        }
    }
}
