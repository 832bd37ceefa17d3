/// Suggests completions for the word under the cursor.
///
/// - Parameters:
///   - linePrefix: the line before the word being completed (for context, e.g. a command).
///   - word: the partial word; matching (e.g. case-insensitive prefix) is up to the provider.
/// - Returns: the full candidate words, in display order.
public typealias CompletionProvider = @Sendable (_ linePrefix: String, _ word: String) -> [String]

/// Reads lines typed (or piped) by the players.
///
/// Get one from `LineEditors.make()`. Only one editor should be in use at a time:
/// readline's state, the completion provider and the Ctrl-C handling are process-wide.
public protocol LineEditor: AnyObject {
    /// Shows `prompt` and reads one line.
    func readLine(prompt: String) -> LineInput
    /// Like `readLine(prompt:)`; while the line is edited, `live` is asked about once a second
    /// for a new prompt and for notices to show above it, without touching what is typed.
    /// Editors without a screen to redraw (piped input) ignore `live`.
    func readLine(prompt: String, live: LivePrompt?) -> LineInput
    /// Records `line` so ↑ can recall it (ignored where there is no history).
    func addHistory(_ line: String)
    /// Completion for Tab; ignored where there is no interactive editing.
    var completions: CompletionProvider { get set }
}

extension LineEditor {
    /// Editors that cannot redraw a prompt read the line as usual.
    public func readLine(prompt: String, live: LivePrompt?) -> LineInput { readLine(prompt: prompt) }
}

/// Chooses the right `LineEditor` for the current process.
public enum LineEditors {
    /// Returns a `ReadlineEditor` when both stdin and stdout are terminals,
    /// else a `PlainLineEditor`.
    ///
    /// stdout is checked too: with `casus play | tee log`, readline's redisplay
    /// codes would end up in the log, while the terminal's own echo is enough.
    /// - Parameter echoPipedInput: passed to `PlainLineEditor` (see there).
    public static func make(
        capabilities: TerminalCapabilities = .current(),
        echoPipedInput: Bool = false
    ) -> any LineEditor {
        if capabilities.stdinIsTTY && capabilities.stdoutIsTTY {
            return ReadlineEditor()
        }
        return PlainLineEditor(echoesInput: echoPipedInput && !capabilities.stdinIsTTY)
    }
}
