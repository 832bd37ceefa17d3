import CasusRoomWire
import CasusCore

/// Opdracht 2's topics in a scenario: the choice question whose options are the guide's six
/// topics (`onderwerp` in the bundled scenario). The room hands them out in join order.
struct RoomTopics: Sendable, Equatable {
    /// The question's key.
    var key: String
    /// The 1-based option number for each topic, and the option's text.
    var options: [ProtocolDraft.Topic: (number: Int, text: String)]

    static func == (a: RoomTopics, b: RoomTopics) -> Bool {
        a.key == b.key && a.options.mapValues(\.number) == b.options.mapValues(\.number)
    }

    /// The topic question of `scenario`, if it has one.
    static func find(in scenario: Scenario) -> RoomTopics? {
        for info in scenario.questions.all where info.question.type == .choice && info.loops.isEmpty {
            var options: [ProtocolDraft.Topic: (Int, String)] = [:]
            for (index, option) in info.question.options.enumerated() {
                if let topic = ProtocolDraft.Topic.match(option.text), options[topic] == nil {
                    options[topic] = (index + 1, option.text)
                }
            }
            if options.count == ProtocolDraft.Topic.allCases.count {
                return RoomTopics(key: info.question.id.name, options: options)
            }
        }
        return nil
    }

    /// The topic for the group that joins as number `index` (0-based) of the groups with
    /// topics: 1, 2, …, 6, 1, 2, … — more groups than topics share them, as the guide says.
    static func handOut(_ index: Int) -> ProtocolDraft.Topic {
        ProtocolDraft.Topic(rawValue: index % ProtocolDraft.Topic.allCases.count + 1)!
    }

    /// The preset that answers the question with `topic`.
    func preset(_ topic: ProtocolDraft.Topic) -> RoomWire.Preset? {
        options[topic].map { RoomWire.Preset(key: key, answer: String($0.number), label: $0.text) }
    }
}
