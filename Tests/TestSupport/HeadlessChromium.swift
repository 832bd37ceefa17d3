import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Debian's headless Chromium driven through its DevTools protocol over a pipe
/// (`--remote-debugging-pipe`: commands in on fd 3, replies out on fd 4, each a JSON
/// object ended by a NUL byte), so a test can open a page, evaluate script in it and take
/// screenshots without any client library.
public final class HeadlessChromium {
    /// Chromium's path, or nil when it is not installed (`scripts/ensure-deps` installs it).
    public static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    private let pid: pid_t
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private var nextID = 0
    private var buffer: [UInt8] = []
    private let profile: URL

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Starts Chromium with a window of `width`×`height`.
    public init(width: Int = 1366, height: Int = 768) throws {
        guard let path = Self.path else { throw Failure(description: "chromium is not installed") }
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("casus-chromium-\(UUID().uuidString)")
        var commands: [Int32] = [-1, -1]
        var replies: [Int32] = [-1, -1]
        Spawn.lock.lock()
        defer { Spawn.lock.unlock() }
        guard pipe(&commands) == 0, pipe(&replies) == 0 else { throw Failure(description: "pipe failed") }
        for fd in commands + replies { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let devNull = Glibc.open("/dev/null", O_RDWR | O_CLOEXEC)
        defer { close(devNull) }
        pid = try Spawn.spawn(
            binary: path,
            arguments: [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                "--disable-extensions", "--disable-background-networking", "--remote-debugging-pipe",
                "--user-data-dir=\(profile.path)", "--window-size=\(width),\(height)", "about:blank",
            ],
            environment: ["PATH": "/usr/bin:/bin", "HOME": profile.path, "LANG": "C.UTF-8"],
            newSession: true
        ) { actions in
            posix_spawn_file_actions_adddup2(&actions, devNull, 0)
            posix_spawn_file_actions_adddup2(&actions, devNull, 1)
            posix_spawn_file_actions_adddup2(&actions, devNull, 2)
            posix_spawn_file_actions_adddup2(&actions, commands[0], 3)
            posix_spawn_file_actions_adddup2(&actions, replies[1], 4)
        }
        close(commands[0])
        close(replies[1])
        toBrowser = commands[1]
        fromBrowser = replies[0]
    }

    deinit {
        close(toBrowser)
        close(fromBrowser)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        try? FileManager.default.removeItem(at: profile)
    }

    /// Sends a command and waits for its reply's `result` (events in between are dropped).
    @discardableResult
    public func send(_ method: String, _ params: [String: Any] = [:], session: String? = nil, timeout: Double = 30) throws -> [String: Any] {
        nextID += 1
        let id = nextID
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(toBrowser, $0.baseAddress, $0.count) }
            guard n > 0 else { throw Failure(description: "chromium closed its pipe") }
            written += n
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let reply = try readMessage(until: deadline)
            guard reply["id"] as? Int == id else { continue }
            if let error = reply["error"] { throw Failure(description: "\(method): \(error)") }
            return reply["result"] as? [String: Any] ?? [:]
        }
    }

    private func readMessage(until deadline: Date) throws -> [String: Any] {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let data = Data(buffer[..<end])
                buffer.removeSubrange(...end)
                return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw Failure(description: "chromium did not answer in time") }
            var poller = pollfd(fd: fromBrowser, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(min(left, 1) * 1000)) >= 0 else { continue }
            if poller.revents == 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = read(fromBrowser, &chunk, chunk.count)
            guard n > 0 else { throw Failure(description: "chromium closed its pipe") }
            buffer += chunk[..<n]
        }
    }

    /// A page (tab) at `url`.
    public func open(_ url: String) throws -> Page {
        let target = try send("Target.createTarget", ["url": url])
        let targetID = try (target["targetId"] as? String).orFail("no targetId")
        let attached = try send("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        let session = try (attached["sessionId"] as? String).orFail("no sessionId")
        return Page(browser: self, session: session)
    }

    public struct Page {
        let browser: HeadlessChromium
        let session: String

        /// The value of `expression` (JSON-able), evaluated in the page.
        public func evaluate(_ expression: String) throws -> Any? {
            let result = try browser.send(
                "Runtime.evaluate", ["expression": expression, "returnByValue": true], session: session)
            if let exception = result["exceptionDetails"] { throw Failure(description: "script failed: \(exception)") }
            return (result["result"] as? [String: Any])?["value"]
        }

        /// Evaluates `expression` until it is true, or fails after `timeout` seconds.
        public func waitUntil(_ expression: String, timeout: Double = 20) throws {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if (try? evaluate(expression)) as? Bool == true { return }
                usleep(50_000)
            }
            throw Failure(description: "never true: \(expression)")
        }

        /// Navigates to `url`.
        public func go(_ url: String) throws {
            try browser.send("Page.navigate", ["url": url], session: session)
        }

        /// A PNG of the viewport at `width`×`height`.
        public func screenshot(width: Int, height: Int) throws -> Data {
            try browser.send(
                "Emulation.setDeviceMetricsOverride",
                ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": false], session: session)
            usleep(300_000)
            let shot = try browser.send("Page.captureScreenshot", ["format": "png"], session: session)
            return Data(base64Encoded: try (shot["data"] as? String).orFail("no screenshot")) ?? Data()
        }
    }
}

extension Optional {
    fileprivate func orFail(_ message: String) throws -> Wrapped {
        guard let self else { throw HeadlessChromium.Failure(description: message) }
        return self
    }
}
