import CReadline
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes text to standard output or standard error and flushes right away.
///
/// Flushing after every write keeps output ordered with readline's own writes (which go
/// through the same C `stdout`) and makes it visible at once to pseudo-terminal tests.
/// The console does not sanitize: callers pass untrusted text through `TextSafety`.
public struct Console: Sendable {
    /// Which standard stream a console writes to.
    public enum Stream: Sendable { case standardOutput, standardError }

    /// The stream this console writes to.
    public let stream: Stream

    /// Creates a console on `stream` (standard output by default).
    public init(stream: Stream = .standardOutput) { self.stream = stream }

    /// Writes `text` as is, then flushes.
    public func write(_ text: String) {
        let file = stream == .standardOutput ? casus_stdout() : casus_stderr()
        fputs(text, file)
        fflush(file)
    }

    /// Writes `text` followed by a newline, then flushes.
    public func writeLine(_ text: String = "") {
        write(text + "\n")
    }
}
