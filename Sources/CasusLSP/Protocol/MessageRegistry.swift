import Foundation

/// A message the client sends: its params are the conforming type itself.
public protocol MessageType: Decodable, Sendable {
    static var method: String { get }
}

/// A request: answered with exactly one `Response` (or an error).
public protocol RequestType: MessageType {
    associatedtype Response: Encodable & Sendable
}

/// A notification from the client: never answered.
public protocol NotificationType: MessageType {}

/// A notification the server sends (`textDocument/publishDiagnostics`).
public protocol ServerNotification: Encodable, Sendable {
    static var method: String { get }
}

/// One incoming message, decoded.
public enum IncomingMessage: Sendable {
    case request(id: RequestID, any RequestType)
    case notification(any NotificationType)
    /// A request for a method the registry does not know: answered with MethodNotFound.
    case unknownRequest(id: RequestID, method: String)
    /// A notification the registry does not know: ignored, as the protocol says.
    case unknownNotification(method: String)
    /// A response from the client (the server sends no requests, so nothing waits for it).
    case response
}

/// The methods this server understands, by name, and how to read each one's params.
public struct MessageRegistry: Sendable {
    private let requests: [String: any RequestType.Type]
    private let notifications: [String: any NotificationType.Type]

    public init(requests: [any RequestType.Type], notifications: [any NotificationType.Type]) {
        self.requests = Dictionary(uniqueKeysWithValues: requests.map { ($0.method, $0) })
        self.notifications = Dictionary(uniqueKeysWithValues: notifications.map { ($0.method, $0) })
    }

    /// The message in `body`, or the error to send back (with the id, when it was readable).
    public func decode(_ body: [UInt8]) -> Result<IncomingMessage, DecodeFailure> {
        let data = Data(body)
        let header: MessageHeader
        do {
            header = try JSONDecoder().decode(MessageHeader.self, from: data)
        } catch {
            // Not JSON, or not an object, or an id of the wrong type.
            return .failure(DecodeFailure(id: nil, error: .parseError("not a JSON-RPC message")))
        }
        guard let method = header.method else {
            if header.id != nil { return .success(.response) }
            return .failure(DecodeFailure(id: nil, error: .invalidRequest("a message needs a method")))
        }
        if let id = header.id {
            guard let type = requests[method] else { return .success(.unknownRequest(id: id, method: method)) }
            do {
                return .success(.request(id: id, try type.decodeParams(data)))
            } catch {
                return .failure(DecodeFailure(id: id, error: .invalidParams("invalid params for \(method)")))
            }
        }
        guard let type = notifications[method] else { return .success(.unknownNotification(method: method)) }
        do {
            return .success(.notification(try type.decodeParams(data)))
        } catch {
            // A notification cannot be answered; the server drops it.
            return .failure(DecodeFailure(id: nil, error: .invalidParams("invalid params for \(method)"), isNotification: true))
        }
    }
}

/// Why a message could not be decoded, and whom to tell.
public struct DecodeFailure: Error, Sendable {
    public var id: RequestID?
    public var error: ResponseError
    /// True for a notification: there is nobody to answer.
    public var isNotification = false
}

extension MessageType {
    static func decodeParams(_ message: Data) throws -> Self {
        try JSONDecoder().decode(ParamsEnvelope<Self>.self, from: message).params
    }
}
