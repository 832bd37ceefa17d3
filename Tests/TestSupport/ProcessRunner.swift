import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The outcome of `runProcess`.
public struct ProcessResult: Sendable {
    /// Exit code, or 128 + N if killed by signal N.
    public var status: Int32
    /// Everything written to standard output (lossy UTF-8).
    public var stdout: String
    /// Everything written to standard error (lossy UTF-8).
    public var stderr: String
}

/// Runs `binary` with pipes for stdin, stdout and stderr and waits for it.
///
/// stdin is written while both outputs are read, in one `poll` loop, and the pipes are
/// read to EOF before `waitpid`, so neither side can block on a full pipe.
/// - Parameters:
///   - environment: the child's whole environment (nothing inherited); see
///     `TestEnvironment.base` for a sensible start.
///   - stdin: written, then closed, so the child sees end of input.
public func runProcess(
    binary: String,
    arguments: [String] = [],
    stdin: String = "",
    environment: [String: String]
) throws -> ProcessResult {
    Spawn.lock.lock()
    var input: [Int32] = [-1, -1]
    var output: [Int32] = [-1, -1]
    var errors: [Int32] = [-1, -1]
    // pipe2 is not exported to Swift; CLOEXEC is set right after, under Spawn.lock.
    guard pipe(&input) == 0, pipe(&output) == 0, pipe(&errors) == 0 else {
        Spawn.lock.unlock()
        throw ProcessFailure.spawnFailed(binary: binary, error: "pipe: \(String(cString: strerror(errno)))")
    }
    for fd in input + output + errors { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    let pid: pid_t
    do {
        pid = try Spawn.spawn(binary: binary, arguments: arguments, environment: environment, newSession: false) {
            posix_spawn_file_actions_adddup2(&$0, input[0], 0)
            posix_spawn_file_actions_adddup2(&$0, output[1], 1)
            posix_spawn_file_actions_adddup2(&$0, errors[1], 2)
        }
    } catch {
        Spawn.lock.unlock()
        (input + output + errors).forEach { close($0) }
        throw error
    }
    Spawn.lock.unlock()
    close(input[0])
    close(output[1])
    close(errors[1])
    // A child that stops reading early must give EPIPE, not kill the test runner.
    signal(SIGPIPE, SIG_IGN)
    _ = fcntl(input[1], F_SETFL, fcntl(input[1], F_GETFL) | O_NONBLOCK)

    var pending = Array(stdin.utf8)[...]
    var writeFD: Int32 = input[1]
    if pending.isEmpty { close(writeFD); writeFD = -1 }
    var readFDs = [output[0], errors[0]]
    var collected: [[UInt8]] = [[], []]
    var buffer = [UInt8](repeating: 0, count: 65536)

    while writeFD >= 0 || readFDs.contains(where: { $0 >= 0 }) {
        // A negative fd is ignored by poll, which keeps indices stable.
        var fds = [
            pollfd(fd: readFDs[0], events: Int16(POLLIN), revents: 0),
            pollfd(fd: readFDs[1], events: Int16(POLLIN), revents: 0),
            pollfd(fd: writeFD, events: Int16(POLLOUT), revents: 0),
        ]
        if poll(&fds, 3, -1) < 0 {
            if errno == EINTR { continue }
            break
        }
        for index in 0..<2 where fds[index].revents != 0 {
            let count = read(readFDs[index], &buffer, buffer.count)
            if count > 0 {
                collected[index].append(contentsOf: buffer[..<count])
            } else if count == 0 || errno != EINTR && errno != EAGAIN {
                close(readFDs[index])
                readFDs[index] = -1
            }
        }
        if fds[2].revents != 0 {
            let written = pending.withUnsafeBytes { write(writeFD, $0.baseAddress, $0.count) }
            if written > 0 { pending = pending.dropFirst(written) }
            if pending.isEmpty || (written < 0 && errno != EAGAIN && errno != EINTR) {
                close(writeFD)
                writeFD = -1
            }
        }
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return ProcessResult(
        status: Spawn.exitCode(fromWaitStatus: status),
        stdout: String(decoding: collected[0], as: UTF8.self),
        stderr: String(decoding: collected[1], as: UTF8.self)
    )
}
