/// Why a spawned test process could not be driven as expected.
public enum ProcessFailure: Error, CustomStringConvertible {
    /// `posix_spawn` (or the pty/pipe setup before it) failed.
    case spawnFailed(binary: String, error: String)
    /// The expected text did not appear in time; `output` is everything seen so far.
    case timedOut(waitingFor: String, output: String)
    /// The process did not exit in time.
    case didNotExit(output: String)
    /// The process closed its output before the expected text appeared.
    case endedBeforeOutput(waitingFor: String, output: String)

    public var description: String {
        switch self {
        case let .spawnFailed(binary, error):
            "could not start \(binary): \(error)"
        case let .timedOut(text, output):
            "timed out waiting for \(Self.visible(text)); output so far:\n\(Self.visible(output))"
        case let .didNotExit(output):
            "process did not exit in time; output so far:\n\(Self.visible(output))"
        case let .endedBeforeOutput(text, output):
            "output ended before \(Self.visible(text)) appeared; output:\n\(Self.visible(output))"
        }
    }

    /// Shows control characters as escapes so failure messages are readable.
    static func visible(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n\n"
            case "\r": result += "\\r"
            case "\u{1B}": result += "\\e"
            case _ where scalar.value < 0x20 || scalar.value == 0x7f:
                result += "\\x" + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
