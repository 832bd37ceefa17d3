// Test-only probe for the line editor: the pseudo-terminal tests type into it and read
// back `got[...]`, `cancelled` and `bye`. Not a product; never shipped.
import CasusTerminal

let words = ["slachtoffer", "pesters", "ouders", ":help", ":hulp"]
let console = Console()
let editor = LineEditors.make()
editor.completions = { _, word in CompletionMatching.prefixMatches(word, in: words) }

loop: while true {
    switch editor.readLine(prompt: "> ") {
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
