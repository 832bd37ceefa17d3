/// The outcome of asking a `LineEditor` for one line.
public enum LineInput: Sendable, Equatable {
    /// A complete line, without its trailing newline.
    case line(String)
    /// Ctrl-C: the line being typed was thrown away. The program goes on.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}
