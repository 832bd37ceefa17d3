import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program under a pseudo-terminal so tests can type at it like a person.
///
/// The child gets a new session whose controlling terminal is the pty, so `\u{03}` sends
/// it SIGINT and readline sees a real TTY. Output is accumulated; `waitFor` consumes it up
/// to and including each match, so waiting twice for `"> "` finds two different prompts.
/// The terminal translates `\n` to `\r\n` on output, as a real one does.
/// Killed (SIGKILL) and reaped on deinit if still running.
public final class PseudoTerminal {
    /// The child's process id.
    public let pid: pid_t
    private let master: Int32
    private var bytes: [UInt8] = []
    private var consumed = 0
    private var exitStatus: Int32?
    private var closed = false

    /// Starts `binary` with `arguments` and exactly `environment` on a new pty of the given size.
    public init(
        binary: String,
        arguments: [String] = [],
        environment: [String: String],
        columns: UInt16 = 80,
        rows: UInt16 = 24
    ) throws {
        Spawn.lock.lock()
        defer { Spawn.lock.unlock() }
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw ProcessFailure.spawnFailed(binary: binary, error: "openpty: \(String(cString: strerror(errno)))")
        }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        defer { close(slave) }  // the child has its own copies; EOF on master needs ours gone
        var nameBuffer = [CChar](repeating: 0, count: 256)
        guard ttyname_r(slave, &nameBuffer, nameBuffer.count) == 0 else {
            close(master)
            throw ProcessFailure.spawnFailed(binary: binary, error: "ttyname_r failed")
        }
        let slavePath = String(decoding: nameBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do {
            pid = try Spawn.spawn(
                binary: binary, arguments: arguments, environment: environment, newSession: true
            ) { actions in
                // Opened (not dup'ed) in the child after setsid(), so the pty becomes the
                // child's controlling terminal and Ctrl-C raises SIGINT.
                posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
                posix_spawn_file_actions_adddup2(&actions, 0, 1)
                posix_spawn_file_actions_adddup2(&actions, 0, 2)
            }
        } catch {
            close(master)
            throw error
        }
        self.master = master
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Everything the program has written so far (lossy UTF-8).
    public var output: String { String(decoding: bytes, as: UTF8.self) }
    /// Every byte the program wrote so far, exactly as written.
    public var outputBytes: [UInt8] { bytes }

    /// Types `text` (UTF-8) at the program. Use `\r` for Enter, `\u{7F}` for Backspace,
    /// `\t` for Tab, `\u{03}` for Ctrl-C, `\u{04}` for Ctrl-D, `\u{1B}[A` for ↑.
    public func send(_ text: String) throws {
        try sendBytes(Array(text.utf8))
    }

    /// Types raw bytes, also ones that are not UTF-8 (a raw 8-bit control, say).
    public func sendBytes(_ bytes: [UInt8]) throws {
        var remaining = bytes[...]
        while !remaining.isEmpty {
            let written = remaining.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw ProcessFailure.spawnFailed(binary: "pty", error: "write: \(String(cString: strerror(errno)))")
            }
            remaining = remaining.dropFirst(written)
        }
    }

    /// Resizes the terminal, as a person dragging the window does: the program gets SIGWINCH.
    public func resize(columns: UInt16, rows: UInt16 = 24) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// Waits until `text` appears in output not yet consumed, then consumes up to its end.
    /// - Returns: the output from the previous match up to and including this one.
    /// - Throws: `ProcessFailure.timedOut` (with all output so far) after `timeout` seconds,
    ///   or `.endedBeforeOutput` if the program closed the terminal first.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 10) throws -> String {
        let needle = Array(text.utf8)
        let deadline = Spawn.now() + timeout
        while true {
            if let range = find(needle, from: consumed) {
                let chunk = String(decoding: bytes[consumed..<range], as: UTF8.self)
                consumed = range
                return chunk
            }
            if closed { throw ProcessFailure.endedBeforeOutput(waitingFor: text, output: output) }
            let remaining = deadline - Spawn.now()
            if remaining <= 0 { throw ProcessFailure.timedOut(waitingFor: text, output: output) }
            readAvailable(timeout: remaining)
        }
    }

    /// Waits for the program to exit, collecting its remaining output.
    /// - Returns: the exit code, or 128 + N if it was killed by signal N.
    public func waitForExit(timeout: Double = 10) throws -> Int32 {
        if let exitStatus { return exitStatus }
        let deadline = Spawn.now() + timeout
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                // Collect what is still buffered in the pty.
                while !closed && readAvailable(timeout: 0.05) {}
                let code = Spawn.exitCode(fromWaitStatus: status)
                exitStatus = code
                return code
            }
            let remaining = deadline - Spawn.now()
            if remaining <= 0 { throw ProcessFailure.didNotExit(output: output) }
            // Output wakes us early; otherwise re-check the child every 50 ms.
            if closed {
                usleep(10_000)
            } else {
                readAvailable(timeout: min(remaining, 0.05))
            }
        }
    }

    /// Reads whatever arrives within `timeout` seconds. Returns whether anything was read.
    @discardableResult
    private func readAvailable(timeout: Double) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(max(0, timeout * 1000).rounded(.up)))
        guard ready > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        if count > 0 {
            bytes.append(contentsOf: buffer[..<count])
            return true
        }
        if count < 0 && errno == EINTR { return false }
        // Linux reports EIO once every slave fd is closed: the program is gone.
        closed = true
        return false
    }

    /// The end index of the first occurrence of `needle` at or after `start`.
    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty else { return start }
        guard bytes.count - start >= needle.count else { return nil }
        for index in start...(bytes.count - needle.count)
        where bytes[index..<(index + needle.count)].elementsEqual(needle) {
            return index + needle.count
        }
        return nil
    }
}
