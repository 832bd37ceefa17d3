extension Checker {
    /// Every `protocol` tag names one of the twelve sections (or `onderwerp`/`topic`);
    /// an unknown one is an error at the word, with the nearest section as suggestion.
    mutating func checkProtocolTags() {
        for info in asked.all {
            for tag in info.question.protocolTags
            where ProtocolSection.named(tag.name) == nil && !ProtocolSection.isTopicTag(tag.name) {
                let nearest = Suggestion.nearest(to: tag.name, in: ProtocolSection.allTags)
                error("C170", tag.range, CheckerMessages.unknownProtocolSection(tag.name),
                      fixIt: nearest.map { FixIt(CheckerMessages.didYouMean($0), replacement: $0, range: tag.range) }
                        ?? FixIt(CheckerMessages.protocolSectionList))
            }
        }
    }
}

extension CheckerMessages {
    static func unknownProtocolSection(_ name: String) -> LocalizedText {
        LocalizedText(nl: "`\(name)` is geen onderdeel van het protocol", en: "`\(name)` is not a section of the protocol")
    }

    static var protocolSectionList: LocalizedText {
        LocalizedText(
            nl: "de onderdelen: " + ProtocolSection.allCases.map(\.tag.nl).joined(separator: ", ") + ", of onderwerp",
            en: "the sections: " + ProtocolSection.allCases.map(\.tag.en).joined(separator: ", ") + ", or topic")
    }
}
