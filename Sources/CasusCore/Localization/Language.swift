/// The two languages casus speaks. Dutch is the default.
public enum Language: String, Sendable, Codable, CaseIterable {
    case nl
    case en

    /// Picks a language from a tag such as `nl`, `en_GB.UTF-8` or `English`; nil when unknown.
    public init?(tag: String) {
        let lower = tag.lowercased()
        if lower.hasPrefix("nl") || lower.hasPrefix("dutch") || lower.hasPrefix("nederlands") {
            self = .nl
        } else if lower.hasPrefix("en") || lower.hasPrefix("engels") {
            self = .en
        } else {
            return nil
        }
    }
}

/// A text that exists in both languages; every message a person reads is one of these.
public struct LocalizedText: Hashable, Sendable, Codable {
    public var nl: String
    public var en: String

    public init(nl: String, en: String) {
        self.nl = nl
        self.en = en
    }

    /// The text in `language`.
    public func text(_ language: Language) -> String {
        switch language {
        case .nl: nl
        case .en: en
        }
    }
}
