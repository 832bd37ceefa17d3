import Foundation

/// Token buckets per client key: each key may make `burst` requests at once and `rate` per
/// second after that. Beyond that the room answers 429. Buckets of keys not seen for a minute
/// are dropped, so a room's memory stays small.
actor RateLimiter {
    struct Policy: Sendable {
        var rate: Double
        var burst: Double

        /// Generous for a class of groups behind one address (a school's NAT, or loopback):
        /// a group sends a record per answer and polls every ~2 s.
        static let standard = Policy(rate: 20, burst: 100)

        /// Wrong join codes per address: 20 at once, then one a second (a code of 27^6
        /// possibilities then takes years to guess).
        static let wrongCodes = Policy(rate: 1, burst: 20)

        /// From `CASUS_ROOM_RATE` ("RATE" or "RATE/BURST"), for tests and odd networks.
        static func from(environment: [String: String]) -> Policy {
            guard let text = environment["CASUS_ROOM_RATE"] else { return .standard }
            let parts = text.split(separator: "/").compactMap { Double($0) }
            guard let rate = parts.first, rate > 0 else { return .standard }
            return Policy(rate: rate, burst: parts.count > 1 ? max(1, parts[1]) : max(1, rate * 5))
        }
    }

    private struct Bucket {
        var tokens: Double
        var updated: Date
    }

    private let policy: Policy
    private let now: @Sendable () -> Date
    private var buckets: [String: Bucket] = [:]
    private var lastSweep: Date

    init(policy: Policy, now: @escaping @Sendable () -> Date = Date.init) {
        self.policy = policy
        self.now = now
        lastSweep = now()
    }

    /// Takes one token for `key`; false when the key has none left.
    func allow(_ key: String) -> Bool {
        let time = now()
        if time.timeIntervalSince(lastSweep) > 60 {
            buckets = buckets.filter { time.timeIntervalSince($0.value.updated) < 60 }
            lastSweep = time
        }
        var bucket = buckets[key] ?? Bucket(tokens: policy.burst, updated: time)
        bucket.tokens = min(policy.burst, bucket.tokens + time.timeIntervalSince(bucket.updated) * policy.rate)
        bucket.updated = time
        defer { buckets[key] = bucket }
        guard bucket.tokens >= 1 else { return false }
        bucket.tokens -= 1
        return true
    }
}
