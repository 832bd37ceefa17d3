import Foundation
import Testing
import TestSupport

/// A scenario saved by Notepad or Word in Windows-1252 goes through the built binary's
/// `check`, `test` and `fmt` alike: read as meant, one warning, and `fmt --write` saves UTF-8.
@Suite struct EncodingCommandTests {
    static let text = """
        titel: Buitengesloten
        casus:
            Een leerling uit groep 8 wordt in de klassenapp buitengesloten.
        stap "Wat is er gebeurd?" (10 min)
            vraag wat (lang): Wat weten jullie over één leerling?
        einde

        """
    /// Every scalar of `text` is below U+0100, so each is its own Windows-1252 byte.
    static let windows1252: [UInt8] = text.unicodeScalars.map { UInt8($0.value) }

    private func run(_ arguments: [String], in folder: URL) throws -> ProcessResult {
        let binary = try #require(TestEnvironment.binary(named: "casus"), "build the casus executable first")
        return try runProcess(binary: binary, arguments: arguments, environment: TestEnvironment.base)
    }

    private func folderWithScenario() throws -> (URL, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casus-enc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("w.casus")
        try Data(Self.windows1252).write(to: file)
        return (folder, file.path)
    }

    @Test func checkWarnsInBothLanguagesOnTheLineOfTheFirstByte() throws {
        let (folder, file) = try folderWithScenario()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dutch = try run(["check", file], in: folder)
        #expect(dutch.status == 0, "\(dutch.stderr)")
        #expect(dutch.stderr.contains("w.casus:5:45: waarschuwing[C023]"), "\(dutch.stderr)")
        #expect(dutch.stderr.contains("sla het op als UTF-8"))
        #expect(dutch.stderr.contains("over één leerling"), "the line is shown as meant")
        #expect(!dutch.stderr.contains("ongeldige"))
        let english = try run(["check", "--lang", "en", file], in: folder)
        #expect(english.status == 0, "\(english.stderr)")
        #expect(english.stderr.contains("w.casus:5:45: warning[C023]: this file is not saved as UTF-8"), "\(english.stderr)")
        #expect(english.stderr.contains("in Notepad with Save As"))
    }

    @Test func testPlaysTheFile() throws {
        let (folder, file) = try folderWithScenario()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(["test", "--lang", "en", file], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("error"), "\(result.stderr)")
    }

    @Test func fmtWriteSavesItAsUTF8() throws {
        let (folder, file) = try folderWithScenario()
        defer { try? FileManager.default.removeItem(at: folder) }
        let printed = try run(["fmt", file], in: folder)
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout.contains("over één leerling"))
        let written = try run(["fmt", "--write", file], in: folder)
        #expect(written.status == 0, "\(written.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(String(data: bytes, encoding: .utf8)?.contains("over één leerling") == true)
        let again = try run(["check", file], in: folder)
        #expect(again.status == 0 && !again.stderr.contains("C023"), "\(again.stderr)")
    }
}
