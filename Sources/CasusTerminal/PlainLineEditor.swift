import CReadline
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads plain lines from standard input: for pipes, files and non-interactive use.
///
/// No readline, no escape codes, no history, no completion. The prompt is written to
/// stdout as is (no newline), so a piped transcript reads `> got[a]`; with
/// `echoesInput` the line read is written after the prompt too (sanitized, plus a
/// newline), so a transcript reads like the session it replays. Output is deterministic.
/// Ctrl-C (when stdin is a terminal) cancels the line instead of ending the program.
public final class PlainLineEditor: LineEditor {
    /// Whether each line read is written back after the prompt.
    public let echoesInput: Bool

    /// Ignored: there is no Tab in piped input. Kept so callers need not care.
    public var completions: CompletionProvider = { _, _ in [] }

    private let console = Console()

    /// Creates an editor on standard input.
    public init(echoesInput: Bool = false) {
        self.echoesInput = echoesInput
        InterruptSignals.install()
    }

    /// Writes `prompt`, then reads up to the next newline (stripping `\n` and a `\r`).
    /// A last line without a newline still counts; after it comes `.endOfInput`.
    public func readLine(prompt: String) -> LineInput {
        _ = InterruptSignals.takeInterrupt()  // a Ctrl-C from before this prompt is stale
        if !prompt.isEmpty { console.write(prompt) }
        let input = casus_stdin()
        var buffer: UnsafeMutablePointer<CChar>? = nil
        var capacity = 0
        defer { free(buffer) }
        let count = getline(&buffer, &capacity, input)
        if count < 0 {
            let interrupted = errno == EINTR || InterruptSignals.takeInterrupt()
            if interrupted {
                clearerr(input)
                _ = InterruptSignals.takeInterrupt()
                InterruptSignals.drainWakePipe()
                console.write("\n")
                return .interrupted(hadText: true)
            }
            return .endOfInput
        }
        var bytes = UnsafeBufferPointer(start: UnsafeRawPointer(buffer!).assumingMemoryBound(to: UInt8.self), count: count)[...]
        if bytes.last == UInt8(ascii: "\n") { bytes = bytes.dropLast() }
        if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
        let line = String(decoding: bytes, as: UTF8.self)
        if echoesInput { console.write(TextSafety.sanitize(line) + "\n") }
        return .line(line)
    }

    /// Does nothing: piped input has no ↑.
    public func addHistory(_ line: String) {}
}
