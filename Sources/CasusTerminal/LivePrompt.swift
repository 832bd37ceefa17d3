/// What a prompt that follows the clock shows now.
///
/// A `LineEditor` on a terminal asks for one about once a second while a line is being
/// edited; the line typed so far stays as it is.
public struct LivePromptUpdate: Equatable, Sendable {
    /// The prompt to show from now on; nil keeps the current one.
    public var prompt: String?
    /// Lines to show above the prompt, each once (sanitized and styled by the caller).
    public var notices: [String]

    public init(prompt: String? = nil, notices: [String] = []) {
        self.prompt = prompt
        self.notices = notices
    }
}

/// Asked while the group is thinking: the prompt and notices as they are now.
public typealias LivePrompt = () -> LivePromptUpdate
