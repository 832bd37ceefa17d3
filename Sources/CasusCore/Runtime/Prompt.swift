/// What the group is asked next.
public struct Prompt: Hashable, Sendable {
    /// A normal question, one member's ballot of a vote, or the group's pick after a tie.
    public enum Kind: Hashable, Sendable {
        case question
        case ballot(voter: String)
        case tieBreak(tally: [VoteCount])
    }

    /// Where the answer will be stored.
    public var key: AnswerKey
    public var question: Question
    public var kind: Kind
    /// The prompt with interpolations filled in.
    public var text: String
    /// What can be picked, numbered from 1: choice options, vote options, members, roles.
    public var options: [PromptOption]
    /// Who has the word: the `voor elk lid` member, or the voter; nil for the whole group.
    public var speaker: String?
    public var step: StepInfo

    public init(
        key: AnswerKey, question: Question, kind: Kind, text: String, options: [PromptOption],
        speaker: String?, step: StepInfo
    ) {
        self.key = key
        self.question = question
        self.kind = kind
        self.text = text
        self.options = options
        self.speaker = speaker
        self.step = step
    }

    /// The answer type asked for.
    public var type: AnswerType { question.type }
}

/// One pickable option: `value` is stored (option text, member name, role id), `label` shown.
public struct PromptOption: Hashable, Sendable {
    public var value: String
    public var label: String

    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }
}

/// A step as the group sees it: "Stap 2/5 — Oplossingen (10 min)".
public struct StepInfo: Hashable, Sendable {
    /// 0-based.
    public var index: Int
    public var total: Int
    public var title: String
    public var budgetMinutes: Int?

    public init(index: Int, total: Int, title: String, budgetMinutes: Int?) {
        self.index = index
        self.total = total
        self.title = title
        self.budgetMinutes = budgetMinutes
    }
}

/// What to show before the next prompt, in order.
public enum PlayOutput: Hashable, Sendable {
    /// A step begins: show its header.
    case stepStarted(StepInfo)
    /// A `zeg:` block, interpolated. Facilitator notes never appear.
    case say(String)
}

/// One question passed in play order, with its answer (nil when skipped): what the sheet lists.
public struct TranscriptEntry: Hashable, Sendable {
    public var key: AnswerKey
    public var question: Question
    public var stepIndex: Int
    /// The prompt as it was shown.
    public var prompt: String
    public var value: AnswerValue?

    public init(key: AnswerKey, question: Question, stepIndex: Int, prompt: String, value: AnswerValue?) {
        self.key = key
        self.question = question
        self.stepIndex = stepIndex
        self.prompt = prompt
        self.value = value
    }
}
