import CasusCore
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// The room's HTTP server: the groups' API, the facilitator's pages and the event stream.
/// Runs until SIGINT (Ctrl-C) or SIGTERM, then stops gracefully: open event streams end,
/// requests in flight finish, and every answer was already on disk.
public struct RoomServer: Sendable {
    public let room: Room
    public let host: String
    public let port: Int
    /// The host the groups are told to use (the network address when listening on all).
    public let advertisedHost: String
    let policy: RateLimiter.Policy

    public init(
        room: Room, host: String, port: Int, advertisedHost: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.room = room
        self.host = host
        self.port = port
        self.advertisedHost = advertisedHost ?? host
        policy = RateLimiter.Policy.from(environment: environment)
    }

    /// Serves until a signal asks it to stop. `onListening` gets the address for the groups,
    /// with the port actually bound (port 0 picks a free one).
    public func run(onListening: @escaping @Sendable (String) async -> Void) async throws {
        let router = Router(context: RoomContext.self)
        let address = GroupAddress()
        router.add(middleware: NotFoundPage(language: room.language))
        GroupRoutes(room: room, limiter: RateLimiter(policy: policy)).add(to: router)
        FacilitatorRoutes(room: room, groupAddress: address).add(to: router)
        StaticAssets().add(to: router, language: room.language)
        var logger = Logger(label: "casus-room")
        // Requests are not logged: paths and bodies can carry answers about pupils.
        logger.logLevel = .critical
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { [advertisedHost, port] channel in
                let shown = advertisedHost.contains(":") ? "[\(advertisedHost)]" : advertisedHost
                let text = "http://\(shown):\(channel.localAddress?.port ?? port)"
                address.set(text)
                await onListening(text)
            },
            logger: logger)
        // The heartbeat comes last so it is the first to hear of a shutdown: it closes the
        // event streams, which the server would otherwise wait for.
        let group = ServiceGroup(
            configuration: .init(
                services: [app, Heartbeat(room: room)], gracefulShutdownSignals: [.sigint, .sigterm], logger: logger))
        try await group.run()
    }
}

/// Moves the overview's clocks along every few seconds, and closes the event streams when the
/// server is asked to stop, so the graceful shutdown does not wait for them.
struct Heartbeat: Service {
    let room: Room

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while true {
                try await Task.sleep(for: .seconds(2))
                await room.heartbeat()
            }
        }
        await room.closeWatchers()
    }
}

/// The address for the groups, known once the server has bound its port.
final class GroupAddress: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""

    func set(_ value: String) { lock.withLock { text = value } }
    var value: String { lock.withLock { text } }
}
