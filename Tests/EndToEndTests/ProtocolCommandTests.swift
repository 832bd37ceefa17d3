import Foundation
import Testing
import TestSupport

/// `casus report --protocol`, `--format odt` and `--mail` on the built binary, over the five
/// sheets of Tests/Fixtures/Protocol (three Opdracht 2 groups, two Opdracht 1 groups).
@Suite("Protocol command")
struct ProtocolCommandTests {
    static let fixtures = ReportCommandTests.root.appendingPathComponent("Tests/Fixtures/Protocol")
    static let sheets = ["opdracht2-rood", "opdracht1-paars", "opdracht2-geel", "opdracht1-wit", "opdracht2-oranje"]
        .map { fixtures.appendingPathComponent($0 + ".json").path }

    let temp: URL

    init() throws {
        temp = FileManager.default.temporaryDirectory.appendingPathComponent("casus-protocol-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
    }

    func casus(_ arguments: [String]) throws -> ProcessResult {
        let binary = try #require(TestEnvironment.binary(named: "casus"), "build casus first")
        return try runProcess(binary: binary, arguments: arguments, environment: TestEnvironment.base.merging(["CASUS_LANG": "nl"]) { $1 })
    }

    @Test func markdownIsTheGoldenDraft() throws {
        let md = try casus(["report"] + Self.sheets + ["--protocol"])
        #expect(md.status == 0, "\(md.stderr)")
        let golden = try String(contentsOf: Self.fixtures.appendingPathComponent("protocol.nl.md"), encoding: .utf8)
        #expect(md.stdout == golden)
        let en = try casus(["report"] + Self.sheets + ["--protocol", "--format", "html", "--lang", "en"])
        #expect(en.stdout == (try String(contentsOf: Self.fixtures.appendingPathComponent("protocol.en.html"), encoding: .utf8)))
    }

    @Test func theMailIsTextOnlyAndNamesTheFollowUp() throws {
        let mail = try casus(["report"] + Self.sheets + ["--mail"])
        #expect(mail.status == 0, "\(mail.stderr)")
        #expect(mail.stdout.hasPrefix("Onderwerp: Terugkoppeling teamsessie"))
        #expect(mail.stdout.contains("Zoals afgesproken koppelen we binnen twee weken terug, uiterlijk "))
        let wrong = try casus(["report"] + Self.sheets + ["--mail", "--format", "html"])
        #expect(wrong.status == 2 && wrong.stderr.contains("--mail is platte tekst"))
    }

    @Test func onATerminalTheMailIsWrappedWithHangingListItems() throws {
        let binary = try #require(TestEnvironment.binary(named: "casus"), "build casus first")
        let terminal = try PseudoTerminal(
            binary: binary, arguments: ["report"] + Self.sheets + ["--mail"],
            environment: TestEnvironment.base.merging(["CASUS_LANG": "nl"]) { $1 }, columns: 50, rows: 40)
        try terminal.waitFor("[naam]")
        #expect(try terminal.waitForExit() == 0)
        let lines = terminal.output.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.count <= 50 }, "\(lines.filter { $0.count > 50 })")
        #expect(terminal.output.contains("   - pesters zijn vaak populaire leerlingen die\r\n     niet opvallen (Groep Geel, Groep Oranje)"))
        // Piped, the same text keeps one line per point, for a mail program to wrap.
        let piped = try casus(["report"] + Self.sheets + ["--mail"])
        #expect(piped.stdout.contains("   - pesters zijn vaak populaire leerlingen die niet opvallen (Groep Geel, Groep Oranje)\n"))
    }

    @Test func odtIsAZipWithTheMimetypeFirstAndStored() throws {
        let noOut = try casus(["report"] + Self.sheets + ["--format", "odt"])
        #expect(noOut.status == 2 && noOut.stderr.contains("geef --out"))
        let path = temp.appendingPathComponent("protocol.odt").path
        let made = try casus(["report"] + Self.sheets + ["--format", "odt", "--out", path])
        #expect(made.status == 0 && made.stdout.contains(path), "\(made.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        // Local file header: signature, then method 0 (stored) at 8, name length at 26, name at 30.
        #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
        #expect(bytes[8] == 0 && bytes[9] == 0)
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
        #expect(String(decoding: bytes[30..<(30 + nameLength)], as: UTF8.self) == "mimetype")
        let start = 30 + nameLength
        #expect(String(decoding: bytes[start..<(start + 39)], as: UTF8.self) == "application/vnd.oasis.opendocument.text")
        // The end of central directory names five entries.
        let end = try #require((0...(bytes.count - 22)).reversed().first { Array(bytes[$0..<($0 + 4)]) == [0x50, 0x4B, 0x05, 0x06] })
        #expect(Int(bytes[end + 10]) == 5)
        // The content is the golden content.xml, byte for byte.
        let content = Array(try String(contentsOf: Self.fixtures.appendingPathComponent("content.nl.xml"), encoding: .utf8).utf8)
        #expect(bytes.firstRange(of: content) != nil)
    }

    @Test func libreOfficeConvertsTheDocumentToPDF() throws {
        guard let office = ["/usr/bin/libreoffice", "/usr/bin/soffice", "/usr/local/bin/libreoffice"].first(where: FileManager.default.isExecutableFile) else {
            print("skipped: LibreOffice is not installed (apt-get install libreoffice-writer-nogui to run this check)")
            return
        }
        let path = temp.appendingPathComponent("protocol.odt").path
        #expect(try casus(["report"] + Self.sheets + ["--format", "odt", "--out", path]).status == 0)
        let converted = try runProcess(
            binary: office,
            arguments: ["-env:UserInstallation=file://\(temp.path)/lo-profile", "--headless", "--convert-to", "pdf", "--outdir", temp.path, path],
            environment: TestEnvironment.base.merging(["HOME": temp.path]) { $1 })
        #expect(converted.status == 0, "\(converted.stderr)")
        // LibreOffice exits 0 even when it cannot load a file; only a written PDF shows it did.
        let pdf = try Data(contentsOf: temp.appendingPathComponent("protocol.pdf"))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
    }

    @Test func sessionsWithoutProtocolQuestionsSayThereIsNothingToDraft() throws {
        // VO 1 without Opdracht 1's closing question (which feeds "voorkomen").
        let vo1 = ReportCommandTests.root.appendingPathComponent("Tests/Fixtures/Reports/vo1-groep-blauw.json")
        var sheet = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: vo1)) as? [String: Any])
        let answers = try #require(sheet["answers"] as? [[String: Any]])
        sheet["answers"] = answers.filter { $0["id"] as? String != "groepsdruk_positief" }
        let path = temp.appendingPathComponent("vo1.json")
        try JSONSerialization.data(withJSONObject: sheet).write(to: path)
        let none = try casus(["report", path.path, "--protocol"])
        #expect(none.status == 1 && none.stderr.contains("er valt geen protocol op te stellen"), "\(none.stderr)")
    }
}
