import Foundation
import Hummingbird

/// The overview as server-sent events: one `data:` line of overview JSON after every change
/// and on every heartbeat, so the page is current within a second without reloading.
enum EventStream {
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
            }
            try await writer.finish(nil)
        })
    }
}
