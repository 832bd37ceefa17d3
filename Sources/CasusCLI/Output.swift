import CasusCore
import CasusTerminal
import Foundation

/// Writing to standard output and standard error, colour only on a colour terminal.
///
/// Whatever casus prints may hold answer or scenario text, so control characters other
/// than newline and tab never go out raw (`TextSafety`): they could retitle or clear the
/// facilitator's terminal.
public enum Output {
    public static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(TextSafety.sanitize(text).utf8))
    }

    /// JSON for standard output: control characters as JSON escapes, the text unchanged.
    static func outJSON(_ json: String) {
        FileHandle.standardOutput.write(Data(TextSafety.escapingControlsInJSON(json).utf8))
    }

    public static func err(_ text: String) {
        FileHandle.standardError.write(Data(TextSafety.sanitize(text).utf8))
    }

    /// A rendered diagnostic: `DiagnosticRenderer` has made its text safe and adds the
    /// colour codes of `diagnosticStyle()` itself, which must pass.
    static func errDiagnostic(_ rendered: String) {
        FileHandle.standardError.write(Data(rendered.utf8))
    }

    /// ANSI styles for diagnostics on stderr when it is a colour terminal (and `NO_COLOR` is
    /// unset and `TERM` is not `dumb`), plain otherwise.
    static func diagnosticStyle() -> DiagnosticStyle {
        let caps = TerminalCapabilities.resolve(
            stdinIsTTY: isatty(0) == 1, stdoutIsTTY: isatty(2) == 1, windowWidth: nil,
            environment: ProcessInfo.processInfo.environment)
        var style = caps.colorEnabled ? DiagnosticStyle(
            error: ("\u{1B}[1;31m", "\u{1B}[0m"), warning: ("\u{1B}[1;33m", "\u{1B}[0m"),
            note: ("\u{1B}[1;36m", "\u{1B}[0m"), bold: ("\u{1B}[1m", "\u{1B}[0m"), caret: ("\u{1B}[1;32m", "\u{1B}[0m")) : .plain
        // Diagnostics go to standard error: its terminal's width keeps echoed lines from wrapping.
        style.width = isatty(2) == 1 ? TerminalCapabilities.windowColumns(fd: 2) : nil
        return style
    }
}
