import CasusTerminal
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shows a text longer than the screen through `$PAGER`, else `less -R`, so `:blad alles`
/// does not scroll off before the group has read it. Only when standard output is a terminal.
enum Pager {
    /// True when the text was paged; false when it fits, there is no terminal or no pager.
    static func page(_ text: String, environment: [String: String]) -> Bool {
        guard isatty(STDOUT_FILENO) == 1, let rows = screenRows(environment) else { return false }
        let lines = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        // One row stays free for the prompt that follows.
        guard lines > rows - 1 else { return false }
        let command: String
        if let pager = environment["PAGER"], !pager.allSatisfy(\.isWhitespace) {
            command = pager
        } else if find("less", in: environment["PATH"]) != nil {
            command = "less -R"
        } else {
            return false
        }
        return run(command, input: text)
    }

    /// Runs `/bin/sh -c command` with `input` on its standard input, in this process's
    /// session (Foundation's `Process` starts a new one, which leaves the pager without a
    /// terminal to read keys from), and waits for it.
    static func run(_ command: String, input: String) -> Bool {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return false }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, fds[1])
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("sh"), strdup("-c"), strdup(command), nil]
        defer { for arg in argv { free(arg) } }
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
        close(fds[0])
        guard spawned == 0 else {
            close(fds[1])
            return false
        }
        // The pager may quit before reading everything (`q`): a closed pipe is no error.
        let previous = signal(SIGPIPE, SIG_IGN)
        var bytes = Array(input.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
            if written > 0 {
                bytes = bytes.dropFirst(written)
            } else if written < 0 && errno != EINTR {
                break
            }
        }
        close(fds[1])
        signal(SIGPIPE, previous)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return true
    }

    /// Rows of the terminal, else a positive `$LINES`.
    static func screenRows(_ environment: [String: String]) -> Int? {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { return Int(size.ws_row) }
        return environment["LINES"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
    }

    static func find(_ program: String, in path: String?) -> String? {
        for dir in (path ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(program)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
