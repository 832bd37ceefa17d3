import CasusTerminal

/// A line editor for in-process tests of what a terminal would do: it replays typed lines
/// and, at each read, keeps the prompt, the completion provider the live prompt and what was shown, and
/// runs `whileWaiting` (the test's "time passes while the group thinks") before answering.
final class RecordingEditor: LineEditor {
    struct Read {
        var prompt: String
        var completions: CompletionProvider
        var live: LivePrompt?
        /// Everything shown before this read.
        var shown: String
    }

    var inputs: [LineInput]
    private(set) var reads: [Read] = []
    var completions: CompletionProvider = { _, _ in [] }
    /// Called at each read (with its index) before the line is handed back.
    var whileWaiting: (Int, Read) -> Void = { _, _ in }

    let output: CapturedOutput

    init(_ lines: [String], output: CapturedOutput) {
        inputs = lines.map { .line($0) }
        self.output = output
    }

    func readLine(prompt: String) -> LineInput { readLine(prompt: prompt, live: nil) }

    func readLine(prompt: String, live: LivePrompt?) -> LineInput {
        let read = Read(prompt: prompt, completions: completions, live: live, shown: output.text)
        reads.append(read)
        whileWaiting(reads.count - 1, read)
        return inputs.isEmpty ? .endOfInput : inputs.removeFirst()
    }

    func addHistory(_ line: String) {}

    /// The first read after `text` (e.g. a question) was shown in `output`.
    func firstRead(after text: String) -> Read? {
        reads.first { $0.shown.contains(text) }
    }
}
