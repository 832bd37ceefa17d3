import CasusTerminal
import Testing

@Suite struct TerminalCapabilitiesTests {
    private func resolve(tty: Bool = true, window: Int? = nil, _ env: [String: String]) -> TerminalCapabilities {
        TerminalCapabilities.resolve(stdinIsTTY: tty, stdoutIsTTY: tty, windowWidth: window, environment: env)
    }

    @Test func colourOnlyOnAColourTerminal() {
        #expect(resolve(["TERM": "xterm-256color"]).colorEnabled)
        #expect(!resolve(tty: false, ["TERM": "xterm-256color"]).colorEnabled)
        #expect(!resolve(["TERM": "dumb"]).colorEnabled)
    }

    @Test func noColorDisablesColourUnlessEmpty() {
        #expect(!resolve(["TERM": "xterm", "NO_COLOR": "1"]).colorEnabled)
        #expect(resolve(["TERM": "xterm", "NO_COLOR": ""]).colorEnabled)
    }

    @Test func widthPrefersTheWindowThenColumnsThen80() {
        #expect(resolve(window: 120, ["COLUMNS": "60"]).width == 120)
        #expect(resolve(window: 0, ["COLUMNS": "60"]).width == 60)
        #expect(resolve(["COLUMNS": "nonsense"]).width == 80)
        #expect(resolve(["COLUMNS": "-3"]).width == 80)
        #expect(resolve([:]).width == 80)
    }

    @Test func styleIsANoOpWithoutColour() {
        #expect(Style.plain.bold("x") == "x")
        #expect(Style(enabled: false).red("fout") == "fout")
        #expect(Style(enabled: true).green("goed") == "\u{1B}[32mgoed\u{1B}[0m")
        #expect(Style(enabled: true).bold("") == "")
    }

    @Test func completionMatchingIsCaseInsensitive() {
        let words = ["slachtoffer", "Slachtofferhulp", ":help", ":hulp"]
        #expect(CompletionMatching.prefixMatches("SLA", in: words) == ["slachtoffer", "Slachtofferhulp"])
        #expect(CompletionMatching.prefixMatches(":h", in: words) == [":help", ":hulp"])
        #expect(CompletionMatching.commonPrefix(of: [":help", ":hulp"], atLeast: ":h") == ":h")
        #expect(CompletionMatching.commonPrefix(of: ["slachtoffer", "Slachtofferhulp"], atLeast: "s") == "slachtoffer")
    }
}
