/// The school's draft anti-bullying protocol, distilled from the groups' answers: the twelve
/// sections in order, each with every point a group made (the group named at each point) or
/// marked open with a question to answer, what groups agree and differ on, the Wet sociale
/// veiligheid checklist, and one "wie doet wat" table of the step plan's roles.
///
/// Pure: built from `ProtocolInput`s; the renderers only read it.
public struct ProtocolDocument: Hashable, Sendable {
    /// One group's mention of a point, with what it said about who (for a step: the role).
    public struct Mention: Hashable, Sendable {
        public var group: String
        public var detail: String?
    }

    /// One point, merged over the groups that made it (same text, case and spacing aside).
    public struct Point: Hashable, Sendable {
        public var text: String
        public var mentions: [Mention]
        public var groups: [String] { mentions.map(\.group).uniqued() }
    }

    /// A difference between groups in one section.
    public enum Difference: Hashable, Sendable {
        /// Several groups made the point but name different people for it.
        case who(point: String, mentions: [Mention])
        /// Points only this group made, while other groups discussed the section too.
        case onlyBy(group: String, points: [String])
    }

    public struct Section: Hashable, Sendable {
        public var section: ProtocolSection
        /// The groups that discussed it, in input order.
        public var groups: [String]
        public var points: [Point]
        /// Points several groups made.
        public var agreements: [Point] { points.filter { $0.groups.count > 1 } }
        public var differences: [Difference]
        public var isOpen: Bool { points.isEmpty }
    }

    /// One demand of the Wet sociale veiligheid.
    public enum Requirement: Int, CaseIterable, Hashable, Sendable {
        case policy = 1, coordinator, monitoring
    }

    public struct CheckItem: Hashable, Sendable {
        public var requirement: Requirement
        /// Where groups named it: group and the point's text. Empty: still open.
        public var evidence: [Mention]
        public var isMet: Bool { !evidence.isEmpty }
    }

    /// One row of "wie doet wat": a role and the steps it has, with the groups.
    public struct RoleRow: Hashable, Sendable {
        public var role: String
        public var tasks: [Point]
    }

    public struct GroupInfo: Hashable, Sendable {
        public var name: String
        public var scenario: String
        public var finished: Bool
        /// The Opdracht 2 topic, when the group chose one.
        public var topic: ProtocolDraft.Topic?
    }

    public var groups: [GroupInfo]
    public var sections: [Section]
    public var checklist: [CheckItem]
    public var roles: [RoleRow]

    public var unfinished: [String] { groups.filter { !$0.finished }.map(\.name) }
    public var openSections: [ProtocolSection] { sections.filter(\.isOpen).map(\.section) }
    /// What the groups agreed about the follow-up (section 12's points).
    public var followUp: [Point] { sections.first { $0.section == .adoption }?.points ?? [] }

    /// True when any of the inputs feeds a section.
    public static func hasContent(_ inputs: [ProtocolInput]) -> Bool {
        inputs.contains { $0.answers.contains { !$0.tags.isEmpty } }
    }

    public init(_ inputs: [ProtocolInput]) {
        var points: [ProtocolSection: [(key: String, point: Point)]] = [:]
        var groupsBySection: [ProtocolSection: [String]] = [:]
        var infos: [GroupInfo] = []
        for input in inputs {
            let topic = Self.topic(of: input)
            infos.append(GroupInfo(name: input.group, scenario: input.scenario, finished: input.finished, topic: topic))
            for (section, made) in Self.points(of: input, topic: topic) where !made.isEmpty {
                if !(groupsBySection[section] ?? []).contains(input.group) { groupsBySection[section, default: []].append(input.group) }
                for p in made {
                    let key = Report.normalized(p.text)
                    if let at = points[section, default: []].firstIndex(where: { $0.key == key }) {
                        points[section, default: []][at].point.mentions.append(contentsOf: p.mentions)
                    } else {
                        points[section, default: []].append((key, p))
                    }
                }
            }
        }
        groups = infos
        sections = ProtocolSection.allCases.map { s in
            let merged = (points[s] ?? []).map(\.point)
            return Section(section: s, groups: groupsBySection[s] ?? [], points: merged, differences: Self.differences(merged, groupsBySection[s] ?? []))
        }
        let all = sections.flatMap { s in s.points.map { (s.section, $0) } }
        checklist = Requirement.allCases.map { r in
            // Per group the first text that names it: the point, or what the group said about who.
            var evidence: [Mention] = []
            for (section, point) in all {
                for m in point.mentions where !evidence.contains(where: { $0.group == m.group }) {
                    if (r == .coordinator && section == .coordinator) || Self.names(r, point.text) {
                        evidence.append(Mention(group: m.group, detail: point.text))
                    } else if let d = m.detail, Self.names(r, d) {
                        evidence.append(Mention(group: m.group, detail: d))
                    }
                }
            }
            return CheckItem(requirement: r, evidence: evidence)
        }
        roles = RoleVocabulary.table(sections.first { $0.section == .stepPlan }?.points ?? [])
    }

    /// The topic chosen in a question tagged `topic` (else the `onderwerp` answer).
    static func topic(of input: ProtocolInput) -> ProtocolDraft.Topic? {
        let topicTag = ProtocolSection.topicTag.en
        let chosen = input.answers.first { $0.type == "choice" && $0.tags.contains(topicTag) } ?? input.answers.first { $0.id == "onderwerp" }
        return chosen?.text.flatMap(ProtocolDraft.Topic.match)
    }

    /// The group's points per section: a list answer gives one point per item, with the
    /// answers asked per item (`voor elk … in`) as its detail; other answers one point each.
    static func points(of input: ProtocolInput, topic: ProtocolDraft.Topic?) -> [(ProtocolSection, [Point])] {
        func sections(_ a: ProtocolInput.Answer) -> [ProtocolSection] {
            a.tags.compactMap { tag in
                tag == ProtocolSection.topicTag.en ? topic?.section : ProtocolSection.allCases.first { $0.storedName == tag }
            }.uniqued()
        }
        let topicTag = ProtocolSection.topicTag.en
        var out: [ProtocolSection: [Point]] = [:]
        var order: [ProtocolSection] = []
        for a in input.answers where a.item == nil && !(a.type == "choice" && a.tags.contains(topicTag)) {
            let texts = a.items ?? a.text.map { [$0] } ?? []
            for s in sections(a) {
                for text in texts where !text.isEmpty {
                    // The answers asked for this item, in the same section.
                    let details = input.answers.filter { d in
                        d.item.map(Report.normalized) == Report.normalized(text) && a.items != nil && d.text != nil && sections(d).contains(s)
                    }.compactMap(\.text)
                    let mention = Mention(group: input.group, detail: details.isEmpty ? nil : details.joined(separator: " "))
                    if out[s] == nil { order.append(s) }
                    out[s, default: []].append(Point(text: Self.oneLine(text), mentions: [mention]))
                }
            }
        }
        return order.map { ($0, out[$0]!) }
    }

    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters() }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func differences(_ points: [Point], _ groups: [String]) -> [Difference] {
        guard groups.count > 1 else { return [] }
        var out: [Difference] = []
        for p in points where p.groups.count > 1 {
            let details = Set(p.mentions.compactMap { $0.detail.map(Report.normalized) })
            if details.count > 1 { out.append(.who(point: p.text, mentions: p.mentions)) }
        }
        for g in groups {
            let own = points.filter { $0.groups == [g] }.map(\.text)
            if !own.isEmpty { out.append(.onlyBy(group: g, points: own)) }
        }
        return out
    }

    /// Whether `text` names the requirement (folded: case and diacritics aside).
    static func names(_ r: Requirement, _ text: String) -> Bool {
        let t = RoleVocabulary.fold(text)
        let words: [String] = switch r {
        case .policy: ["beleid", "protocol", "policy"]
        case .coordinator: ["pestcoordinator", "pest-coordinator", "aanspreekpunt", "bullying coordinator", "point of contact", "contact person"]
        case .monitoring: ["monitor", "enquete", "vragenlijst", "peiling", "veiligheidsbeleving", "survey", "questionnaire", "sense of safety"]
        }
        return words.contains { t.contains($0) }
    }
}

extension ProtocolDraft.Topic {
    /// The protocol section a topic's answers belong in (issue 16: topics 1 and 2 → 4,
    /// 3 → 6, 4 and 6 → 7, 5 → 9).
    public var section: ProtocolSection {
        switch self {
        case .signallingBullies, .signallingVictims: .signalling
        case .reporting: .reporting
        case .consequences, .actions: .stepPlan
        case .communication: .communication
        }
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}

extension Substring {
    func trimmingCharacters() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
