/// What a room (`casus play --room`) tells the group while it plays. The REPL asks it before
/// every prompt and, at a terminal, about once a second while a line is typed; every call
/// must return at once (the sending happens elsewhere).
public protocol RoomFeed: AnyObject {
    /// The facilitator's messages not shown yet, oldest first; each is returned once.
    func takeMessages() -> [String]
    /// The answers the room gives the group (Opdracht 2's topic).
    var presets: [RoomAnswer] { get }
    /// True while the room cannot be reached; the answers wait on this laptop.
    var isUnreachable: Bool { get }
    /// Waits at most `seconds` until the room has answered for this session (its presets
    /// are known then). Asked only at a question the room may answer, right after setup.
    func awaitRoom(seconds: Double)
}

/// An answer the room gives for the question `key`.
public struct RoomAnswer: Hashable, Sendable {
    /// The answer key, as in an answer script (`onderwerp`).
    public var key: String
    /// The answer in answer-script syntax (`3`: the third option).
    public var answer: String
    /// What it means in words, when the room says so.
    public var label: String?

    public init(key: String, answer: String, label: String? = nil) {
        self.key = key
        self.answer = answer
        self.label = label
    }
}
