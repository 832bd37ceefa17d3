import CasusRoomWire
import CasusCore
import Foundation

/// What the facilitator's overview shows: one row per group, in join order. Sent as JSON
/// over the event stream after every change; the page counts the step's time down itself.
public struct RoomOverview: Codable, Sendable {
    /// A group not heard from for this long gets a mark (the client polls every ~2 s).
    public static let quietSeconds: Double = 20

    public struct Row: Codable, Sendable, Equatable {
        public var session: String
        /// Nil before the group's setup.
        public var group: String?
        public var scenario: String
        /// 1-based; nil before the setup and when finished.
        public var step: Int?
        public var steps: Int
        public var stepTitle: String?
        /// Seconds left in the step's budget when this was made (negative: over time).
        public var remaining: Double?
        public var answers: Int
        /// Seconds since 1970 of the group's last record (its own clock).
        public var lastRecord: Double?
        /// Seconds since the room last heard from the group's laptop.
        public var silentFor: Double
        public var quiet: Bool
        public var finished: Bool
        /// The topic (1…6) handed to the group, for a scenario with topics.
        public var topic: Int?
        public var hasTopics: Bool
    }

    public struct Topic: Codable, Sendable, Equatable {
        public var number: Int
        public var name: String
    }

    public var revision: Int
    /// Seconds since 1970 when this was made.
    public var now: Double
    public var rows: [Row]
    public var messages: [RoomWire.Message]
    public var topics: [Topic]

    /// What `Room` hands over to build a row (the group is the actor's, read inside it).
    struct Source {
        var row: Row
        init(group: RoomGroup, topic: ProtocolDraft.Topic?) {
            let state = group.state
            let step = group.finished ? nil : state.currentStep
            row = Row(
                session: group.session, group: group.groupName, scenario: group.scenario.metadata.title,
                step: step.map { $0.index + 1 }, steps: group.scenario.steps.count, stepTitle: step?.title,
                remaining: nil, answers: state.answers.count, lastRecord: group.lastRecord?.timeIntervalSince1970,
                silentFor: 0, quiet: false, finished: group.finished,
                topic: group.topics == nil ? nil : topic?.rawValue, hasTopics: group.topics != nil)
            lastHeard = group.lastHeard
            self.state = state
        }
        var lastHeard: Date
        var state: SessionState
    }

    init(room sources: [Source], messages: [RoomWire.Message], revision: Int, now: Date, language: Language) {
        self.revision = revision
        self.now = now.timeIntervalSince1970
        self.messages = messages
        topics = ProtocolDraft.Topic.allCases.map { Topic(number: $0.rawValue, name: $0.name.text(language)) }
        rows = sources.map { source in
            var row = source.row
            let silent = max(0, now.timeIntervalSince(source.lastHeard))
            row.silentFor = silent
            row.quiet = !row.finished && silent > Self.quietSeconds
            if row.step != nil { row.remaining = source.state.remainingInCurrentStep(now: Timestamp(now.timeIntervalSince1970)) }
            return row
        }
    }
}
