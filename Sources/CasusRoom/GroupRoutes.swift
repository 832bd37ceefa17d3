import CasusRoomWire
import Foundation
import HTTPTypes
import Hummingbird

/// The groups' API (docs/room-protocol.md): join, records, status. Every request carries the
/// join code in `X-Casus-Code`; every answer is JSON.
struct GroupRoutes {
    let room: Room
    let limiter: RateLimiter
    /// Wrong codes per client address: a code cannot be guessed by trying many.
    let guesses = RateLimiter(policy: .wrongCodes)

    func add(to router: Router<RoomContext>) {
        router.post("/api/join") { request, context in
            await respond(request, context, key: "join") { request in
                try await room.join(try await decode(RoomWire.Join.self, request))
            }
        }
        router.post("/api/sessions/:session/records") { request, context in
            let session = context.parameters.get("session") ?? ""
            return await respond(request, context, key: session) { request in
                let body = try await decode(RoomWire.Records.self, request)
                return try await room.append(session: session, body.records, end: body.end)
            }
        }
        router.get("/api/sessions/:session/status") { request, context in
            let session = context.parameters.get("session") ?? ""
            return await respond(request, context, key: session) { _ in
                try await room.status(session: session)
            }
        }
    }

    /// Rate limit, then the code, then the handler; every refusal in the room's error shape.
    private func respond(
        _ request: Request, _ context: RoomContext, key: String,
        _ body: @escaping (Request) async throws -> RoomWire.Status
    ) async -> Response {
        do {
            guard await limiter.allow(context.clientHost + " " + key) else {
                throw RoomError(429, "too many requests; wait a moment")
            }
            guard room.identity.accepts(code: request.headers[HTTPField.Name(RoomWire.codeHeader)!]) else {
                guard await guesses.allow(context.clientHost) else {
                    throw RoomError(429, "too many wrong codes; wait a moment")
                }
                throw RoomError.forbidden("wrong or missing join code (\(RoomWire.codeHeader))")
            }
            return RoomResponses.json(try await body(request))
        } catch let error as RoomError {
            return RoomResponses.error(error)
        } catch {
            return RoomResponses.error(RoomError(500, "internal error"))
        }
    }
}

/// Reads a JSON body of at most `RoomWire.maxBodyBytes` (413 beyond) and decodes it (400).
func decode<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
    if let length = request.headers[.contentLength].flatMap(Int.init), length > RoomWire.maxBodyBytes {
        throw RoomError.tooLarge("the body is larger than \(RoomWire.maxBodyBytes / 1024) KiB")
    }
    let buffer: ByteBuffer
    do {
        buffer = try await request.body.collect(upTo: RoomWire.maxBodyBytes)
    } catch let error as HTTPResponseError where error.status == .contentTooLarge {
        throw RoomError.tooLarge("the body is larger than \(RoomWire.maxBodyBytes / 1024) KiB")
    }
    do {
        return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
    } catch {
        throw RoomError.malformed("the body is not valid JSON of the expected shape: \(DecodeFailure.describe(error))")
    }
}

private enum DecodeFailure {
    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: "not JSON"
        }
    }
}
