import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The room under load: 50 scripted groups, each its own process driven by its own thread,
/// answer at once over loopback. Every round with the room starts a fresh room with the
/// facilitator's overview open (its event stream, read as the page reads it).
///
/// The figure with a target comes from mixed rounds: half the groups play with `--room` and
/// half without, at the same time, and the halves swap from round to round. Both halves then
/// share one machine load (the room's own work included, which in a classroom runs on the
/// facilitator's laptop), so what differs between them is what the room adds on a group's
/// laptop. Rounds without any room, taken in between, show what the room's process costs the
/// groups when it shares their two cores (a figure only).
///
/// In the paced rounds every group answers 100 ms (±50 %, the same for the same group in
/// every round) after its next prompt appeared: fifty groups then give 400–500 answers a
/// second, a hundred times a real room's pace, but leave the two cores room to run what a
/// group's laptop runs. One more pair of rounds has every group answer the moment its prompt
/// appears (flat out), all fifty in the room in its second round: fifty processes then
/// compete for the machine's cores, the room among them (figures only).
extension Bench {
    static let roomGroups = 50
    static let roomAnswers = 40
    static let roomThink = 0.1
    /// Paced rounds: a round without a room, then two mixed rounds (one per half), twice.
    static let roomCycles = 2

    mutating func roomUnderLoad() throws {
        let scenario = try questionsScenario(Self.roomAnswers)
        var paced = RoomFigures()
        for cycle in 1...Self.roomCycles {
            paced.add(try playGroups(scenario, dir: "\(work)/alone-\(cycle)", room: nil, think: Self.roomThink), noRoom: true)
            for half in 0..<2 {
                paced.add(try roomRound(scenario, name: "mixed-\(cycle)-\(half)", think: Self.roomThink) { $0 % 2 == half })
            }
        }
        var flat = RoomFigures()
        flat.add(try playGroups(scenario, dir: "\(work)/alone-flat", room: nil, think: 0), noRoom: true)
        flat.add(try roomRound(scenario, name: "flat", think: 0) { _ in true })

        let w = paced.median(\.inRoom), a = paced.median(\.notInRoom)
        rows.append(Row(
            measure: "\(Self.roomGroups) groups at once, half of them in the room, each answering 0.1 s after its prompt: answer to next prompt, in the room / not",
            value: "\(ms(w)) / \(ms(a)) median, \(times(w / a)) (rounds \(paced.mixedRatios.map(times).joined(separator: ", ")))",
            target: "within 10 %", met: w <= a * 1.1))
        let none = paced.median(\.noRoom)
        rows.append(Row(
            measure: "the same, rounds with no room running on the machine: answer to next prompt (the mixed rounds' groups in the room against it)",
            value: "\(ms(none)) median (\(times(w / none)))", target: "(figure only)", met: nil))
        rows.append(Row(
            measure: "the same: CPU per answer while answering, group in the room / not; the room",
            value: String(format: "%.2f / %.2f ms; %.2f ms", paced.cpu(\.inRoom) * 1000, paced.cpu(\.notInRoom) * 1000, paced.roomCPU * 1000),
            target: "(figure only)", met: nil))
        rows.append(Row(
            measure: "the same: CPU per answer of the group's main thread (answer, save, next prompt), in the room / not",
            value: String(format: "%.2f / %.2f ms", paced.mainCPU(\.inRoom) * 1000, paced.mainCPU(\.notInRoom) * 1000),
            target: "(figure only)", met: nil))
        let p99 = paced.overviewP99
        rows.append(Row(
            measure: "the same: answer at the group to shown in the overview's stream (\(paced.delays.count) answers\(paced.unseen > 0 ? ", \(paced.unseen) never" : ""))",
            value: "\(ms(Self.median(paced.delays))) median, \(ms(p99)) p99", target: "p99 ≤ 1 s", met: p99 <= 1))
        let mb = Double(max(paced.roomKiB, flat.roomKiB)) / 1024
        rows.append(Row(
            measure: "peak memory of the room with \(Self.roomGroups) groups", value: String(format: "%.1f MB", mb), target: "< 100 MB",
            met: mb < 100))
        let equal = paced.equal + flat.equal, total = paced.joined + flat.joined
        rows.append(Row(
            measure: "room's journal equal to the group's (nothing lost or doubled)",
            value: "\(equal) of \(total)", target: "all", met: equal == total))
        let fw = flat.median(\.inRoom), fa = flat.median(\.noRoom)
        rows.append(Row(
            measure: "flat out (each answer as its prompt shows), all in the room: answer to next prompt, with the room / without",
            value: "\(ms(fw)) / \(ms(fa)) median, \(times(fw / fa))", target: "(figure only)", met: nil))
        rows.append(Row(
            measure: "flat out: CPU per answer, group with the room / without; the room",
            value: String(format: "%.2f / %.2f ms; %.2f ms", flat.cpu(\.inRoom) * 1000, flat.cpu(\.noRoom) * 1000, flat.roomCPU * 1000),
            target: "(figure only)", met: nil))
        rows.append(Row(
            measure: "flat out: answer to shown in the overview's stream",
            value: "\(ms(Self.median(flat.delays))) median, \(ms(flat.overviewP99)) p99", target: "(figure only)", met: nil))
    }

    /// One round with a fresh room and its overview open; the groups `joins` picks play in it.
    func roomRound(_ scenario: String, name: String, think: Double, joins: @escaping @Sendable (Int) -> Bool) throws -> RoomRound {
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
        let played = try playGroups(scenario, dir: "\(work)/with-\(name)", room: (address.url, address.code, joins), think: think, measuring: room)
        // Every group left once the room had all its records (or its wait ran out); the
        // overview's heartbeat (every 2 s) sends the last state at the latest.
        usleep(2_500_000)
        overview.stop()
        kill(room.pid, SIGTERM)
        let (_, kib) = room.finish()

        let seen = overview.answersSeen()
        // The room's CPU from the first answer until it stopped (catching up included).
        let answers = Double(played.groups.filter(\.joined).count * Self.roomAnswers)
        var result = RoomRound(played: played, kib: kib, cpuPerAnswer: (room.cpuSeconds - played.otherCPUBefore) / answers)
        for (index, group) in played.groups.enumerated() where group.joined {
            result.joined += 1
            let folder = "\(work)/with-\(name)/g\(index)"
            guard let session = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.first(where: { !$0.hasPrefix(".") }) else {
                result.unseen += group.acknowledged.count
                continue
            }
            let mine = try? String(contentsOfFile: "\(folder)/\(session)/journal.jsonl", encoding: .utf8)
            let theirs = try? String(contentsOfFile: "\(roomDir)/groups/\(session)/journal", encoding: .utf8)
            if mine != nil, mine == theirs {
                result.equal += 1
            } else {
                // Which one, how far each got, and the first line that differs (bench data,
                // no real answers): the figure alone does not say why.
                let lines = { (text: String?) in text.map { $0.split(separator: "\n", omittingEmptySubsequences: false) } ?? [] }
                let (a, b) = (lines(mine), lines(theirs))
                let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
                let pending = FileManager.default.fileExists(atPath: "\(folder)/\(session)/room-pending.json")
                FileHandle.standardError.write(Data("""
                    room round \(name), group \(index): \(a.count) journal lines at the group, \(b.count) in the room\(pending ? " (left for casus room send)" : ""); first difference at line \(first + 1):
                      group: \(first < a.count ? String(a[first].prefix(300)) : "(none)")
                      room:  \(first < b.count ? String(b[first].prefix(300)) : "(none)")

                    """.utf8))
            }
            let shown = seen[session] ?? []
            for (n, time) in group.acknowledged.enumerated() {
                if n < shown.count { result.delays.append(max(0, shown[n] - time)) } else { result.unseen += 1 }
            }
        }
        return result
    }

    /// What one group's process did in a round.
    struct GroupPlay {
        var joined = false
        /// Every answer's time from sending it to its next prompt.
        var latencies: [Double] = []
        /// The moment each answer's next prompt appeared.
        var acknowledged: [Double] = []
        /// CPU seconds of the whole process (all threads) and of its main thread (the one
        /// that answers and draws the next prompt; the room's link runs on others) while it
        /// answered (start-up and setup not counted).
        var cpu: Double = 0
        var mainCPU: Double = 0
    }

    struct Played {
        var groups: [GroupPlay]
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
        var joined = 0
    }

    /// The rounds of one kind. Each group's answers are filed as in the room, not in the room
    /// (in a round with a room), or with no room running.
    struct RoomFigures {
        struct Kinds { var inRoom: [Double] = [], notInRoom: [Double] = [], noRoom: [Double] = [] }
        var latencies = Kinds(), cpus = Kinds(), mainCPUs = Kinds()
        var roomCPUs: [Double] = []
        /// Per mixed round: median in the room / median not in it.
        var mixedRatios: [Double] = []
        var delays: [Double] = []
        var unseen = 0, equal = 0, joined = 0, roomKiB = 0

        mutating func add(_ played: Played, noRoom: Bool) {
            var round = Kinds()
            for group in played.groups {
                let kind: WritableKeyPath<Kinds, [Double]> = noRoom ? \.noRoom : group.joined ? \.inRoom : \.notInRoom
                round[keyPath: kind] += group.latencies
                latencies[keyPath: kind] += group.latencies
                let answers = Double(max(1, group.latencies.count))
                cpus[keyPath: kind].append(group.cpu / answers)
                mainCPUs[keyPath: kind].append(group.mainCPU / answers)
            }
            if !round.inRoom.isEmpty, !round.notInRoom.isEmpty {
                mixedRatios.append(Bench.median(round.inRoom) / Bench.median(round.notInRoom))
            }
        }

        mutating func add(_ round: RoomRound) {
            add(round.played, noRoom: false)
            roomCPUs.append(round.cpuPerAnswer)
            delays += round.delays
            unseen += round.unseen
            equal += round.equal
            joined += round.joined
            roomKiB = max(roomKiB, round.kib)
        }

        func median(_ kind: KeyPath<Kinds, [Double]>) -> Double { Bench.median(latencies[keyPath: kind]) }
        func cpu(_ kind: KeyPath<Kinds, [Double]>) -> Double { Bench.median(cpus[keyPath: kind]) }
        func mainCPU(_ kind: KeyPath<Kinds, [Double]>) -> Double { Bench.median(mainCPUs[keyPath: kind]) }
        var roomCPU: Double { Bench.median(roomCPUs) }
        var overviewP99: Double { unseen > 0 || delays.isEmpty ? .infinity : delays.sorted()[delays.count * 99 / 100] }
    }

    /// Starts every group, lets each set up to its first question, then lets them all answer
    /// at once: one thread per group, so all 50 really are at once (a concurrent loop would run
    /// only as many as there are cores). `think` seconds (±50 %) pass between a prompt and the
    /// next answer; group `index` draws the same waits in every round. The groups `room.joins`
    /// picks play with the room.
    func playGroups(
        _ scenario: String, dir: String, room: (url: String, code: String, joins: @Sendable (Int) -> Bool)?, think: Double,
        measuring other: Child? = nil
    ) throws -> Played {
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var groups = [GroupPlay](repeating: GroupPlay(), count: Bench.roomGroups)
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
                let joined = room?.joins(index) ?? false
                do {
                    let folder = "\(dir)/g\(index)"
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                    var arguments = ["play", scenario, "--lang", "nl", "--dir", folder]
                    if let room, joined { arguments += ["--room", room.url, "--code", room.code] }
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
                    var play = GroupPlay(joined: joined)
                    for n in 1...Self.roomAnswers {
                        if think > 0 { usleep(useconds_t(waits.next() * 1e6)) }
                        let after = child.outputCount
                        let start = Self.now()
                        child.send("Antwoord \(n)")
                        let next = n < Self.roomAnswers ? "Vraag \(n + 1)?" : "Klaar!"
                        guard child.waitFor(next, count: 1, after: after) else { throw BenchError("group \(index): no prompt after answer \(n)") }
                        let end = Self.now()
                        play.latencies.append(end - start)
                        play.acknowledged.append(end)
                    }
                    play.cpu = Double(child.cpuNanoseconds() - cpuBefore) / 1e9
                    play.mainCPU = Double(child.cpuNanoseconds(mainThreadOnly: true) - mainBefore) / 1e9
                    child.finish()
                    results.lock.withLock { results.groups[index] = play }
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
        return Played(groups: results.groups, otherCPUBefore: Double(otherBefore) / 1e9)
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
