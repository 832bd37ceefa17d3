/// One group's sheet as data: what `sheet.json` holds and what `casus report` reads. Built
/// from a `SheetModel` (`SheetDocument(model)`) or decoded from a `sheet.json` file; the JSON
/// text itself is made and read at the edge (Foundation's `JSONEncoder`/`JSONDecoder`).
///
/// Shape, format 1 (keys sorted; an absent optional is `null`, never left out; every clock
/// time lives under `times`, so two sessions with the same answers give the same JSON apart
/// from `times`):
///
///     {"format":1,
///      "scenario":{"title","path","audience":{"school","level"}|null,"source","author","language"},
///      "group":{"name","members":[…],"jobs":{"scribe":…}}|null,
///      "finished":bool,
///      "case":"…"|null, "roles":[{"id","name","description"}],
///      "answers":[{"id","key","value","text","step","stepTitle","prompt","type","role","roleName",
///                  "solution","solutionText","member","item","skipped","protocol"?}],   (protocol: on tagged questions only)
///      "pressure":["key",…],
///      "effects":[{"question","solutions":[…],"roles":[ids],"cells":[[{"rating","score","note"}|null]],"totals":[…]}],
///      "votes":[{"key","prompt","tally":[{"option","votes"}],"ballots":[{"member","option"}],"chosen","tie","decidedByGroup"}],
///      "chosen":"…"|null,
///      "speaking":{"seconds","overLimit","warnings":[…],"parts":[{"key","words","seconds","limitMinutes","overLimit"}]},
///      "times":{"started","updated","steps":[{"step","title","budgetMinutes","spentSeconds","overBudget"}]}}
///
/// `value` is the stored answer in its journal shape (`{"type":"text","text":…}`); `step` is
/// 1-based; `role` is the role id, `solution` the 1-based solution number. `case`,
/// `speaking` and `times` may be absent when reading (sheets trimmed for a report); keys
/// this version does not know are ignored, so newer sheets of format 1 still decode.
public struct SheetDocument: Codable, Hashable, Sendable {
    /// The sheet format this version writes and reads.
    public static let currentFormat = 1

    public struct Scenario: Codable, Hashable, Sendable {
        public var title: String
        public var path: String
        @Nullable public var audience: Audience?
        @Nullable public var source: String?
        @Nullable public var author: String?
        /// The scenario's language tag (`nl`, `en`).
        public var language: String
    }

    public struct Audience: Codable, Hashable, Sendable {
        /// `vo`, `po` or `mbo`.
        public var school: String
        @Nullable public var level: String?
    }

    public struct Group: Codable, Hashable, Sendable {
        public var name: String
        public var members: [String]
        /// Job name (`scribe`, `presenter`, `timekeeper`) to member.
        public var jobs: [String: String]
    }

    public struct Role: Codable, Hashable, Sendable {
        public var id: String
        public var name: String
        @Nullable public var description: String?
    }

    /// The type of a question, as the journal names it.
    public enum AnswerKind: String, Codable, Hashable, Sendable {
        case text, long, list, yesNo, choice, scale, member, role, effect, vote
    }

    /// One answered or skipped question (one loop iteration of it).
    public struct Answer: Codable, Hashable, Sendable {
        /// The question id; `key` adds the loop components (`effect[2][pesters]`).
        public var id: String
        public var key: String
        @Nullable public var value: AnswerValue?
        /// The answer as the sheet shows it, in the sheet's language.
        @Nullable public var text: String?
        /// 1-based.
        public var step: Int
        public var stepTitle: String
        public var prompt: String
        public var type: AnswerKind
        /// The role id and name of a role loop.
        @Nullable public var role: String?
        @Nullable public var roleName: String?
        /// The 1-based number and text of a solution loop.
        @Nullable public var solution: Int?
        @Nullable public var solutionText: String?
        @Nullable public var member: String?
        @Nullable public var item: String?
        public var skipped: Bool
        /// The protocol sections the question is tagged with (`ProtocolSection.storedName`,
        /// or `topic`). The one key left out when absent: untagged sheets stay as they were.
        public var `protocol`: [String]? = nil

        /// The items of a list answer.
        public var items: [String]? {
            if case .list(let items)? = value { return items }
            return nil
        }
    }

    public struct Cell: Codable, Hashable, Sendable {
        /// `++`, `+`, `0`, `-` or `--`.
        public var rating: String
        public var score: Int
        @Nullable public var note: String?
    }

    /// One effect matrix: solutions × roles.
    public struct Effects: Codable, Hashable, Sendable {
        public var question: String
        public var solutions: [String]
        /// Role ids, in the order of `cells` columns.
        public var roles: [String]
        /// `cells[solution][role]`, null where not rated.
        public var cells: [[Cell?]]
        public var totals: [Int]
    }

    public struct Ballot: Codable, Hashable, Sendable {
        public var member: String
        @Nullable public var option: String?
    }

    public struct Vote: Codable, Hashable, Sendable {
        public var key: String
        public var prompt: String
        public var tally: [VoteCount]
        public var ballots: [Ballot]
        @Nullable public var chosen: String?
        public var tie: Bool
        public var decidedByGroup: Bool
    }

    /// The speaking-time estimate of the presentation texts.
    public struct Speaking: Codable, Hashable, Sendable {
        public struct Part: Codable, Hashable, Sendable {
            public var key: String
            public var words: Int
            public var seconds: Double
            public var limitMinutes: Int
            public var overLimit: Bool
        }

        public var seconds: Double
        public var overLimit: Bool
        /// One sentence per part over its limit, in the sheet's language.
        public var warnings: [String]
        public var parts: [Part]
    }

    public struct StepTime: Codable, Hashable, Sendable {
        /// 1-based.
        public var step: Int
        public var title: String
        @Nullable public var budgetMinutes: Int?
        public var spentSeconds: Double
        public var overBudget: Bool
    }

    public struct Times: Codable, Hashable, Sendable {
        /// Seconds since 1970.
        @Nullable public var started: Double?
        @Nullable public var updated: Double?
        public var steps: [StepTime]
    }

    public var format: Int
    public var scenario: Scenario
    @Nullable public var group: Group?
    public var finished: Bool
    @Nullable public var caseText: String?
    public var roles: [Role]
    public var answers: [Answer]
    /// Keys of the answers about group pressure.
    public var pressure: [String]
    public var effects: [Effects]
    public var votes: [Vote]
    /// The chosen solution: the winner of the last vote that has one.
    @Nullable public var chosen: String?
    public var speaking: Speaking?
    public var times: Times?

    private enum CodingKeys: String, CodingKey {
        case format, scenario, group, finished, caseText = "case", roles, answers, pressure, effects, votes, chosen
        case speaking, times
    }
}
