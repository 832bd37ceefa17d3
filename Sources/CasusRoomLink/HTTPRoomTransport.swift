import AsyncHTTPClient
import CasusRoomWire
import Foundation
import NIOCore
import NIOHTTP1

/// The room over HTTP, with AsyncHTTPClient. Short timeouts: a room that does not answer
/// within a few seconds counts as away, and the link tries again later.
public final class HTTPRoomTransport: RoomTransport, @unchecked Sendable {
    private let address: RoomAddress
    private let client: HTTPClient
    private let lock = NSLock()
    private var isShutDown = false
    /// The biggest answer read from the room; a status is a few hundred bytes.
    private static let maxResponse = 1 << 20

    public init(address: RoomAddress) {
        self.address = address
        var configuration = HTTPClient.Configuration()
        configuration.timeout = HTTPClient.Configuration.Timeout(connect: .seconds(3), read: .seconds(5))
        // The room is on the local network: a proxy from the environment would only be in the way.
        configuration.proxy = nil
        configuration.redirectConfiguration = .disallow
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    public func send(_ request: RoomRequest) async throws -> RoomResponse {
        var http = HTTPClientRequest(url: address.base + request.path)
        http.method = request.method == .get ? .GET : .POST
        http.headers.add(name: RoomWire.codeHeader, value: address.code)
        http.headers.add(name: "Accept", value: "application/json")
        if let body = request.body {
            http.headers.add(name: "Content-Type", value: "application/json")
            http.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await client.execute(http, timeout: .seconds(8))
        let body = try await response.body.collect(upTo: Self.maxResponse)
        return RoomResponse(status: Int(response.status.code), body: Array(buffer: body))
    }

    public func shutdown() async {
        guard lock.withLock({ () -> Bool in defer { isShutDown = true }; return !isShutDown }) else { return }
        try? await client.shutdown()
    }

    /// AsyncHTTPClient must be shut down before it goes; a link dropped without `stop`
    /// (play left before it began) is shut down here. Never runs on the client's own threads:
    /// the link's tasks run on the concurrency pool.
    deinit {
        if !isShutDown { try? client.syncShutdown() }
    }
}
