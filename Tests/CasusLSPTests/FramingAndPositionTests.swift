import CasusCore
@testable import CasusLSP
import Testing

@Suite struct MessageFramerTests {
    static func frame(_ body: String) -> [UInt8] { MessageFramer.frame(Array(body.utf8)) }

    @Test func aMessageArrivingByteByByteComesOutWhole() {
        var framer = MessageFramer()
        var frames: [MessageFramer.Frame] = []
        for byte in Self.frame(#"{"a":"é"}"#) {
            framer.append([byte])
            while let f = framer.next() { frames.append(f) }
        }
        #expect(frames == [.message(Array(#"{"a":"é"}"#.utf8))])
    }

    @Test func twoMessagesInOneReadAndOtherHeadersIgnored() {
        var framer = MessageFramer()
        framer.append(Self.frame("[1]") + Array("Content-Type: application/vscode-jsonrpc\r\ncontent-length: 3\r\n\r\n[2]".utf8))
        #expect(framer.next() == .message(Array("[1]".utf8)))
        #expect(framer.next() == .message(Array("[2]".utf8)))
        #expect(framer.next() == nil)
    }

    @Test func aHeaderWithoutLengthIsDroppedAndTheNextMessageStillReads() {
        var framer = MessageFramer()
        framer.append(Array("X-Junk: 1\r\n\r\n".utf8) + Self.frame("{}"))
        #expect(framer.next() == .badHeader)
        #expect(framer.next() == .message(Array("{}".utf8)))
    }

    @Test func anOversizedMessageIsSkippedNotKept() {
        var framer = MessageFramer()
        let length = MessageFramer.maxMessageBytes + 10
        framer.append(Array("Content-Length: \(length)\r\n\r\n".utf8))
        #expect(framer.next() == .badHeader)
        framer.append([UInt8](repeating: 0x20, count: length))
        #expect(framer.next() == nil)
        framer.append(Self.frame("{}"))
        #expect(framer.next() == .message(Array("{}".utf8)))
    }
}

@Suite struct LineMapTests {
    // "ë" is one scalar and one UTF-16 unit; "😀" one scalar and two UTF-16 units.
    static let text = "titel: x\r\n    zeg: Zoë 😀 {rol}\nlaatste"

    @Test func scalarColumnsBecomeUTF16OffsetsAndBack() {
        let map = LineMap(Self.text)
        #expect(map.lines.count == 3)
        // "    zeg: Zoë 😀 " is 15 scalars and 16 UTF-16 units: `{rol}` is at column 16, offset 16.
        let brace = SourceLocation(line: 2, column: 16)
        let position = map.position(brace)
        #expect(position == Position(line: 1, character: 16))
        #expect(map.location(position) == brace)
        #expect(map.prefix(position) == "    zeg: Zoë 😀 ")
    }

    @Test func theWholeRangeEndsAtTheLastCharacter() {
        #expect(LineMap(Self.text).wholeRange.end == Position(line: 2, character: 7))
        #expect(LineMap("a\n").wholeRange.end == Position(line: 1, character: 0))
    }

    @Test func fileURIsAndPathsRoundTrip() {
        let path = "/tmp/één map/vo1.casus"
        let uri = DocumentURI.uri(path)
        #expect(uri == "file:///tmp/%C3%A9%C3%A9n%20map/vo1.casus")
        #expect(DocumentURI.path(uri) == path)
        #expect(DocumentURI.path("untitled:Untitled-1") == "untitled:Untitled-1")
    }
}
