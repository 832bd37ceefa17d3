import Hummingbird
import NIOCore

/// The request context of the room's router: Hummingbird's basic context plus the client's
/// address, which the rate limiter counts by.
struct RoomContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The client's IP address as text ("?" when unknown).
    var clientHost: String { remoteAddress?.ipAddress ?? "?" }
}
