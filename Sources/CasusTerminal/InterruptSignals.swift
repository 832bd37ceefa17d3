#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Catches SIGINT and SIGWINCH so that Ctrl-C cancels a line instead of ending the program.
///
/// The handler only sets a flag and writes a byte to a self-pipe (both async-signal-safe);
/// a reader waiting in `poll` on `wakeFD` therefore wakes up without any race between
/// checking the flag and going to sleep. No SA_RESTART, so blocking reads fail with EINTR.
enum InterruptSignals {
    /// [0] = SIGINT seen, [1] = SIGWINCH seen, [2] = write end of the self-pipe.
    /// Raw memory, not Swift globals: the handler must not touch Swift's exclusivity checks.
    nonisolated(unsafe) private static let cells: UnsafeMutablePointer<Int32> = {
        let cells = UnsafeMutablePointer<Int32>.allocate(capacity: 4)
        cells.initialize(repeating: -1, count: 4)
        cells[0] = 0
        cells[1] = 0
        return cells
    }()

    /// Read end of the self-pipe; readable after a signal. -1 if the pipe failed.
    static var wakeFD: Int32 { installation }

    private static let installation: Int32 = {
        var fds: [Int32] = [-1, -1]
        var readFD: Int32 = -1
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
            readFD = fds[0]
            cells[2] = fds[1]
        }
        _ = cells  // initialised before the handler can run
        let handler: @convention(c) (Int32) -> Void = { signal in
            let cells = InterruptSignals.cells
            cells[signal == SIGINT ? 0 : 1] = 1
            if cells[2] >= 0 {
                var byte: UInt8 = 0
                _ = write(cells[2], &byte, 1)
            }
        }
        for signal in [SIGINT, SIGWINCH] {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = handler
            #else
            action.__sigaction_u.__sa_handler = handler
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
        return readFD
    }()

    /// Installs the handlers (idempotent).
    static func install() { _ = installation }

    /// Whether SIGINT arrived since the last call; clears the flag.
    static func takeInterrupt() -> Bool { take(0) }

    /// Whether the window was resized since the last call; clears the flag.
    static func takeResize() -> Bool { take(1) }

    /// Empties the self-pipe after a wake-up.
    static func drainWakePipe() {
        guard wakeFD >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeFD, &buffer, buffer.count) > 0 {}
    }

    private static func take(_ index: Int) -> Bool {
        install()
        let seen = cells[index] != 0
        if seen { cells[index] = 0 }
        return seen
    }
}
