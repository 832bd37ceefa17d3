import Foundation

/// A request's id: JSON-RPC allows a number or a string.
public enum RequestID: Hashable, Sendable, Codable {
    case number(Int)
    case string(String)

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let n = try? c.decode(Int.self) {
            self = .number(n)
        } else {
            self = .string(try c.decode(String.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .number(let n): try c.encode(n)
        case .string(let s): try c.encode(s)
        }
    }
}

/// A JSON-RPC error object, with the codes the protocol defines.
public struct ResponseError: Error, Hashable, Sendable, Codable {
    public var code: Int
    public var message: String

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    public static func parseError(_ m: String) -> ResponseError { .init(code: -32700, message: m) }
    public static func invalidRequest(_ m: String) -> ResponseError { .init(code: -32600, message: m) }
    public static func methodNotFound(_ method: String) -> ResponseError { .init(code: -32601, message: "method not found: \(method)") }
    public static func invalidParams(_ m: String) -> ResponseError { .init(code: -32602, message: m) }
    public static func internalError(_ m: String) -> ResponseError { .init(code: -32603, message: m) }
    public static let serverNotInitialized = ResponseError(code: -32002, message: "server not initialized")
    public static func requestFailed(_ m: String) -> ResponseError { .init(code: -32803, message: m) }
}

/// The fields every incoming message may have, read before its params' type is known.
struct MessageHeader: Decodable {
    var jsonrpc: String?
    var id: RequestID?
    var method: String?
}

/// The `params` of a message as `P`; absent params read as `{}` (e.g. `shutdown`).
struct ParamsEnvelope<P: Decodable>: Decodable {
    var params: P

    enum CodingKeys: String, CodingKey { case params }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if c.contains(.params), !(try c.decodeNil(forKey: .params)) {
            params = try c.decode(P.self, forKey: .params)
        } else {
            params = try JSONDecoder().decode(P.self, from: Data("{}".utf8))
        }
    }
}

/// An outgoing response: `result` (written even when it is `null`) or `error`.
struct ResponseMessage<Result: Encodable>: Encodable {
    var id: RequestID?
    var outcome: Swift.Result<Result, ResponseError>

    enum CodingKeys: String, CodingKey { case jsonrpc, id, result, error }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("2.0", forKey: .jsonrpc)
        if let id { try c.encode(id, forKey: .id) } else { try c.encodeNil(forKey: .id) }
        switch outcome {
        case .success(let value): try c.encode(value, forKey: .result)
        case .failure(let error): try c.encode(error, forKey: .error)
        }
    }
}

/// An outgoing notification.
struct NotificationMessage<Params: Encodable>: Encodable {
    var jsonrpc = "2.0"
    var method: String
    var params: Params
}

/// Encodes outgoing messages; one encoder for the whole session.
public struct MessageEncoder: Sendable {
    public init() {}

    func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        // Every value here is plain data; encoding cannot fail short of a bug, and a bug must
        // still produce a valid message.
        guard let data = try? encoder.encode(value) else {
            return Array(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32603,"message":"could not encode the response"}}"#.utf8)
        }
        return Array(data)
    }

    /// The body of a response to `id`.
    public func response<R: RequestType>(_: R.Type, id: RequestID?, _ outcome: Swift.Result<R.Response, ResponseError>) -> [UInt8] {
        encode(ResponseMessage(id: id, outcome: outcome))
    }

    /// The body of an error response to `id` (nil when the id could not be read).
    public func error(id: RequestID?, _ error: ResponseError) -> [UInt8] {
        encode(ResponseMessage<Int?>(id: id, outcome: .failure(error)))
    }

    /// The body of a notification from the server.
    public func notification<N: ServerNotification>(_ n: N) -> [UInt8] {
        encode(NotificationMessage(method: N.method, params: n))
    }
}
