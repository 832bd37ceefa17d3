import CasusRoomWire
import Foundation

/// How often and how hard the link tries. Tests shorten the waits.
public struct RoomTiming: Sendable {
    /// Seconds between status polls while there is nothing to send.
    public var poll: Double
    /// The first wait after a failed request; it doubles up to `maxRetry`.
    public var firstRetry: Double
    public var maxRetry: Double
    /// Records per request (at most what the room takes) and bytes per request (half of the
    /// largest body the room reads, so a batch of long answers still fits).
    public var batchRecords: Int
    public var batchBytes: Int
    /// Seconds a record waits, once the link was caught up, before it goes: the group's next
    /// prompt is drawn before the link spends CPU on sending, and records that follow quickly
    /// (pasted lines, an answer script) go in the same request. `stop` cuts it short.
    public var gather: Double

    public init(
        poll: Double = 2, firstRetry: Double = 0.25, maxRetry: Double = 3, batchRecords: Int = RoomWire.maxRecordsPerRequest,
        batchBytes: Int = RoomWire.maxBodyBytes / 2,
        gather: Double = 0.25
    ) {
        self.poll = poll
        self.firstRetry = firstRetry
        self.maxRetry = maxRetry
        self.batchRecords = batchRecords
        self.batchBytes = batchBytes
        self.gather = gather
    }
}

/// What the room said when play started.
public enum RoomCheck: Hashable, Sendable {
    /// The room answered and took the code.
    case welcome
    /// The room answered but does not know the code.
    case wrongCode
    /// No answer (no such address, nothing listening, no network).
    case unreachable
    /// The room answered with an error, e.g. 422 when it cannot read this scenario.
    case refused(status: Int, message: String?)
}

/// The group's side of the room: sends the group's journal to the room in the background
/// and keeps the room's status (the facilitator's messages, the presets) for the REPL.
///
/// The journal on the group's laptop is the truth. The REPL hands the link the journal's
/// records after they are durable (`update`); the link sends the ones the room does not have
/// yet, in order and in contiguous batches, retrying with back-off while the room is away.
/// A record that finds the link caught up waits a quarter of a second (`RoomTiming.gather`)
/// first, so sending never competes with drawing the group's next prompt.
/// A 409 makes it resend from the room's `next`, a 404 (the room forgot the session) makes it
/// join again. While there is nothing to send it polls the status every `poll` seconds.
/// Nothing here blocks the caller: `update`, `takeMessages`, `preset` and `isUnreachable`
/// only take a lock.
public final class RoomLink: @unchecked Sendable {
    private let transport: any RoomTransport
    private let timing: RoomTiming
    private let lock = NSLock()

    // Shared with the REPL's thread; touched only under `lock`.
    private var session: RoomSession?
    private var records: [RoomRecord] = []
    private var next: Int?
    /// The first record `:terug` rewrote that the room may still have in its old form: the
    /// room's own `next` is not believed past it until a batch from there is taken.
    private var rewriteFrom: Int?
    /// Counts the rewrites `update` saw: only a request sent after the latest one may clear
    /// `rewriteFrom` (a request in flight still carried the record that was undone).
    private var rewrites = 0
    private var seenMessages = Set<Int>()
    private var unshown: [RoomWire.Message] = []
    /// Whether the room has answered once; what it said before is old news to this group.
    private var heardOnce = false
    private var presetsByKey: [String: RoomWire.Preset] = [:]
    private var unreachable = false
    private var stopped = false
    /// Set by `stop`: what is left goes at once, without the gather pause.
    private var flushing = false
    private var pause: Task<Void, Never>?
    private var waiter: CheckedContinuation<Bool, Never>?
    private var wakeRequested = false
    private var napGeneration = 0
    /// The nap whose timer ran out before it began to wait.
    private var expiredGeneration = -1
    private var loop: Task<Void, Never>?

    public init(transport: any RoomTransport, timing: RoomTiming = RoomTiming()) {
        self.transport = transport
        self.timing = timing
    }

    // MARK: What the REPL calls

    /// Asks the room once whether it is there and takes the code. With a session (a resumed
    /// one) this is its join, which also tells how much the room has; without one (a new
    /// session, not named yet) it asks for the status of a session that cannot exist: 404
    /// means the code was taken.
    public func check(session: RoomSession?) async -> RoomCheck {
        let request: RoomRequest
        if let session {
            request = RoomRequest(method: .post, path: "/api/join", body: RoomBody.join(session))
        } else {
            request = RoomRequest(method: .get, path: "/api/sessions/casus-check/status")
        }
        guard let response = try? await transport.send(request) else {
            setUnreachable(true)
            return .unreachable
        }
        switch response.status {
        case 200:
            if session != nil, let status = decode(response.body) {
                lock.withLock {
                    self.session = session
                    next = status.next
                }
                apply(status)
            }
            return .welcome
        case 404 where session == nil: return .welcome
        case 403: return .wrongCode
        default: return .refused(status: response.status, message: RoomBody.errorMessage(response.body))
        }
    }

    /// Starts sending and polling in the background.
    public func start() {
        lock.withLock {
            guard loop == nil else { return }
            loop = Task.detached { [self] in await run() }
        }
    }

    /// The journal as it is on disk now (every record after the header), and the session it
    /// belongs to. Returns at once; the sending happens in the background.
    public func update(session: RoomSession, records: [RoomRecord]) {
        lock.withLock {
            if self.session?.id != session.id {
                next = nil
                rewriteFrom = nil
            } else if let changed = Self.firstChange(from: self.records, to: records), let known = next {
                // `:terug` replaced the journal with one record fewer: resend from there, and
                // the room replaces its copy (docs/room-protocol.md, Undo). Also when the room
                // has not acknowledged that record yet: it may be on its way.
                rewriteFrom = min(rewriteFrom ?? changed, changed)
                rewrites += 1
                next = min(known, changed)
            }
            self.session = session
            self.records = records
        }
        wake()
    }

    /// The journal grew by `record`: as `update` with every record handed over before and
    /// this one, without the caller copying the whole journal for each answer. False (and
    /// nothing changes) unless the link holds `sessionID`'s records up to just before it.
    @discardableResult
    public func append(sessionID: String, record: RoomRecord) -> Bool {
        let taken = lock.withLock { () -> Bool in
            guard session?.id == sessionID, record.seq == (records.last?.seq ?? 1) + 1 else { return false }
            records.append(record)
            return true
        }
        if taken { wake() }
        return taken
    }

    /// The facilitator's messages not handed out yet, oldest first; each one once.
    public func takeMessages() -> [RoomWire.Message] {
        lock.withLock {
            defer { unshown.removeAll() }
            return unshown
        }
    }

    /// The messages `takeMessages` would hand out, left in place.
    public func peekMessages() -> [RoomWire.Message] { lock.withLock { unshown } }

    /// Tests: pretend the room last said `next`, as after a room restarted with less.
    func forceNext(_ value: Int) { lock.withLock { next = value } }

    /// The room's answer for the question `key`, if it gives one.
    public func preset(for key: String) -> RoomWire.Preset? {
        lock.withLock { presetsByKey[key] }
    }

    /// Every answer the room gives, by key.
    public var presets: [RoomWire.Preset] { lock.withLock { presetsByKey.values.sorted { $0.key < $1.key } } }

    /// True since a request failed to reach the room, until one succeeds again.
    public var isUnreachable: Bool { lock.withLock { unreachable } }

    /// The sequence number the room wants next (nil before it answered a join).
    public var roomNext: Int? { lock.withLock { next } }

    /// Whether the room has every record handed to `update`.
    public var isCaughtUp: Bool {
        lock.withLock { session != nil && rewriteFrom == nil && next.map { n in records.allSatisfy { $0.seq < n } } == true }
    }

    /// Gives the sender up to `seconds` to deliver what is left, then stops it. Returns
    /// whether the room has everything.
    @discardableResult
    public func stop(waitingUpTo seconds: Double) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        lock.withLock { () -> Task<Void, Never>? in
            flushing = true
            return pause
        }?.cancel()
        while !isCaughtUp, Date() < deadline, lock.withLock({ loop != nil }) {
            try? await Task.sleep(nanoseconds: 50_000_000)
        }
        let caughtUp = isCaughtUp
        let task = lock.withLock { () -> Task<Void, Never>? in
            stopped = true
            return loop
        }
        wake()
        task?.cancel()
        await task?.value
        await transport.shutdown()
        return caughtUp
    }

    // MARK: The background loop

    private func run() async {
        var failures = 0
        var batchRecords = timing.batchRecords
        // Caught up (or just started): the next record waits for the gather pause first.
        var idle = true
        while !lock.withLock({ stopped }) {
            let snapshot = lock.withLock { () -> (session: RoomSession?, next: Int?, pending: [RoomRecord], empty: Bool, end: Int, undone: Bool, rewrites: Int) in
                let end = records.last?.seq ?? 1
                guard let known = self.next else { return (self.session, nil, [], records.isEmpty, end, false, rewrites) }
                let pending = Self.batch(records, from: known, count: batchRecords, bytes: timing.batchBytes)
                // `:terug` removed records the room may have and nothing replaced them yet.
                let undone = rewriteFrom.map { $0 > end } ?? false
                return (self.session, known, pending, records.isEmpty, end, undone, rewrites)
            }
            let next = snapshot.next, pending = snapshot.pending
            guard let session = snapshot.session, !snapshot.empty || next != nil else {
                // Nothing recorded yet (the group is still setting up): nothing to join with.
                _ = await nap(timing.poll)
                continue
            }
            let request: RoomRequest
            if next == nil {
                request = RoomRequest(method: .post, path: "/api/join", body: RoomBody.join(session))
            } else if !pending.isEmpty || snapshot.undone {
                if idle {
                    idle = false
                    await gatherPause()
                    continue
                }
                request = RoomRequest(
                    method: .post, path: "/api/sessions/\(segment(session.id))/records",
                    body: RoomBody.records(pending, end: snapshot.end))
            } else {
                // Caught up: sleep until the journal grows or it is time to poll.
                idle = true
                if await nap(timing.poll) { continue }
                if lock.withLock({ stopped }) { break }
                request = RoomRequest(method: .get, path: "/api/sessions/\(segment(session.id))/status")
            }
            let outcome = await exchange(request, sessionID: session.id, batchStart: request.method == .get ? nil : pending.first?.seq ?? next,
                rewrites: snapshot.rewrites)
            switch outcome {
            case .progress:
                failures = 0
            case .tooBig:
                batchRecords = max(1, batchRecords / 2)
            case .failed:
                failures += 1
                let wait = min(timing.maxRetry, timing.firstRetry * pow(2, Double(min(failures - 1, 20))))
                // A new record does not cut the wait short: the room is away, not slow.
                try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
            }
        }
    }

    private enum Outcome { case progress, tooBig, failed }

    /// Sends one request and takes in what came back.
    private func exchange(_ request: RoomRequest, sessionID: String, batchStart: Int?, rewrites seen: Int) async -> Outcome {
        guard let response = try? await transport.send(request) else {
            setUnreachable(true)
            return .failed
        }
        switch response.status {
        case 200, 409:
            // 409: the room wants an earlier record than the batch began with; `next` says which.
            guard let status = decode(response.body) else { return fail() }
            lock.withLock {
                guard session?.id == sessionID else { return }
                if response.status == 200, seen == rewrites, let start = batchStart, let from = rewriteFrom, start <= from {
                    rewriteFrom = nil
                }
                next = min(status.next, rewriteFrom ?? Int.max)
            }
            apply(status)
            setUnreachable(false)
            return .progress
        case 404:
            // The room does not know the session (any more): join again.
            lock.withLock {
                if session?.id == sessionID { next = nil }
            }
            setUnreachable(false)
            return .progress
        case 413:
            return .tooBig
        default:
            // 403 (the code changed), 422 (the room will not take a record), 429, 5xx: try
            // again later; the group's journal keeps everything meanwhile.
            return fail()
        }
    }

    private func fail() -> Outcome {
        setUnreachable(true)
        return .failed
    }

    private func apply(_ status: RoomWire.Status) {
        lock.withLock {
            // Messages from before this group joined (or before this laptop came back) were
            // meant for the room as it was then: only those sent later are shown.
            for message in status.messages where seenMessages.insert(message.id).inserted && heardOnce {
                unshown.append(message)
            }
            heardOnce = true
            presetsByKey = Dictionary(status.presets.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
        }
    }

    private func setUnreachable(_ value: Bool) {
        lock.withLock { unreachable = value }
    }

    private func decode(_ body: [UInt8]) -> RoomWire.Status? {
        try? JSONDecoder().decode(RoomWire.Status.self, from: Data(body))
    }

    /// The records from `next` on, at most `count` of them and about `bytes` long (always at
    /// least one). Records are contiguous from seq 2, so this is a slice.
    static func batch(_ records: [RoomRecord], from next: Int, count: Int, bytes: Int) -> [RoomRecord] {
        guard let start = records.firstIndex(where: { $0.seq >= next }), records[start].seq == next else { return [] }
        var out: [RoomRecord] = []
        var size = 0
        for record in records[start...] {
            if !out.isEmpty && (out.count >= count || size + record.data.count > bytes) { break }
            out.append(record)
            size += record.data.count + 24
        }
        return out
    }

    /// The seq of the first record that differs between two journal states (a rewritten or
    /// removed record); nil when `new` only adds to `old`.
    static func firstChange(from old: [RoomRecord], to new: [RoomRecord]) -> Int? {
        for (index, record) in old.enumerated() {
            guard index < new.count else { return record.seq }
            if new[index] != record { return record.seq }
        }
        return nil
    }

    /// The session's path segment, escaped once per session: Foundation's percent-encoding
    /// was a visible part of every request's cost.
    private func segment(_ id: String) -> String {
        if let known = segmentCache, known.id == id { return known.segment }
        let segment = Self.pathSegment(id)
        segmentCache = (id, segment)
        return segment
    }

    /// Only the background loop touches it.
    private var segmentCache: (id: String, segment: String)?

    /// Session ids are lowercase letters, digits and dashes; anything else is escaped.
    static func pathSegment(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_"))) ?? id
    }

    // MARK: Waiting

    /// Waits `timing.gather` seconds; only `stop` ends it early (new records do not: they
    /// are what the pause gathers).
    private func gatherPause() async {
        guard timing.gather > 0 else { return }
        let seconds = timing.gather
        let task = Task.detached { _ = try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000)) }
        let flushNow = lock.withLock { () -> Bool in
            if flushing || stopped { return true }
            pause = task
            return false
        }
        if flushNow { task.cancel() }
        await task.value
        lock.withLock { pause = nil }
    }

    /// Sleeps up to `seconds`; true when woken early by `update` or `stop`.
    private func nap(_ seconds: Double) async -> Bool {
        let generation = lock.withLock { () -> Int in
            napGeneration += 1
            return napGeneration
        }
        let timer = Task.detached { [self] in
            try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
            resume(generation: generation, woken: false)
        }
        let woken = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let now = lock.withLock { () -> Bool? in
                if wakeRequested || stopped || expiredGeneration == generation {
                    defer { wakeRequested = false }
                    return wakeRequested || stopped
                }
                waiter = continuation
                return nil
            }
            if let now { continuation.resume(returning: now) }
        }
        timer.cancel()
        return woken
    }

    private func wake() {
        let waiting = lock.withLock { () -> CheckedContinuation<Bool, Never>? in
            guard let waiter else {
                wakeRequested = true
                return nil
            }
            self.waiter = nil
            return waiter
        }
        waiting?.resume(returning: true)
    }

    private func resume(generation: Int, woken: Bool) {
        let waiting = lock.withLock { () -> CheckedContinuation<Bool, Never>? in
            guard generation == napGeneration else { return nil }
            guard let waiter else {
                expiredGeneration = generation
                return nil
            }
            self.waiter = nil
            return waiter
        }
        waiting?.resume(returning: woken)
    }
}
