import Foundation
import Hummingbird

/// The overview as server-sent events: one `data:` line of overview JSON after a change and
/// on every heartbeat, so the page is current within a second without reloading.
enum EventStream {
    /// At most one overview per this interval: the changes in between go out together in the
    /// next one (the watch keeps only the newest revision). A busy room changes many times a
    /// second, and each overview is every group's row encoded again.
    static let interval: Duration = .milliseconds(250)

    static func response(_ room: Room) -> Response {
        var headers = RoomResponses.common()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init { writer in
            // The browser reconnects after a second when the stream drops.
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            for await _ in await room.watch() {
                let overview = await room.overview()
                let data = (try? RoomFolder.encoder.encode(overview)) ?? Data("{}".utf8)
                try await writer.write(ByteBuffer(string: "data: " + String(decoding: data, as: UTF8.self) + "\n\n"))
                try await Task.sleep(for: interval)
            }
            try await writer.finish(nil)
        })
    }
}
