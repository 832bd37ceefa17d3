import Foundation
import Testing
import TestSupport

/// Drives `casus-line-probe` through a pseudo-terminal (readline) and a pipe (plain lines).
@Suite struct LineProbeEndToEndTests {
    private static let environment = TestEnvironment.base

    private func startProbe(environment: [String: String] = environment) throws -> PseudoTerminal {
        let binary = try #require(TestEnvironment.binary(named: "casus-line-probe"), "build casus-line-probe first")
        let terminal = try PseudoTerminal(binary: binary, environment: environment)
        try terminal.waitFor("> ")
        return terminal
    }

    @Test func enterSendsTheLine() throws {
        let terminal = try startProbe()
        try terminal.send("ouders\r")
        try terminal.waitFor("got[ouders]\r\n")
    }

    @Test func backspaceRemovesAWholeMultibyteCharacter() throws {
        let terminal = try startProbe()
        try terminal.send("hë\u{7F}e\r")
        try terminal.waitFor("got[he]\r\n")
        try terminal.waitFor("> ")
        try terminal.send("tëst\u{7F}\u{7F}\u{7F}ëtt\r")
        try terminal.waitFor("got[tëtt]\r\n")
    }

    @Test func backspaceWorksEvenInTheCLocale() throws {
        // The editor falls back to C.UTF-8 when the user's locale is not UTF-8.
        var environment = Self.environment
        environment["LANG"] = nil
        environment["LC_ALL"] = "C"
        let terminal = try startProbe(environment: environment)
        try terminal.send("hë\u{7F}e\r")
        try terminal.waitFor("got[he]\r\n")
    }

    @Test func worksOnAColourTerminalToo() throws {
        // Bracketed paste and other escapes may surround the prompt; lines still arrive intact.
        var environment = Self.environment
        environment["TERM"] = "xterm-256color"
        let terminal = try startProbe(environment: environment)
        try terminal.send("hë\u{7F}e slach\t\r")
        try terminal.waitFor("got[he slachtoffer ]\r\n")
        try terminal.waitFor("> ")
        try terminal.send("\u{04}")
        try terminal.waitFor("bye")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func upArrowRecallsThePreviousLine() throws {
        let terminal = try startProbe()
        try terminal.send("pesters\r")
        try terminal.waitFor("got[pesters]")
        try terminal.waitFor("> ")
        try terminal.send("\u{1B}[A\r")
        try terminal.waitFor("got[pesters]")
    }

    @Test func tabCompletesAWord() throws {
        let terminal = try startProbe()
        try terminal.send("de slach\t\r")
        // readline appends a space after a unique completion.
        try terminal.waitFor("got[de slachtoffer ]")
    }

    @Test func tabCompletesColonCommandsCaseInsensitively() throws {
        let terminal = try startProbe()
        try terminal.send(":he\t\r")
        try terminal.waitFor("got[:help ]")
        try terminal.waitFor("> ")
        try terminal.send("OUD\t\r")
        try terminal.waitFor("got[ouders ]")
    }

    @Test func ctrlCCancelsTheLineAndKeepsRunning() throws {
        let terminal = try startProbe()
        try terminal.send("half getypt")
        try terminal.waitFor("half getypt")
        try terminal.send("\u{03}")
        // The line and its prompt are erased (no `^C` left behind), the next prompt takes the row.
        let cancelled = try terminal.waitFor("\r\u{1B}[Kcancelled\r\n")
        #expect(!cancelled.contains("^C"))
        try terminal.waitFor("> ")
        try terminal.send("verder\r")
        let chunk = try terminal.waitFor("\r\n> ")
        #expect(chunk.contains("got[verder]"))
        #expect(!chunk.contains("half"))
        try terminal.send("\u{03}")  // also on an empty line, and the caller is told it was empty
        try terminal.waitFor("cancelled an empty line")
        // Type only at a prompt: before it, the terminal is still in cooked mode.
        try terminal.waitFor("> ")
        try terminal.send("\u{04}")
        try terminal.waitFor("bye")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func ctrlDOnAnEmptyLineEnds() throws {
        let terminal = try startProbe()
        try terminal.send("\u{04}")
        try terminal.waitFor("bye\r\n")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func ctrlDInsideALineDoesNotEnd() throws {
        let terminal = try startProbe()
        try terminal.send("ab\u{02}\u{04}\r")  // Ctrl-B moves left, Ctrl-D deletes the "b"
        try terminal.waitFor("got[a]")
        try terminal.waitFor("> ")
        try terminal.send("\u{04}")
        try terminal.waitFor("bye")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func pipedInputUsesPlainLines() throws {
        let binary = try #require(TestEnvironment.binary(named: "casus-line-probe"))
        let result = try runProcess(binary: binary, stdin: "a\nb\r\n", environment: Self.environment)
        #expect(result.status == 0)
        #expect(result.stdout == "> got[a]\n> got[b]\n> bye\n")
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(result.stderr.isEmpty)
    }

    @Test func pipedInputWithoutTrailingNewline() throws {
        let binary = try #require(TestEnvironment.binary(named: "casus-line-probe"))
        let result = try runProcess(binary: binary, stdin: "laatste", environment: Self.environment)
        #expect(result.stdout == "> got[laatste]\n> bye\n")
    }

    @Test func runProcessHandlesLargeOutputWithoutDeadlock() throws {
        let binary = try #require(TestEnvironment.binary(named: "casus-line-probe"))
        let input = String(repeating: String(repeating: "x", count: 1000) + "\n", count: 500)
        let result = try runProcess(binary: binary, stdin: input, environment: Self.environment)
        #expect(result.status == 0)
        #expect(result.stdout.components(separatedBy: "got[").count == 501)
    }
}
