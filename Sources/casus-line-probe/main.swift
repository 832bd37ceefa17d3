// Test-only probe for the line editor: the pseudo-terminal tests type into it and read
// back `got[...]`, `cancelled` and `bye`. Not a product; never shipped.
//
// With CASUS_PROBE_LIVE=1 the prompt is live: `[n] > ` counts the editor's ticks, and at
// the second tick a notice appears above it (as the play clock's notices do).
import CasusCore
import CasusTerminal

let words = ["slachtoffer", "pesters", "ouders", "een hertje in het bos", "een herfstblad", ":help", ":hulp"]
let console = Console()
let editor = LineEditors.make()
editor.completions = { _, word in CompletionMatching.prefixMatches(word, in: words) }
let liveMode = TerminalCapabilities.processEnvironment()["CASUS_PROBE_LIVE"] == "1"

loop: while true {
    var ticks = 0
    let live: LivePrompt? = liveMode ? {
        ticks += 1
        return LivePromptUpdate(prompt: "[\(ticks)] > ", notices: ticks == 2 ? ["notice at tick 2"] : [])
    } : nil
    switch editor.readLine(prompt: liveMode ? "[0] > " : "> ", live: live) {
    case .line(let line):
        editor.addHistory(line)
        console.writeLine("got[\(TextSafety.sanitize(line))]")
    case .interrupted(let hadText):
        console.writeLine(hadText ? "cancelled" : "cancelled an empty line")
    case .endOfInput:
        console.writeLine("bye")
        break loop
    }
}
