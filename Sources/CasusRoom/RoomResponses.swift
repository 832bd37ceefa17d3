import CasusRoomWire
import Foundation
import HTTPTypes
import Hummingbird

/// Building the room's responses: JSON with the room's error shape, pages with a strict
/// Content-Security-Policy, and the headers every response carries.
enum RoomResponses {
    /// The facilitator's pages: scripts only from the room itself, never inline.
    static let pagePolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    /// Sheets and reports rendered by the core carry their own <style>; no script at all.
    static let documentPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? RoomFolder.encoder.encode(value)) ?? Data("{}".utf8)
        var headers = common()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The error body, or for a gap the status with the error beside it.
    static func error(_ error: RoomError) -> Response {
        let status = HTTPResponse.Status(code: error.status)
        if let roomStatus = error.roomStatus {
            return json(GapBody(error: error.message, status: roomStatus), status: status)
        }
        var response = json(RoomWire.Failure(error: error.message), status: status)
        if error.status == 429 { response.headers[.retryAfter] = "1" }
        return response
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok, policy: String = pagePolicy) -> Response {
        var headers = common()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentSecurityPolicy] = policy
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func file(_ bytes: [UInt8], type: String, download name: String? = nil, policy: String? = nil) -> Response {
        var headers = common()
        headers[.contentType] = type
        if let policy { headers[.contentSecurityPolicy] = policy }
        if let name { headers[.contentDisposition] = "attachment; filename=\"\(name)\"" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// No caching of answers, no sniffing, no referrer (the token is in the path).
    static func common() -> HTTPFields {
        var headers = HTTPFields()
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return headers
    }

    private struct GapBody: Encodable {
        var error: String
        var status: RoomWire.Status

        func encode(to encoder: Encoder) throws {
            try status.encode(to: encoder)
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(error, forKey: .error)
        }

        enum Key: String, CodingKey { case error }
    }
}
