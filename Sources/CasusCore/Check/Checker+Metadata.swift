extension Checker {
    /// Reads the `key: value` lines into `Metadata`, reporting duplicates and bad values.
    mutating func checkMetadata() -> Metadata {
        var seen: [MetadataKey: MetadataEntry] = [:]
        var metadata = Metadata(title: "")
        for item in items {
            guard case .metadata(let entry) = item else { continue }
            if let first = seen[entry.key] {
                report(.duplicateMetadata, entry.keyRange, CheckerMessages.duplicateMetadata(entry.key.spellings[0]),
                      notes: [DiagnosticNote(CheckerMessages.firstHere, at: first.keyRange)])
                continue
            }
            seen[entry.key] = entry
            let value = entry.value
            switch entry.key {
            case .title: metadata.title = value
            case .source: metadata.source = value
            case .author: metadata.author = value
            case .language:
                if let language = Language(tag: value), value.count <= 10 {
                    metadata.language = language
                } else {
                    let fixIt = Self.languageMeant(by: value).map {
                        FixIt(CheckerMessages.didYouMean($0), replacement: $0, range: entry.valueRange)
                    }
                    report(.unknownLanguage, entry.valueRange, CheckerMessages.badLanguage(value), fixIt: fixIt)
                }
            case .audience:
                let parts = value.split(separator: ",", maxSplits: 1).map { String($0).trimmingCharacters(in: " ") }
                let first = parts.first?.lowercased() ?? ""
                // Also accept `vo havo 4` without the comma.
                let schoolWord = first.split(separator: " ").first.map(String.init) ?? ""
                if let school = Audience.School(rawValue: schoolWord) {
                    var level = parts.count > 1 ? parts[1] : String(first.dropFirst(schoolWord.count)).trimmingCharacters(in: " ")
                    if level.isEmpty { level = "" }
                    metadata.audience = Audience(school: school, level: level.isEmpty ? nil : level)
                } else {
                    report(.unknownAudience, entry.valueRange, CheckerMessages.badAudience(value), fixIt: FixIt(CheckerMessages.audienceHint))
                }
            case .duration:
                if let minutes = Self.minutes(value) { metadata.durationMinutes = minutes } else {
                    report(.badMetadataValue, entry.valueRange, CheckerMessages.badDuration(value))
                }
            case .members:
                if let range = Self.memberRange(value) { metadata.members = range } else {
                    report(.badMetadataValue, entry.valueRange, CheckerMessages.badMembers(value),
                           fixIt: Self.rangeInWords(value).map {
                               FixIt(CheckerMessages.didYouMean($0), replacement: $0, range: entry.valueRange)
                           })
                }
            case .jobs:
                var jobs: [Job] = []
                for word in value.split(separator: ",").map({ String($0).trimmingCharacters(in: " ") }) where !word.isEmpty {
                    if let job = Job(word: word) {
                        if !jobs.contains(job) { jobs.append(job) }
                    } else {
                        let nearest = Suggestion.nearest(to: word, in: Lexicon.jobs)
                        report(.badMetadataValue, entry.valueRange.part(word, of: value), CheckerMessages.unknownJob(word),
                              fixIt: nearest.map { FixIt(CheckerMessages.didYouMean($0)) })
                    }
                }
                metadata.jobs = jobs
            }
        }
        if seen[.title] == nil, !items.isEmpty, !hadSyntaxErrors {
            report(.missingTitle, Parser.point(mainPath, 1, 1), CheckerMessages.missingTitle, fixIt: FixIt(CheckerMessages.addTitle))
        }
        return metadata
    }

    /// `50 min`, `50`, `50 minuten` → 50.
    static func minutes(_ value: String) -> Int? {
        let words = value.split(separator: " ")
        guard let first = words.first, let n = Int(first), n >= 0, n <= 999_999 else { return nil }
        if words.count == 1 { return n }
        if words.count == 2, Lexicon.minutes.contains(words[1].lowercased()) { return n }
        return nil
    }

    /// `2-6` or `4` → a range within 1...12.
    static func memberRange(_ value: String) -> ClosedRange<Int>? {
        let parts = value.split(separator: "-").map { String($0).trimmingCharacters(in: " ") }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count, let low = numbers.first, let high = numbers.last, numbers.count <= 2,
            low >= 1, high <= 12, low <= high
        else { return nil }
        return low...high
    }

    /// `3 tot 5` written as a range (`3-5`), when that is what it says.
    static func rangeInWords(_ value: String) -> String? {
        let words = value.split(separator: " ")
        guard words.count == 3, let a = Int(words[0]), let b = Int(words[2]), Lexicon.to.contains(words[1].lowercased())
        else { return nil }
        return "\(a)-\(b)"
    }

    /// The language code a teacher most likely meant by an unknown `taal:` value: the start of
    /// a language's name (`ned`, `eng`) or a near spelling of it (`nederlnds`).
    static func languageMeant(by value: String) -> String? {
        let names = ["nederlands": "nl", "dutch": "nl", "engels": "en", "english": "en"]
        let lower = value.lowercased()
        if lower.count >= 2, let name = names.keys.sorted().first(where: { $0.hasPrefix(lower) }) { return names[name] }
        return Suggestion.nearest(to: lower, in: names.keys.sorted()).flatMap { names[$0] }
    }
}
