@preconcurrency import CReadline
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interactive line editing with GNU readline: cursor keys, in-session history (↑),
/// Tab completion through `completions`, UTF-8 aware Backspace.
///
/// Uses readline's alternate (callback) interface and waits with `poll` on stdin and a
/// signal self-pipe, so Ctrl-C can cancel the current line cleanly: the line and its prompt
/// are erased and `.interrupted` is returned. Ctrl-D on an empty line returns `.endOfInput`.
/// readline is process-wide state: create one editor per process.
public final class ReadlineEditor: LineEditor {
    /// Entries beyond this are dropped from the oldest end.
    public static let historyLimit: Int32 = 500

    private let console = Console()
    private var lastHistoryEntry: String?

    /// Sets up the locale and readline. `environment` decides about bracketed paste.
    public init(environment: [String: String] = TerminalCapabilities.processEnvironment()) {
        Self.useUTF8Locale()
        InterruptSignals.install()
        rl_readline_name = UnsafePointer(strdup("casus"))  // for `$if casus` in inputrc; never freed
        // We handle SIGINT and SIGWINCH ourselves, and readline must not touch the environment.
        rl_catch_signals = 0
        rl_catch_sigwinch = 0
        rl_change_environment = 0
        rl_initialize()
        // Only after rl_initialize: reading the inputrc could set these again.
        if environment["TERM"] == "dumb" || environment["TERM"] == nil {
            // A dumb terminal would show bracketed-paste codes as junk around the prompt.
            rl_variable_bind("enable-bracketed-paste", "off")
        }
        // readline's default breaks, spelled out so that ':' stays inside words (`:help`).
        rl_completer_word_break_characters = UnsafePointer(strdup(" \t\n\"\\'`@$><=;|&{("))
        rl_attempted_completion_function = readlineCompletion
        using_history()
        stifle_history(Self.historyLimit)
    }

    /// The completion provider used on Tab (process-wide).
    public var completions: CompletionProvider {
        get { CompletionRegistry.shared.provider }
        set { CompletionRegistry.shared.provider = newValue }
    }

    /// Adds `line` to the history, unless it is blank or repeats the previous entry.
    public func addHistory(_ line: String) {
        guard line.contains(where: { !$0.isWhitespace }), line != lastHistoryEntry else { return }
        add_history(line)
        lastHistoryEntry = line
    }

    /// Shows `prompt` and edits one line until Enter, Ctrl-C or Ctrl-D on an empty line.
    public func readLine(prompt: String) -> LineInput {
        _ = InterruptSignals.takeInterrupt()  // a Ctrl-C from before this prompt is stale
        InterruptSignals.drainWakePipe()
        ReadlineSession.result = nil
        using_history()  // ↑ starts again from the newest entry
        rl_callback_handler_install(prompt, readlineLineHandler)

        var fds = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: InterruptSignals.wakeFD, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            if InterruptSignals.takeInterrupt() {
                let hadText = rl_end > 0
                cancelLine()
                return .interrupted(hadText: hadText)
            }
            if InterruptSignals.takeResize() { rl_resize_terminal() }

            let ready = poll(&fds, nfds_t(fds[1].fd >= 0 ? 2 : 1), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                rl_callback_handler_remove()
                return .endOfInput
            }
            if fds[1].revents != 0 { InterruptSignals.drainWakePipe() }
            if fds[0].revents != 0 {
                // Also on POLLHUP: readline then reads EOF and reports it to the handler.
                rl_callback_read_char()
                if let result = ReadlineSession.result {
                    ReadlineSession.result = nil
                    return result
                }
            }
        }
    }

    /// Throws away the line being edited and leaves the terminal as readline found it: the
    /// emptied line is redrawn (which clears the rows a long line wrapped onto), then the
    /// prompt's row is cleared, so the caller's next prompt appears on a clean row instead of
    /// below a `^C` and the old text.
    private func cancelLine() {
        rl_free_line_state()
        rl_callback_sigcleanup()
        rl_replace_line("", 0)
        rl_point = 0
        rl_end = 0
        rl_mark = 0
        rl_redisplay()
        rl_callback_handler_remove()
        console.write("\r\u{1B}[K")
    }

    /// readline's Backspace needs a UTF-8 LC_CTYPE, or it deletes one byte of "ë".
    /// Only LC_CTYPE: a Dutch LC_NUMERIC would change how C formats numbers.
    ///
    /// readline re-reads LC_ALL / LC_CTYPE / LANG from the environment when it initialises
    /// and calls setlocale with them, so the fallback must also be put in the environment:
    /// LC_CTYPE=C.UTF-8, with a set LC_ALL moved to LANG so other categories keep their value.
    private static func useUTF8Locale() {
        setlocale(LC_CTYPE, "")
        guard !isUTF8Codeset() else { return }
        if let all = getenv("LC_ALL"), all.pointee != 0 {
            setenv("LANG", all, 1)
            unsetenv("LC_ALL")
        }
        setenv("LC_CTYPE", "C.UTF-8", 1)
        setlocale(LC_CTYPE, "C.UTF-8")
    }

    private static func isUTF8Codeset() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        return String(cString: codeset) == "UTF-8"
    }
}

/// State shared with readline's C callbacks, which cannot capture context.
/// Only touched on the thread inside `ReadlineEditor.readLine`.
enum ReadlineSession {
    nonisolated(unsafe) static var result: LineInput?
}

/// readline's line handler: called once per finished line, with NULL at EOF.
private func readlineLineHandler(_ line: UnsafeMutablePointer<CChar>?) {
    if let line {
        ReadlineSession.result = .line(String(cString: line))
        free(line)
    } else {
        ReadlineSession.result = .endOfInput
        // readline does not end the prompt line on EOF.
        Console().write("\n")
    }
    // Removing the handler here stops readline from printing the next prompt itself.
    rl_callback_handler_remove()
}

/// readline's completion hook: asks the provider and hands readline a malloc'd,
/// NULL-terminated array [common prefix, match1, match2, ...] of strdup'd strings.
private func readlineCompletion(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1  // never fall back to file names
    let word = text.map { String(cString: $0) } ?? ""
    var linePrefix = ""
    if let buffer = rl_line_buffer, start > 0 {
        let bytes = UnsafeRawBufferPointer(start: buffer, count: Int(start))
        linePrefix = String(decoding: bytes, as: UTF8.self)
    }
    let matches = CompletionRegistry.shared.provider(linePrefix, word)
    guard !matches.isEmpty else { return nil }

    var entries = matches
    if matches.count > 1 {
        entries.insert(CompletionMatching.commonPrefix(of: matches, atLeast: word), at: 0)
    }
    let stride = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride
    guard let raw = malloc((entries.count + 1) * stride) else { return nil }
    let array = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: entries.count + 1)
    for (index, entry) in entries.enumerated() { array[index] = strdup(entry) }
    array[entries.count] = nil
    return array
}
