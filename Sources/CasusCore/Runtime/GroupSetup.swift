/// Who plays: the group's name, its members in speaking order and who has which job.
///
/// JSON: `{"group":"Groep Blauw","members":["Anna","Bram"],"jobs":{"scribe":"Anna"}}`.
public struct GroupSetup: Hashable, Sendable, Codable {
    public var group: String
    public var members: [String]
    public var jobs: [Job: String]

    public init(group: String, members: [String], jobs: [Job: String] = [:]) {
        self.group = group
        self.members = members
        self.jobs = jobs
    }

    private enum CodingKeys: String, CodingKey { case group, members, jobs }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        group = try c.decode(String.self, forKey: .group)
        members = try c.decode([String].self, forKey: .members)
        let raw = try c.decodeIfPresent([String: String].self, forKey: .jobs) ?? [:]
        // Unknown job names from a newer version are ignored rather than failing the journal.
        jobs = Dictionary(uniqueKeysWithValues: raw.compactMap { k, v in Job(rawValue: k).map { ($0, v) } })
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(group, forKey: .group)
        try c.encode(members, forKey: .members)
        try c.encode(
            Dictionary(uniqueKeysWithValues: jobs.map { ($0.key.rawValue, $0.value) }), forKey: .jobs)
    }

    /// True when one member may hold two jobs: only when there are fewer members than jobs
    /// (otherwise "Chantal, write down the presentation Chantal gives").
    public static func allowsDoubleJobs(members: Int, jobs: Int) -> Bool { members < jobs }

    /// Problems that make this setup unusable for `scenario`: member count, empty or duplicate
    /// names, brackets in names (they delimit answer keys), jobs given to non-members, one
    /// member with two jobs when there are members enough for one each.
    public func problems(for scenario: Scenario) -> [LocalizedText] {
        var out: [LocalizedText] = []
        if RuntimeText.trim(group).isEmpty { out.append(RuntimeMessages.emptyGroupName) }
        let range = scenario.metadata.members
        if !range.contains(members.count) {
            out.append(RuntimeMessages.memberCount(range))
        }
        var seen = Set<String>()
        for name in members {
            let folded = RuntimeText.fold(name)
            if folded.isEmpty {
                out.append(RuntimeMessages.emptyMemberName)
            } else if !seen.insert(folded).inserted {
                out.append(RuntimeMessages.duplicateMember(name))
            }
            if name.contains("[") || name.contains("]") || name.contains("\\") {
                out.append(RuntimeMessages.bracketInName(name))
            }
        }
        for job in Job.allCases {
            if let who = jobs[job], !members.contains(who) {
                out.append(RuntimeMessages.jobNotAMember(job, who))
            }
        }
        if !Self.allowsDoubleJobs(members: members.count, jobs: scenario.metadata.jobs.count) {
            var holder: [String: Job] = [:]
            for job in scenario.metadata.jobs {
                guard let who = jobs[job] else { continue }
                if let has = holder[who] {
                    out.append(RuntimeMessages.doubleJob(who, has: has, wanted: job))
                } else {
                    holder[who] = job
                }
            }
        }
        return out
    }
}
