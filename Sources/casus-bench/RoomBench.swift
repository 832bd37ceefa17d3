import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The room under load: 50 scripted groups, each its own process driven by its own thread,
/// answer at once over loopback, with and without `--room`. Rounds without and with the room
/// are taken in turn (without, with, without, with, …) so that a change in the machine's load
/// falls on both; every round with the room starts a fresh room with the facilitator's
/// overview open (its event stream, read as the page reads it).
///
/// In the rounds the figures come from, every group answers 100 ms (±50 %, the same for the
/// same group in every round) after its next prompt appeared: fifty groups then give the
/// room 400–500 answers a second, a hundred times a real room's pace, but leave the two cores
/// room to run what a group's laptop runs. One more pair of rounds has every group answer
/// the moment its prompt appears (flat out): fifty processes then compete for the machine's
/// cores, the room among them, and the figures show what that costs (figures only).
extension Bench {
    static let roomGroups = 50
    static let roomAnswers = 40
    static let roomRounds = 3
    static let roomThink = 0.1

    mutating func roomUnderLoad() throws {
        let scenario = try questionsScenario(Self.roomAnswers)
        var paced = RoomFigures()
        for round in 1...Self.roomRounds {
            paced.alone(try playGroups(scenario, dir: "\(work)/alone-\(round)", room: nil, think: Self.roomThink))
            paced.with(try roomRound(scenario, name: "paced-\(round)", think: Self.roomThink))
        }
        var flat = RoomFigures()
        flat.alone(try playGroups(scenario, dir: "\(work)/alone-flat", room: nil, think: 0))
        flat.with(try roomRound(scenario, name: "flat", think: 0))

        let a = paced.aloneMedian, w = paced.withMedian
        rows.append(Row(
            measure: "\(Self.roomGroups) groups at once, each answering 0.1 s after its prompt: answer to next prompt, with the room / without",
            value: "\(ms(w)) / \(ms(a)) median, \(times(w / a)) (rounds \(paced.perRound(times)))", target: "within 10 %",
            met: w <= a * 1.1))
        rows.append(Row(
            measure: "the same: CPU per answer while answering, group with the room / without; the room",
            value: String(format: "%.2f / %.2f ms; %.2f ms", paced.withCPU * 1000, paced.aloneCPU * 1000, paced.roomCPU * 1000),
            target: "(figure only)", met: nil))
        rows.append(Row(
            measure: "the same: CPU per answer of the group's main thread (answer, save, next prompt), with the room / without",
            value: String(format: "%.2f / %.2f ms", paced.withMainCPU * 1000, paced.aloneMainCPU * 1000), target: "(figure only)", met: nil))
        let p99 = paced.overviewP99
        rows.append(Row(
            measure: "the same: answer at the group to shown in the overview's stream (\(paced.delays.count) answers\(paced.unseen > 0 ? ", \(paced.unseen) never" : ""))",
            value: "\(ms(Self.median(paced.delays))) median, \(ms(p99)) p99", target: "p99 ≤ 1 s", met: p99 <= 1))
        let mb = Double(max(paced.roomKiB, flat.roomKiB)) / 1024
        rows.append(Row(
            measure: "peak memory of the room with \(Self.roomGroups) groups", value: String(format: "%.1f MB", mb), target: "< 100 MB",
            met: mb < 100))
        let total = Self.roomGroups * (Self.roomRounds + 1)
        let equal = paced.equal + flat.equal
        rows.append(Row(
            measure: "room's journal equal to the group's (nothing lost or doubled)",
            value: "\(equal) of \(total)", target: "all", met: equal == total))
        rows.append(Row(
            measure: "flat out (each answer as its prompt shows): answer to next prompt, with the room / without",
            value: "\(ms(flat.withMedian)) / \(ms(flat.aloneMedian)) median, \(times(flat.withMedian / flat.aloneMedian))",
            target: "(figure only)", met: nil))
        rows.append(Row(
            measure: "flat out: CPU per answer, group with the room / without; the room",
            value: String(format: "%.2f / %.2f ms; %.2f ms", flat.withCPU * 1000, flat.aloneCPU * 1000, flat.roomCPU * 1000),
            target: "(figure only)", met: nil))
        rows.append(Row(
            measure: "flat out: answer to shown in the overview's stream",
            value: "\(ms(Self.median(flat.delays))) median, \(ms(flat.overviewP99)) p99", target: "(figure only)", met: nil))
    }

    /// One round with a fresh room and its overview open.
    func roomRound(_ scenario: String, name: String, think: Double) throws -> RoomRound {
        let roomDir = "\(work)/room-\(name)"
        let room = try Child(casus, ["room", "--listen", "127.0.0.1:0", "--dir", roomDir], environment: environment)
        guard room.waitFor("Stoppen", count: 1) else { throw BenchError("the room did not start") }
        let printed = String(decoding: room.text, as: UTF8.self).components(separatedBy: "\n")
        func after(_ label: String) -> String {
            printed.first { $0.hasPrefix(label) }.map { String($0.dropFirst(label.count)) } ?? ""
        }
        let address = (url: after("Adres voor de groepen: "), code: after("Code: "))
        let facilitator = printed.first { $0.contains("/f/") }?.trimmingCharacters(in: .whitespaces) ?? ""
        let overview = try OverviewStream(url: facilitator + "/events", environment: environment)
        let played = try playGroups(scenario, dir: "\(work)/with-\(name)", room: address, think: think, measuring: room)
        // Every group left once the room had all its records (or its wait ran out); the
        // overview's heartbeat (every 2 s) sends the last state at the latest.
        usleep(2_500_000)
        overview.stop()
        kill(room.pid, SIGTERM)
        let (_, kib) = room.finish()

        let seen = overview.answersSeen()
        // The room's CPU from the first answer until it stopped (catching up included).
        let answers = Double(Self.roomGroups * Self.roomAnswers)
        var result = RoomRound(played: played, kib: kib, cpuPerAnswer: (room.cpuSeconds - played.otherCPUBefore) / answers)
        for (index, acknowledged) in played.acknowledged.enumerated() {
            let folder = "\(work)/with-\(name)/g\(index)"
            guard let session = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.first(where: { !$0.hasPrefix(".") }) else {
                result.unseen += acknowledged.count
                continue
            }
            let mine = try? String(contentsOfFile: "\(folder)/\(session)/journal.jsonl", encoding: .utf8)
            let theirs = try? String(contentsOfFile: "\(roomDir)/groups/\(session)/journal", encoding: .utf8)
            if mine != nil, mine == theirs {
                result.equal += 1
            } else {
                // Which one, and how far each got: the figure alone does not say why.
                let lines = { (text: String?) in text.map { $0.split(separator: "\n").count } ?? -1 }
                let pending = FileManager.default.fileExists(atPath: "\(folder)/\(session)/room-pending.json")
                FileHandle.standardError.write(Data(
                    "room round \(name), group \(index): \(lines(mine)) journal lines at the group, \(lines(theirs)) in the room\(pending ? " (left for casus room send)" : "")\n".utf8))
            }
            let shown = seen[session] ?? []
            for (n, time) in acknowledged.enumerated() {
                if n < shown.count { result.delays.append(max(0, shown[n] - time)) } else { result.unseen += 1 }
            }
        }
        return result
    }

    struct Played {
        /// Every answer's time from sending it to its next prompt.
        var latencies: [Double]
        /// Per group, the moment each answer's next prompt appeared.
        var acknowledged: [[Double]]
        /// CPU seconds per answer of the groups' processes while they answered (start-up and
        /// setup not counted).
        var cpuPerAnswer: Double
        /// The same for the groups' main threads only: the thread that answers and draws the
        /// next prompt (the room's link runs on others).
        var mainCPUPerAnswer: Double
        /// The CPU seconds `measuring` (the room) had used when the groups began to answer.
        var otherCPUBefore: Double
    }

    struct RoomRound {
        var played: Played
        var kib: Int
        var cpuPerAnswer: Double
        var delays: [Double] = []
        var unseen = 0
        var equal = 0
    }

    /// The rounds of one kind, without and with the room.
    struct RoomFigures {
        var aloneLatencies: [[Double]] = [], withLatencies: [[Double]] = []
        var aloneCPUs: [Double] = [], withCPUs: [Double] = [], roomCPUs: [Double] = []
        var aloneMainCPUs: [Double] = [], withMainCPUs: [Double] = []
        var delays: [Double] = []
        var unseen = 0, equal = 0, roomKiB = 0

        mutating func alone(_ played: Played) {
            aloneLatencies.append(played.latencies)
            aloneCPUs.append(played.cpuPerAnswer)
            aloneMainCPUs.append(played.mainCPUPerAnswer)
        }

        mutating func with(_ round: RoomRound) {
            withLatencies.append(round.played.latencies)
            withCPUs.append(round.played.cpuPerAnswer)
            withMainCPUs.append(round.played.mainCPUPerAnswer)
            roomCPUs.append(round.cpuPerAnswer)
            delays += round.delays
            unseen += round.unseen
            equal += round.equal
            roomKiB = max(roomKiB, round.kib)
        }

        var aloneMedian: Double { Bench.median(aloneLatencies.flatMap { $0 }) }
        var withMedian: Double { Bench.median(withLatencies.flatMap { $0 }) }
        var aloneCPU: Double { Bench.median(aloneCPUs) }
        var withCPU: Double { Bench.median(withCPUs) }
        var roomCPU: Double { Bench.median(roomCPUs) }
        var aloneMainCPU: Double { Bench.median(aloneMainCPUs) }
        var withMainCPU: Double { Bench.median(withMainCPUs) }
        var overviewP99: Double { unseen > 0 || delays.isEmpty ? .infinity : delays.sorted()[delays.count * 99 / 100] }

        func perRound(_ format: (Double) -> String) -> String {
            zip(withLatencies, aloneLatencies).map { format(Bench.median($0) / Bench.median($1)) }.joined(separator: ", ")
        }
    }

    /// Starts every group, lets each set up to its first question, then lets them all answer
    /// at once: one thread per group, so all 50 really are at once (a concurrent loop would run
    /// only as many as there are cores). `think` seconds (±50 %) pass between a prompt and the
    /// next answer; group `index` draws the same waits in every round.
    func playGroups(_ scenario: String, dir: String, room: (url: String, code: String)?, think: Double, measuring other: Child? = nil)
        throws -> Played
    {
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var latencies: [Double] = []
            var acknowledged = [[Double]](repeating: [], count: Bench.roomGroups)
            var cpu: UInt64 = 0
            var mainCPU: UInt64 = 0
            var failure: Error?
            func fail(_ error: Error) { lock.withLock { failure = failure ?? error } }
        }
        let results = Results()
        let environment = self.environment
        let casus = self.casus
        let ready = DispatchSemaphore(value: 0)
        let go = DispatchSemaphore(value: 0)
        let finished = DispatchGroup()
        for index in 0..<Self.roomGroups {
            finished.enter()
            Thread {
                defer { finished.leave() }
                var child: Child?
                do {
                    let folder = "\(dir)/g\(index)"
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                    var arguments = ["play", scenario, "--lang", "nl", "--dir", folder]
                    if let room { arguments += ["--room", room.url, "--code", room.code] }
                    child = try Child(casus, arguments, environment: environment)
                    for line in Self.setup { child!.send(line) }
                    guard child!.waitFor("Vraag 1?", count: 1) else { throw BenchError("group \(index): no first question") }
                } catch {
                    results.fail(error)
                }
                ready.signal()
                go.wait()
                guard let child else { return }
                do {
                    var waits = ThinkTimes(group: index, think: think)
                    let cpuBefore = child.cpuNanoseconds()
                    let mainBefore = child.cpuNanoseconds(mainThreadOnly: true)
                    var mine: [Double] = []
                    var times: [Double] = []
                    for n in 1...Self.roomAnswers {
                        if think > 0 { usleep(useconds_t(waits.next() * 1e6)) }
                        let after = child.outputCount
                        let start = Self.now()
                        child.send("Antwoord \(n)")
                        let next = n < Self.roomAnswers ? "Vraag \(n + 1)?" : "Klaar!"
                        guard child.waitFor(next, count: 1, after: after) else { throw BenchError("group \(index): no prompt after answer \(n)") }
                        let end = Self.now()
                        mine.append(end - start)
                        times.append(end)
                    }
                    let cpu = child.cpuNanoseconds() - cpuBefore
                    let mainCPU = child.cpuNanoseconds(mainThreadOnly: true) - mainBefore
                    child.finish()
                    results.lock.withLock {
                        results.latencies += mine
                        results.acknowledged[index] = times
                        results.cpu += cpu
                        results.mainCPU += mainCPU
                    }
                } catch {
                    results.fail(error)
                    child.finish()
                }
            }.start()
        }
        for _ in 0..<Self.roomGroups { ready.wait() }
        let otherBefore = other?.cpuNanoseconds() ?? 0
        for _ in 0..<Self.roomGroups { go.signal() }
        finished.wait()
        if let failure = results.failure { throw failure }
        let answers = Double(Self.roomGroups * Self.roomAnswers)
        return Played(
            latencies: results.latencies, acknowledged: results.acknowledged, cpuPerAnswer: Double(results.cpu) / 1e9 / answers,
            mainCPUPerAnswer: Double(results.mainCPU) / 1e9 / answers, otherCPUBefore: Double(otherBefore) / 1e9)
    }
}

/// A group's waits between prompt and answer: `think` ±50 %, from a generator seeded with the
/// group's number (SplitMix64), so a group waits alike with and without the room.
struct ThinkTimes {
    private var state: UInt64
    let think: Double

    init(group: Int, think: Double) {
        state = UInt64(group) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        self.think = think
    }

    mutating func next() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return think * (0.5 + Double(z >> 11) / Double(1 << 53))
    }
}
