/// Votes for one option of a vote.
public struct VoteCount: Hashable, Sendable, Codable {
    public var option: String
    public var votes: Int

    public init(option: String, votes: Int) {
        self.option = option
        self.votes = votes
    }
}

/// The group's choice after a tied vote: the option it picked and the tally it picked from.
public struct VoteDecision: Hashable, Sendable, Codable {
    public var chosen: String
    public var tally: [VoteCount]

    public init(chosen: String, tally: [VoteCount]) {
        self.chosen = chosen
        self.tally = tally
    }
}
