extension SessionEvent {
    /// Reads an event from the JSON its `Codable` conformance writes (the journal's lines),
    /// with `JSONParser` instead of Foundation's decoder: resuming a long session decodes a
    /// thousand of these before the first prompt. Nil when the shape is not recognised; the
    /// caller then falls back to `JSONDecoder`, which stays the reference.
    public init?(journalJSON bytes: [UInt8]) {
        guard case .object(let o)? = JSONParser.parse(bytes), case .string(let kind)? = o["event"],
            let at = Self.number(o["at"])
        else { return nil }
        let time = Timestamp(at)
        switch kind {
        case "setup":
            guard case .string(let group)? = o["group"], let members = Self.strings(o["members"]) else { return nil }
            var jobs: [Job: String] = [:]
            if case .object(let raw)? = o["jobs"] {
                for (name, value) in raw {
                    // Unknown job names from a newer version are ignored, as in `Codable`.
                    if let job = Job(rawValue: name), case .string(let member) = value { jobs[job] = member }
                }
            }
            self = .setup(GroupSetup(group: group, members: members, jobs: jobs), at: time)
        case "answer":
            guard let key = Self.key(o["key"]), case .object(let v)? = o["value"], let value = Self.value(v) else { return nil }
            self = .answer(key, value, at: time)
        case "skip":
            guard let key = Self.key(o["key"]) else { return nil }
            self = .skip(key, at: time)
        case "resumed": self = .resumed(at: time)
        case "finished": self = .finished(at: time)
        default: return nil
        }
    }

    private static func number(_ v: JSONValue?) -> Double? {
        switch v {
        case .int(let n)?: Double(n)
        case .number(let d)?: d
        default: nil
        }
    }

    private static func string(_ v: JSONValue?) -> String? {
        if case .string(let s)? = v { return s }
        return nil
    }

    private static func strings(_ v: JSONValue?) -> [String]? {
        guard case .array(let items)? = v else { return nil }
        var out: [String] = []
        for item in items {
            guard case .string(let s) = item else { return nil }
            out.append(s)
        }
        return out
    }

    private static func key(_ v: JSONValue?) -> AnswerKey? {
        string(v).flatMap { AnswerKey(canonical: $0) }
    }

    private static func value(_ o: [String: JSONValue]) -> AnswerValue? {
        guard let type = string(o["type"]) else { return nil }
        switch type {
        case "text": return string(o["text"]).map { .text($0) }
        case "long": return string(o["text"]).map { .longText($0) }
        case "list": return strings(o["items"]).map { .list($0) }
        case "yesNo":
            if case .bool(let b)? = o["value"] { return .yesNo(b) }
            return nil
        case "choice": return string(o["option"]).map { .choice($0) }
        case "scale":
            if case .int(let n)? = o["value"] { return .scale(n) }
            return nil
        case "member": return string(o["name"]).map { .member($0) }
        case "role": return string(o["role"]).map { .role($0) }
        case "effect":
            guard let rating = string(o["rating"]).flatMap(EffectRating.init(rawValue:)) else { return nil }
            return .effect(rating, note: string(o["note"]))
        case "vote":
            guard let chosen = string(o["chosen"]), case .array(let tally)? = o["tally"] else { return nil }
            var counts: [VoteCount] = []
            for entry in tally {
                guard case .object(let e) = entry, let option = string(e["option"]), case .int(let votes)? = e["votes"]
                else { return nil }
                counts.append(VoteCount(option: option, votes: votes))
            }
            return .vote(VoteDecision(chosen: chosen, tally: counts))
        default: return nil
        }
    }
}
