import Foundation
import Testing
import TestSupport

/// Runs the built `casus check` binary through pipes and a pseudo-terminal.
@Suite struct CheckCommandTests {
    static let clean = """
        titel: Afpersing
        stap "Verkennen" (10 min)
            vraag wat (lang): Wat gebeurde er?
        einde

        """
    static let broken = """
        titel: Afpersing
        stap "Verkennen" (10 min)
            vrag wat (lang): Wat gebeurde er?
        einde

        """

    /// A fresh temporary folder; the caller removes it.
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("casus-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func binary() throws -> String {
        try #require(TestEnvironment.binary(named: "casus"), "build the casus executable first")
    }

    /// Writes `files` into a temporary folder and runs `casus` with `arguments`; arguments that
    /// name one of `files` become its absolute path.
    private func run(
        _ arguments: [String], files: [String: [UInt8]] = [:], environment: [String: String] = TestEnvironment.base
    ) throws -> ProcessResult {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, bytes) in files {
            try Data(bytes).write(to: folder.appendingPathComponent(name))
        }
        let absolute = arguments.map { files[$0] != nil ? folder.appendingPathComponent($0).path : $0 }
        return try runProcess(binary: try binary(), arguments: absolute, environment: environment)
    }

    private func text(_ s: String) -> [UInt8] { Array(s.utf8) }

    // MARK: - Exit codes and text output

    @Test func cleanFileExitsZeroAndSaysOk() throws {
        let result = try run(["check", "--lang", "en", "a.casus"], files: ["a.casus": text(Self.clean)])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("a.casus: ok\n"))
        #expect(result.stderr.isEmpty)
    }

    @Test func cleanFileSaysInOrdeInDutch() throws {
        let result = try run(["check", "a.casus"], files: ["a.casus": text(Self.clean)])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("a.casus: in orde\n"))
    }

    @Test func errorsExitOneWithFileLineColumn() throws {
        let result = try run(["check", "--lang", "en", "b.casus"], files: ["b.casus": text(Self.broken)])
        #expect(result.status == 1)
        #expect(result.stderr.contains("b.casus:3:5: error[C003]: unknown word `vrag` at the start of the line"), "\(result.stderr)")
        #expect(result.stderr.contains("= suggestion: did you mean `vraag`?"))
        #expect(result.stderr.hasSuffix("1 error, 0 warnings\n"))
        #expect(result.stdout.isEmpty)
    }

    @Test func dutchMessagesByDefault() throws {
        let result = try run(["check", "b.casus"], files: ["b.casus": text(Self.broken)])
        #expect(result.status == 1)
        #expect(result.stderr.contains("b.casus:3:5: fout[C003]: onbekend woord `vrag`"), "\(result.stderr)")
    }

    @Test func missingFileExitsTwo() throws {
        let result = try run(["check", "--lang", "en", "/nonexistent/geen.casus"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/geen.casus:1:1: error[C100]: file not found"), "\(result.stderr)")
    }

    @Test func directoryExitsTwo() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runProcess(
            binary: try binary(), arguments: ["check", "--lang", "en", folder.path], environment: TestEnvironment.base)
        #expect(result.status == 2)
        #expect(result.stderr.contains("this is a folder, not a scenario"), "\(result.stderr)")
    }

    @Test func worstStatusWinsAcrossFiles() throws {
        let result = try run(
            ["check", "a.casus", "b.casus", "/nonexistent/c.casus"],
            files: ["a.casus": text(Self.clean), "b.casus": text(Self.broken)])
        #expect(result.status == 2)
    }

    /// `--lang` is one option type for every command, so each refuses a language it does not
    /// speak (fmt and list used to take any value silently).
    @Test(arguments: [
        ["check"], ["check", "--format", "xml", "a.casus"], ["check", "--lang", "fr", "a.casus"],
        ["fmt", "--lang", "fr", "a.casus"], ["list", "--lang", "fr"], ["new", "--lang", "fr", "n.casus"],
        ["test", "--lang", "fr", "a.casus"], ["sessions", "--lang", "fr"],
    ])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        let result = try run(arguments, files: ["a.casus": text(Self.clean)])
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    // MARK: - JSON

    @Test func jsonHasCodeSeverityLocationMessageAndFixIt() throws {
        let result = try run(["check", "--format", "json", "--lang", "en", "b.casus"], files: ["b.casus": text(Self.broken)])
        #expect(result.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let files = try #require(json as? [[String: Any]])
        #expect(files.count == 1)
        #expect((files[0]["path"] as? String)?.hasSuffix("b.casus") == true)
        let diagnostics = try #require(files[0]["diagnostics"] as? [[String: Any]])
        let d = try #require(diagnostics.first)
        #expect(d["code"] as? String == "C003")
        #expect(d["severity"] as? String == "error")
        #expect(d["message"] as? String == "unknown word `vrag` at the start of the line")
        let location = try #require(d["location"] as? [String: Any])
        #expect(location["line"] as? Int == 3)
        #expect(location["column"] as? Int == 5)
        #expect(location["endColumn"] as? Int == 9)
        let fixIt = try #require(d["fixIt"] as? [String: Any])
        #expect(fixIt["message"] as? String == "did you mean `vraag`?")
        #expect(fixIt["replacement"] as? String == "vraag")
    }

    @Test func jsonForACleanFileHasNoDiagnostics() throws {
        let result = try run(["check", "--format", "json", "a.casus"], files: ["a.casus": text(Self.clean)])
        #expect(result.status == 0)
        let files = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect((files.first?["diagnostics"] as? [Any])?.isEmpty == true)
    }

    // MARK: - Colour

    @Test func noEscapeBytesThroughAPipe() throws {
        var environment = TestEnvironment.base
        environment["TERM"] = "xterm-256color"
        environment["NO_COLOR"] = nil
        let result = try run(["check", "--lang", "en", "b.casus"], files: ["b.casus": text(Self.broken)], environment: environment)
        #expect(result.status == 1)
        #expect(!result.stderr.contains("\u{1B}"))
        #expect(!result.stdout.contains("\u{1B}"))
    }

    private func runOnTerminal(_ environment: [String: String]) throws -> (status: Int32, output: String) {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("b.casus")
        try Data(Self.broken.utf8).write(to: file)
        let terminal = try PseudoTerminal(
            binary: try binary(), arguments: ["check", "--lang", "en", file.path], environment: environment)
        let status = try terminal.waitForExit()
        return (status, terminal.output)
    }

    @Test func colourOnATerminal() throws {
        var environment = TestEnvironment.base
        environment["TERM"] = "xterm"
        environment["NO_COLOR"] = nil
        let (status, output) = try runOnTerminal(environment)
        #expect(status == 1)
        #expect(output.contains("error"))
        #expect(output.contains("\u{1B}["), "no colour on a colour terminal: \(output)")
    }

    @Test func noColourWithNoColorOrDumbTerminal() throws {
        var noColor = TestEnvironment.base
        noColor["TERM"] = "xterm"
        noColor["NO_COLOR"] = "1"
        var dumb = TestEnvironment.base
        dumb["TERM"] = "dumb"
        dumb["NO_COLOR"] = nil
        for environment in [noColor, dumb] {
            let (status, output) = try runOnTerminal(environment)
            #expect(status == 1)
            #expect(output.contains("error[C003]"))
            #expect(
                !output.contains("\u{1B}"),
                "colour despite TERM=\(environment["TERM"] ?? "") NO_COLOR=\(environment["NO_COLOR"] ?? "unset")")
        }
    }

    // MARK: - Hostile files

    @Test func randomBytesFailCleanly() throws {
        var state: UInt32 = 42
        let bytes: [UInt8] = (0..<4096).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        }
        let result = try run(["check", "--lang", "en", "r.casus"], files: ["r.casus": bytes])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.status < 128)
        #expect(result.stderr.contains("r.casus:1:"), "\(result.stderr)")
        #expect(result.stderr.contains("error[C001]"))
        #expect(!result.stderr.contains("\u{1B}"))
    }

    @Test func twentyThousandNestedBlocksFailCleanly() throws {
        var source = "titel: Diep\nstap \"S\"\n    vraag x (ja/nee): Diep?\n"
        source += String(repeating: "als x\n", count: 20_000)
        let result = try run(["check", "--lang", "en", "d.casus"], files: ["d.casus": text(source)])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("d.casus:53:1: error[C014]: nested too deeply"), "\(result.stderr)")
    }

    @Test func fiftyMegabyteLineFailsCleanly() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("groot.casus")
        try Data(repeating: UInt8(ascii: "a"), count: 50_000_000).write(to: file)
        let result = try runProcess(
            binary: try binary(), arguments: ["check", "--lang", "en", file.path], environment: TestEnvironment.base)
        #expect(result.status == 1, "\(result.stderr.prefix(500))")
        #expect(result.stderr.contains("groot.casus:1:1: error[C020]: file too large"), "\(result.stderr.prefix(500))")
        // A huge line is shown as a window around the error, not in full.
        #expect(result.stderr.utf8.count < 2_000)
    }
}
