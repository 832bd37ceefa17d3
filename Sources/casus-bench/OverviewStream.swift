import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The facilitator's overview as the page receives it: the room's server-sent events
/// (`/f/<token>/events`), read by curl on a thread of its own. While the groups play it only
/// notes when each piece of the stream arrived; the events are decoded afterwards, so the
/// bench spends next to no CPU beside the processes it measures (the old watcher scanned
/// every stored journal every 5 ms and took CPU from the groups on a two-core machine).
final class OverviewStream: @unchecked Sendable {
    private let child: Child
    private let lock = NSLock()
    private var pieces: [(time: Double, bytes: [UInt8])] = []
    private let done = DispatchSemaphore(value: 0)

    /// Opens the stream; returns once its first event (the overview as it is) arrived.
    init(url: String, environment: [String: String]) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") else {
            throw BenchError("the room's figures need curl (apt-get install curl) to read the overview's event stream")
        }
        child = try Child("/usr/bin/curl", ["--silent", "--no-buffer", url], environment: environment)
        guard child.waitFor("data: ", count: 1, timeout: 10) else { throw BenchError("the overview's event stream did not open") }
        let child = self.child
        Thread { [self] in
            let read = child.readTimed()
            lock.withLock { pieces = read }
            done.signal()
        }.start()
    }

    /// Ends the stream (the room keeps serving) and waits for the reader.
    func stop() {
        kill(child.pid, SIGTERM)
        done.wait()
        child.finish()
    }

    /// Per session, when the overview first showed at least n answers (index n - 1).
    func answersSeen() -> [String: [Double]] {
        struct Overview: Decodable {
            struct Row: Decodable {
                var session: String
                var answers: Int
            }
            var rows: [Row]
        }
        var seen: [String: [Double]] = [:]
        var text: [UInt8] = []
        let decoder = JSONDecoder()
        for piece in lock.withLock({ pieces }) {
            text += piece.bytes
            // Every complete event in what has arrived: "data: {…}\n\n".
            while let end = Self.find([0x0A, 0x0A], in: text) {
                let event = text[..<end]
                text.removeSubrange(..<(end + 2))
                guard event.starts(with: Array("data: ".utf8)),
                    let overview = try? decoder.decode(Overview.self, from: Data(event.dropFirst(6)))
                else { continue }
                for row in overview.rows {
                    var times = seen[row.session] ?? []
                    while times.count < row.answers { times.append(piece.time) }
                    seen[row.session] = times
                }
            }
        }
        return seen
    }

    private static func find(_ needle: [UInt8], in text: [UInt8]) -> Int? {
        guard text.count >= needle.count else { return nil }
        for i in 0...(text.count - needle.count) where text[i] == needle[0] && text[i + 1] == needle[1] { return i }
        return nil
    }
}
