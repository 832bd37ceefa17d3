import Foundation

/// A scripted language-server session for tests: messages are written to the server's
/// standard input in order, then input closes; the server answers each before reading the
/// next, so the replies can be read back by id without any waiting.
public struct LSPClientScript {
    public private(set) var input = ""
    private var nextID = 1

    public init() {}

    /// Adds a request and returns its id.
    @discardableResult
    public mutating func request(_ method: String, _ params: [String: Any]? = nil) -> Int {
        let id = nextID
        nextID += 1
        var message: [String: Any] = ["jsonrpc": "2.0", "id": id, "method": method]
        if let params { message["params"] = params }
        raw(Self.json(message))
        return id
    }

    public mutating func notify(_ method: String, _ params: [String: Any]) {
        raw(Self.json(["jsonrpc": "2.0", "method": method, "params": params]))
    }

    /// Adds a body as it is, framed (for malformed messages).
    public mutating func raw(_ body: String) {
        input += "Content-Length: \(body.utf8.count)\r\n\r\n" + body
    }

    /// Adds bytes without any framing.
    public mutating func unframed(_ text: String) {
        input += text
    }

    public mutating func initialize() {
        request("initialize", ["processId": NSNull(), "rootUri": NSNull(), "capabilities": [String: Any]()])
        notify("initialized", [:])
    }

    public mutating func open(_ path: String, _ text: String, version: Int = 1) {
        notify("textDocument/didOpen", ["textDocument": ["uri": Self.uri(path), "languageId": "casus", "version": version, "text": text]])
    }

    public mutating func change(_ path: String, _ text: String, version: Int) {
        notify("textDocument/didChange", ["textDocument": ["uri": Self.uri(path), "version": version], "contentChanges": [["text": text]]])
    }

    /// `textDocument/…` at a 0-based line and character.
    @discardableResult
    public mutating func at(_ method: String, _ path: String, line: Int, character: Int, extra: [String: Any] = [:]) -> Int {
        var params: [String: Any] = ["textDocument": ["uri": Self.uri(path)], "position": ["line": line, "character": character]]
        params.merge(extra) { $1 }
        return request("textDocument/" + method, params)
    }

    public static func uri(_ path: String) -> String { "file://" + path }

    static func json(_ object: Any) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }
}

/// The server's output, split into messages.
public struct LSPTranscript {
    public let messages: [[String: Any]]

    /// Splits `output` at its Content-Length headers; fails on anything else.
    public init(_ output: String) throws {
        var bytes = Array(output.utf8)[...]
        var messages: [[String: Any]] = []
        let separator = Array("\r\n\r\n".utf8)
        while !bytes.isEmpty {
            guard let end = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else { throw Malformed(output) }
            let header = String(decoding: bytes[..<end], as: UTF8.self)
            guard header.hasPrefix("Content-Length: "), let length = Int(header.dropFirst("Content-Length: ".count)) else { throw Malformed(output) }
            let body = bytes[(end + 4)...].prefix(length)
            guard body.count == length, let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { throw Malformed(output) }
            messages.append(object)
            bytes = bytes[(end + 4 + length)...]
        }
        self.messages = messages
    }

    public struct Malformed: Error, CustomStringConvertible {
        public let output: String
        init(_ output: String) { self.output = output }
        public var description: String { "not a sequence of framed messages: \(output.prefix(500))" }
    }

    /// The response to request `id`.
    public func response(_ id: Int) -> [String: Any]? {
        messages.first { ($0["id"] as? Int) == id && $0["method"] == nil }
    }

    public func result(_ id: Int) -> Any? { response(id)?["result"] }

    public func errorCode(_ id: Int) -> Int? { (response(id)?["error"] as? [String: Any])?["code"] as? Int }

    /// Every `publishDiagnostics` for `path`, in order.
    public func diagnostics(_ path: String) -> [[[String: Any]]] {
        messages.compactMap { m in
            guard m["method"] as? String == "textDocument/publishDiagnostics", let p = m["params"] as? [String: Any],
                  p["uri"] as? String == LSPClientScript.uri(path) else { return nil }
            return p["diagnostics"] as? [[String: Any]]
        }
    }
}
