/// One HTTP exchange with the room, as the link needs it: a path, a JSON body or none, the
/// status code and body that came back. Errors mean the room was not reached (no answer,
/// refused, timed out); any HTTP answer, 4xx and 5xx included, is a response.
public protocol RoomTransport: Sendable {
    func send(_ request: RoomRequest) async throws -> RoomResponse
    /// Ends the transport's connections; called once when the link stops.
    func shutdown() async
}

public struct RoomRequest: Hashable, Sendable {
    public enum Method: String, Sendable { case get = "GET", post = "POST" }
    public var method: Method
    /// From the room's root, e.g. `/api/join`.
    public var path: String
    /// The JSON body of a POST.
    public var body: [UInt8]?

    public init(method: Method, path: String, body: [UInt8]? = nil) {
        self.method = method
        self.path = path
        self.body = body
    }
}

public struct RoomResponse: Hashable, Sendable {
    public var status: Int
    public var body: [UInt8]

    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }
}
