/// Where the REPL writes what people read. `Console` in the program, `CapturedOutput` in tests.
public protocol OutputSink: AnyObject {
    func write(_ text: String)
}

/// Writes through a `Console` (standard output, flushed after each write).
public final class ConsoleSink: OutputSink {
    private let console: Console

    public init(console: Console = Console()) { self.console = console }

    public func write(_ text: String) { console.write(text) }
}

/// Keeps everything written, for tests.
public final class CapturedOutput: OutputSink {
    public private(set) var text = ""

    public init() {}

    public func write(_ text: String) { self.text += text }
}
