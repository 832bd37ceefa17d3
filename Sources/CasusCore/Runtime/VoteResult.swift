/// The outcome of one vote (`stem`): ballots, tally and the chosen option.
public struct VoteResult: Hashable, Sendable {
    /// One member's ballot; `option` is nil when the member skipped.
    public struct Ballot: Hashable, Sendable {
        public var member: String
        public var option: String?

        public init(member: String, option: String?) {
            self.member = member
            self.option = option
        }
    }

    /// The vote's own key (`gekozen`); ballots are this key plus the member.
    public var key: AnswerKey
    public var question: Question
    public var options: [String]
    public var ballots: [Ballot]
    /// Votes per option, in option order.
    public var tally: [VoteCount]
    /// The options with the most votes (more than one on a tie).
    public var leaders: [String]
    /// The chosen option; nil while a tie is undecided or when the tie-break was skipped.
    public var winner: String?
    /// True when the votes tied and the group picked the winner.
    public var decidedByGroup: Bool

    public init(
        key: AnswerKey, question: Question, options: [String], ballots: [Ballot], tally: [VoteCount],
        leaders: [String], winner: String?, decidedByGroup: Bool
    ) {
        self.key = key
        self.question = question
        self.options = options
        self.ballots = ballots
        self.tally = tally
        self.leaders = leaders
        self.winner = winner
        self.decidedByGroup = decidedByGroup
    }

    /// True when more than one option had the most votes.
    public var isTie: Bool { leaders.count > 1 }

    /// Counts `ballots` per option.
    static func tally(options: [String], ballots: [Ballot]) -> (tally: [VoteCount], leaders: [String]) {
        var counts = [String: Int]()
        for ballot in ballots {
            if let option = ballot.option { counts[RuntimeText.fold(option), default: 0] += 1 }
        }
        let tally = options.map { VoteCount(option: $0, votes: counts[RuntimeText.fold($0)] ?? 0) }
        let best = tally.map(\.votes).max() ?? 0
        return (tally, tally.filter { $0.votes == best }.map(\.option))
    }
}
