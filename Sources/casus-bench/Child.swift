import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process with pipes on stdin and stdout, timed from outside: the benchmark sees
/// the real binary exactly as a group would, through its input and output.
/// Used by one thread at a time (an overview stream hands it to its reader thread).
final class Child: @unchecked Sendable {
    let pid: pid_t
    private let input: Int32
    private let output: Int32
    private(set) var text: [UInt8] = []
    /// The child's CPU time (user + system, seconds), known after `finish`.
    private(set) var cpuSeconds: Double = 0

    init(_ binary: String, _ arguments: [String], environment: [String: String]) throws {
        var inPipe: [Int32] = [0, 0]
        var outPipe: [Int32] = [0, 0]
        guard pipe(&inPipe) == 0, pipe(&outPipe) == 0 else { throw BenchError("pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        for fd in inPipe + outPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, binary, &actions, nil, argv, envp)
        guard rc == 0 else { throw BenchError("cannot start \(binary): \(String(cString: strerror(rc)))") }
        self.pid = pid
        close(inPipe[0])
        close(outPipe[1])
        input = inPipe[1]
        output = outPipe[0]
    }

    /// The CPU time all of the child's threads (or only its main thread) have had so far
    /// (nanoseconds, from `/proc/PID/task/*/schedstat`); 0 once it has exited.
    func cpuNanoseconds(mainThreadOnly: Bool = false) -> UInt64 {
        let tasks = mainThreadOnly ? ["\(pid)"] : (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.reduce(0) { sum, task in
            let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/schedstat", encoding: .utf8)) ?? ""
            return sum + (text.split(separator: " ").first.flatMap { UInt64($0) } ?? 0)
        }
    }

    /// Writes `line` and a newline to the child's standard input.
    func send(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
    }

    /// Writes `bytes` as they are (a framed protocol message).
    func sendRaw(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            offset += n
        }
    }

    func closeInput() { close(input) }

    /// Reads the output until EOF, blocking, noting when each piece arrived (for a stream
    /// read on its own thread; nothing is parsed while the measured processes run).
    func readTimed() -> [(time: Double, bytes: [UInt8])] {
        var pieces: [(time: Double, bytes: [UInt8])] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(output, &buffer, buffer.count)
            if n <= 0 { break }
            pieces.append((Bench.now(), Array(buffer[0..<n])))
        }
        return pieces
    }

    /// How much output has been read so far: pass it as `after` to wait for new output only.
    var outputCount: Int { text.count }

    /// Reads until the output holds `count` occurrences of `marker` (counted from byte
    /// `after` on, so a long session's output is not scanned again for every answer); false
    /// on EOF or timeout.
    func waitFor(_ marker: String, count: Int, timeout: Double = 30, after: Int = 0) -> Bool {
        let needle = Array(marker.utf8)
        if needle != self.needle {
            self.needle = needle
            scanned = after
            found = 0
        }
        let deadline = Bench.now() + timeout
        while occurrences(of: needle) < count {
            var fds = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let left = Int32(max(0, (deadline - Bench.now()) * 1000))
            if left == 0 { return false }
            if poll(&fds, 1, left) <= 0 { continue }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let n = read(output, &buffer, buffer.count)
            if n <= 0 { return occurrences(of: needle) >= count }
            text += buffer[0..<n]
        }
        return true
    }

    private var scanned = 0
    private var found = 0
    private var needle: [UInt8] = []

    /// Counts `needle` in the output; the scan resumes where it stopped for the same needle.
    private func occurrences(of needle: [UInt8]) -> Int {
        if needle != self.needle {
            self.needle = needle
            scanned = 0
            found = 0
        }
        guard text.count >= needle.count else { return found }
        var i = scanned
        while i + needle.count <= text.count {
            if text[i] == needle[0] && Array(text[i..<(i + needle.count)]) == needle {
                found += 1
                i += needle.count
            } else {
                i += 1
            }
        }
        scanned = i
        return found
    }

    /// Closes input, drains output and reaps the child; returns its peak memory in KiB.
    @discardableResult
    func finish() -> (status: Int32, maxRSSKiB: Int) {
        closeInput()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while read(output, &buffer, buffer.count) > 0 {}
        close(output)
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        cpuSeconds = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return (status, usage.ru_maxrss)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
