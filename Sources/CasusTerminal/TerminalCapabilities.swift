import CReadline
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the terminal around the process can do: TTY-ness, width and colour.
///
/// `resolve(...)` is a pure function of its inputs so it can be tested without a terminal;
/// `current()` feeds it the real file descriptors and environment.
public struct TerminalCapabilities: Sendable, Equatable {
    /// Whether standard input is a terminal (a person is typing).
    public var stdinIsTTY: Bool
    /// Whether standard output is a terminal (a person is reading).
    public var stdoutIsTTY: Bool
    /// Columns available for output; at least 1.
    public var width: Int
    /// Whether ANSI colour and styling may be written to standard output.
    public var colorEnabled: Bool

    /// Creates capabilities from explicit values.
    public init(stdinIsTTY: Bool, stdoutIsTTY: Bool, width: Int, colorEnabled: Bool) {
        self.stdinIsTTY = stdinIsTTY
        self.stdoutIsTTY = stdoutIsTTY
        self.width = max(1, width)
        self.colorEnabled = colorEnabled
    }

    /// The width used when neither the terminal nor `$COLUMNS` says anything.
    public static let fallbackWidth = 80

    /// Computes capabilities from observed facts.
    ///
    /// - Parameters:
    ///   - windowWidth: columns reported by the terminal (`TIOCGWINSZ`), nil or 0 if unknown.
    ///   - environment: the process environment; `COLUMNS`, `NO_COLOR` and `TERM` are read.
    /// Width: the window size, else a positive `$COLUMNS`, else 80.
    /// Colour: only when stdout is a TTY, `NO_COLOR` is unset or empty (no-color.org),
    /// and `TERM` is not `dumb`.
    public static func resolve(
        stdinIsTTY: Bool,
        stdoutIsTTY: Bool,
        windowWidth: Int?,
        environment: [String: String]
    ) -> TerminalCapabilities {
        let width: Int
        if let windowWidth, windowWidth > 0 {
            width = windowWidth
        } else if let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 {
            width = columns
        } else {
            width = fallbackWidth
        }
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let dumb = environment["TERM"] == "dumb"
        return TerminalCapabilities(
            stdinIsTTY: stdinIsTTY,
            stdoutIsTTY: stdoutIsTTY,
            width: width,
            colorEnabled: stdoutIsTTY && !noColor && !dumb
        )
    }

    /// The capabilities of this process's standard input and output right now.
    public static func current() -> TerminalCapabilities {
        let stdoutIsTTY = isatty(STDOUT_FILENO) == 1
        return resolve(
            stdinIsTTY: isatty(STDIN_FILENO) == 1,
            stdoutIsTTY: stdoutIsTTY,
            windowWidth: stdoutIsTTY ? windowColumns(fd: STDOUT_FILENO) : nil,
            environment: processEnvironment()
        )
    }

    /// Columns of the terminal on `fd`, or nil when it is not a terminal or reports 0.
    public static func windowColumns(fd: Int32) -> Int? {
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// The process environment as a dictionary (first occurrence of a name wins).
    public static func processEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        guard var cursor = casus_environ() else { return [:] }
        while let entry = cursor.pointee {
            let pair = String(cString: entry)
            if let eq = pair.firstIndex(of: "=") {
                let name = String(pair[..<eq])
                if result[name] == nil { result[name] = String(pair[pair.index(after: eq)...]) }
            }
            cursor += 1
        }
        return result
    }
}
