import CasusCore
import CasusTerminal
import Foundation

/// Writing to standard output and standard error, colour only on a colour terminal.
enum Output {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// ANSI styles for diagnostics on stderr when it is a colour terminal (and `NO_COLOR` is
    /// unset and `TERM` is not `dumb`), plain otherwise.
    static func diagnosticStyle() -> DiagnosticStyle {
        let caps = TerminalCapabilities.resolve(
            stdinIsTTY: isatty(0) == 1, stdoutIsTTY: isatty(2) == 1, windowWidth: nil,
            environment: ProcessInfo.processInfo.environment)
        guard caps.colorEnabled else { return .plain }
        return DiagnosticStyle(
            error: ("\u{1B}[1;31m", "\u{1B}[0m"), warning: ("\u{1B}[1;33m", "\u{1B}[0m"),
            note: ("\u{1B}[1;36m", "\u{1B}[0m"), bold: ("\u{1B}[1m", "\u{1B}[0m"), caret: ("\u{1B}[1;32m", "\u{1B}[0m"))
    }
}
