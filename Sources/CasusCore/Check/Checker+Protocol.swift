extension Checker {
    /// Every `protocol` tag names one of the twelve sections (or `onderwerp`/`topic`);
    /// an unknown one is an error at the word, with the nearest section as suggestion.
    mutating func checkProtocolTags() {
        // Gathered first, in a closure that borrows each question: a loop over the table
        // copied every question, a retain per field.
        let unknownTags = asked.all.flatMap { info in
            info.question.protocolTags.filter { ProtocolSection.named($0.name) == nil && !ProtocolSection.isTopicTag($0.name) }
        }
        for tag in unknownTags {
            let nearest = Suggestion.nearest(to: tag.name, in: ProtocolSection.allTags)
            report(.unknownProtocolSection, tag.range, CheckerMessages.unknownProtocolSection(tag.name),
                  fixIt: nearest.map { FixIt(CheckerMessages.didYouMean($0), replacement: $0, range: tag.range) }
                    ?? FixIt(CheckerMessages.protocolSectionList))
        }
        // `onderwerp` follows the topic a group chose: without a choice question tagged with it,
        // such answers would silently feed no section.
        let topicTags = asked.all.flatMap { info in info.question.protocolTags.filter { ProtocolSection.isTopicTag($0.name) }.map { (info, $0) } }
        let hasTopicQuestion = topicTags.contains { info, _ in info.question.type == .choice }
        // After a line that did not parse, that line may be the choice question: not a second error.
        if let (_, first) = topicTags.first, !hasTopicQuestion, !hadSyntaxErrors {
            report(.topicWithoutChoice, first.range, CheckerMessages.topicWithoutChoice(first.name), fixIt: FixIt(CheckerMessages.topicHint))
        }
    }
}

extension CheckerMessages {
    static func unknownProtocolSection(_ name: String) -> LocalizedText {
        LocalizedText(nl: "`\(name)` is geen onderdeel van het protocol", en: "`\(name)` is not a section of the protocol")
    }

    static func topicWithoutChoice(_ word: String) -> LocalizedText {
        LocalizedText(
            nl: "`protocol \(word)` volgt het onderwerp van de groep, maar geen keuzevraag vraagt naar het onderwerp",
            en: "`protocol \(word)` follows the group's topic, but no choice question asks for the topic")
    }

    static let topicHint = LocalizedText(
        nl: "tag de vraag naar het onderwerp ook, bijvoorbeeld `vraag onderwerp (keuze, protocol onderwerp): …`, of noem een onderdeel",
        en: "tag the topic question too, for example `ask topic (choice, protocol topic): …`, or name a section")

    static var protocolSectionList: LocalizedText {
        LocalizedText(
            nl: "de onderdelen: " + ProtocolSection.allCases.map(\.tag.nl).joined(separator: ", ") + ", of onderwerp",
            en: "the sections: " + ProtocolSection.allCases.map(\.tag.en).joined(separator: ", ") + ", or topic")
    }
}
