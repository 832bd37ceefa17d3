/// The outcome of asking a `LineEditor` for one line.
public enum LineInput: Sendable, Equatable {
    /// A complete line, without its trailing newline.
    case line(String)
    /// Ctrl-C: the line being typed was thrown away. The program goes on. `hadText` is false
    /// when the line was empty, so the caller can say how to stop instead.
    case interrupted(hadText: Bool)
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}
