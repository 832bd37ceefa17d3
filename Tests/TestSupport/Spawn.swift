import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Low-level `posix_spawn` plumbing shared by `PseudoTerminal` and `runProcess`.
enum Spawn {
    /// Held while creating fds for a child and spawning it. Tests run concurrently, and
    /// another test's pty or pipe fds must not leak into this child before they get
    /// FD_CLOEXEC (`posix_spawn_file_actions_addclosefrom_np` is not exported to Swift).
    static let lock = NSRecursiveLock()

    /// glibc's POSIX_SPAWN_SETSID; Swift's Glibc module does not export the name.
    static let setsidFlag: Int16 = 0x80

    /// Configures file actions; receives the actions to add to.
    typealias FileActions = (inout posix_spawn_file_actions_t) -> Void

    /// Spawns `binary` with exactly `arguments` and `environment` (nothing inherited).
    /// Signals get their default dispositions and an empty mask, so a test runner that
    /// ignores SIGPIPE or SIGINT does not pass that on. Callers hold `lock` from creating
    /// the child's fds (marked FD_CLOEXEC) until this returns.
    static func spawn(
        binary: String,
        arguments: [String],
        environment: [String: String],
        newSession: Bool,
        fileActions configure: FileActions
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        configure(&actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGHUP, SIGWINCH, SIGCHLD] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        var flags = Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        if newSession { flags |= setsidFlag }
        posix_spawnattr_setflags(&attributes, flags)

        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, binary, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw ProcessFailure.spawnFailed(binary: binary, error: String(cString: strerror(result)))
        }
        return pid
    }

    /// Converts a `waitpid` status to an exit code; death by signal N becomes 128 + N.
    static func exitCode(fromWaitStatus status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Monotonic seconds, for deadlines.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
