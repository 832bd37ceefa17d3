/// Why typed input is not an answer, with a friendly message saying what is expected.
public struct AnswerInputError: Error, Hashable, Sendable {
    public var message: LocalizedText

    public init(_ message: LocalizedText) {
        self.message = message
    }
}
