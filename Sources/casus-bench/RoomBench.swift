import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The room under load: 50 scripted groups answer at once over loopback, with and without
/// `--room`. Figures: a group's answer-to-next-prompt time with the room against without
/// it, how long until the room has stored each answer, the room's peak memory, and whether
/// the room's copy of every journal equals the group's (nothing lost or doubled).
extension Bench {
    static let roomGroups = 50
    static let roomAnswers = 40

    mutating func roomUnderLoad() throws {
        let scenario = try questionsScenario(Self.roomAnswers)
        let without = try playGroups(scenario, dir: "\(work)/alone", room: nil).latencies

        let roomDir = "\(work)/room"
        let room = try Child(casus, ["room", "--listen", "127.0.0.1:0", "--dir", roomDir], environment: environment)
        guard room.waitFor("Stoppen", count: 1) else { throw BenchError("the room did not start") }
        let printed = String(decoding: room.text, as: UTF8.self)
        func after(_ label: String) -> String {
            printed.components(separatedBy: "\n").first { $0.hasPrefix(label) }.map { String($0.dropFirst(label.count)) } ?? ""
        }
        let address = (url: after("Adres voor de groepen: "), code: after("Code: "))

        // Watches the room's stored journals: when each line first appeared.
        let seen = RoomWatch(folder: "\(roomDir)/groups")
        seen.start()
        let played = try playGroups(scenario, dir: "\(work)/with", room: address)
        // The groups have left; every answer they acknowledged must be in the room by now.
        seen.stop()
        kill(room.pid, SIGTERM)
        let (_, roomKiB) = room.finish()

        var delays: [Double] = []
        var equal = 0
        for (index, acknowledged) in played.acknowledged.enumerated() {
            let folder = "\(work)/with/g\(index)"
            guard let session = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.first(where: { !$0.hasPrefix(".") }),
                let mine = try? String(contentsOfFile: "\(folder)/\(session)/journal.jsonl", encoding: .utf8),
                let theirs = try? String(contentsOfFile: "\(roomDir)/groups/\(session)/journal", encoding: .utf8)
            else { continue }
            if mine == theirs { equal += 1 }
            // Answer n is journal line n + 2 (line 1 the header, line 2 the setup).
            for (n, time) in acknowledged.enumerated() {
                if let stored = seen.firstSeen(session, line: n + 3) { delays.append(max(0, stored - time)) }
            }
        }
        let alone = Self.median(without), with = Self.median(played.latencies)
        rows.append(Row(
            measure: "\(Self.roomGroups) groups at once: answer to next prompt, with the room / without",
            value: "\(ms(with)) / \(ms(alone)) median", target: "within 10 %", met: with <= alone * 1.1))
        let p99 = delays.isEmpty ? .infinity : delays.sorted()[delays.count * 99 / 100]
        rows.append(Row(
            measure: "answer acknowledged to stored in the room (\(delays.count) answers)",
            value: "\(ms(Self.median(delays))) median, \(ms(p99)) p99", target: "p99 ≤ 1 s", met: p99 <= 1))
        let mb = Double(roomKiB) / 1024
        rows.append(Row(measure: "peak memory of the room with \(Self.roomGroups) groups", value: String(format: "%.1f MB", mb), target: "< 100 MB", met: mb < 100))
        rows.append(Row(
            measure: "room's journal equal to the group's (nothing lost or doubled)",
            value: "\(equal) of \(Self.roomGroups)", target: "all", met: equal == Self.roomGroups))
    }

    /// Plays the groups at once (one thread each); returns every answer's latency and, per
    /// group, the moment each answer was acknowledged (its next prompt appeared).
    func playGroups(_ scenario: String, dir: String, room: (url: String, code: String)?) throws
        -> (latencies: [Double], acknowledged: [[Double]])
    {
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var latencies: [Double] = []
            var acknowledged = [[Double]](repeating: [], count: Bench.roomGroups)
            var failure: Error?
        }
        let results = Results()
        let environment = self.environment
        let casus = self.casus
        DispatchQueue.concurrentPerform(iterations: Self.roomGroups) { index in
            do {
                let folder = "\(dir)/g\(index)"
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                var arguments = ["play", scenario, "--lang", "nl", "--dir", folder]
                if let room { arguments += ["--room", room.url, "--code", room.code] }
                let child = try Child(casus, arguments, environment: environment)
                for line in Self.setup { child.send(line) }
                guard child.waitFor("Vraag 1?", count: 1) else { throw BenchError("group \(index): no first question") }
                var mine: [Double] = []
                var times: [Double] = []
                for n in 1...Self.roomAnswers {
                    let start = Self.now()
                    child.send("Antwoord \(n)")
                    let next = n < Self.roomAnswers ? "Vraag \(n + 1)?" : "Klaar!"
                    guard child.waitFor(next, count: 1) else { throw BenchError("group \(index): no prompt after answer \(n)") }
                    let end = Self.now()
                    mine.append(end - start)
                    times.append(end)
                }
                child.finish()
                results.lock.withLock {
                    results.latencies += mine
                    results.acknowledged[index] = times
                }
            } catch {
                results.lock.withLock { results.failure = error }
            }
        }
        if let failure = results.failure { throw failure }
        return (results.latencies, results.acknowledged)
    }
}

/// Polls the room's folder of group journals every few milliseconds and notes when each
/// line of each journal first appeared.
final class RoomWatch: @unchecked Sendable {
    let folder: String
    private let lock = NSLock()
    private var lines: [String: [Double]] = [:]
    private var running = true
    private var thread: Thread?

    init(folder: String) { self.folder = folder }

    func start() {
        let thread = Thread { [self] in
            while lock.withLock({ running }) {
                scan()
                usleep(5_000)
            }
            scan()
        }
        self.thread = thread
        thread.start()
    }

    func stop() {
        lock.withLock { running = false }
        while thread?.isFinished == false { usleep(1_000) }
    }

    private func scan() {
        let now = Bench.now()
        for session in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            guard let data = FileManager.default.contents(atPath: "\(folder)/\(session)/journal") else { continue }
            let count = data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            lock.withLock {
                var seen = lines[session] ?? []
                while seen.count < count { seen.append(now) }
                lines[session] = seen
            }
        }
    }

    /// When line `line` (1-based) of `session`'s journal was first seen.
    func firstSeen(_ session: String, line: Int) -> Double? {
        lock.withLock { lines[session].flatMap { $0.count >= line ? $0[line - 1] : nil } }
    }
}
