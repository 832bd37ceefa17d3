/// The base protocol's framing: `Content-Length: N\r\n` (other headers ignored), an empty
/// line, then N bytes of JSON. Pure byte handling; the command feeds it from standard input.
public struct MessageFramer: Sendable {
    /// What the next complete piece of input is.
    public enum Frame: Equatable, Sendable {
        case message([UInt8])
        /// A header block without a usable `Content-Length`: the block is dropped so the
        /// stream can go on, and the client is told with a parse error.
        case badHeader
    }

    /// A message larger than this is refused (its bytes are skipped, not kept in memory).
    public static let maxMessageBytes = 64 * 1024 * 1024
    /// A header block longer than this without its empty line is not a header.
    static let maxHeaderBytes = 8 * 1024

    private var buffer: [UInt8] = []
    private var start = 0
    /// Bytes of a refused message still to skip.
    private var skipping = 0

    public init() {}

    /// Adds bytes read from the input.
    public mutating func append(_ bytes: some Collection<UInt8>) {
        if start > 0 && start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame, or nil when more input is needed.
    public mutating func next() -> Frame? {
        if skipping > 0 {
            let n = min(skipping, buffer.count - start)
            start += n
            skipping -= n
            if skipping > 0 { return nil }
        }
        guard let headerEnd = findHeaderEnd() else {
            if buffer.count - start > Self.maxHeaderBytes {
                start = buffer.count
                return .badHeader
            }
            return nil
        }
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        let bodyStart = headerEnd + 4
        guard let length = Self.contentLength(header), length >= 0 else {
            start = bodyStart
            return .badHeader
        }
        if length > Self.maxMessageBytes {
            start = bodyStart
            skipping = length
            return .badHeader
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<bodyStart + length])
        start = bodyStart + length
        compact()
        return .message(body)
    }

    /// The frame of `body` ready to write.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    private func findHeaderEnd() -> Int? {
        var i = start
        while i + 3 < buffer.count {
            if buffer[i] == 13, buffer[i + 1] == 10, buffer[i + 2] == 13, buffer[i + 3] == 10 { return i }
            i += 1
        }
        return nil
    }

    private static func contentLength(_ header: String) -> Int? {
        for line in header.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" }) {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-length" else { continue }
            return Int(parts[1].trimmingCharacters(in: " \t"))
        }
        return nil
    }

    /// Drops consumed bytes once they are most of the buffer, so a long session does not
    /// grow the buffer without end.
    private mutating func compact() {
        if start > 64 * 1024 && start * 2 > buffer.count {
            buffer.removeSubrange(0..<start)
            start = 0
        }
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> Substring {
        var s = self
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return s
    }
}
