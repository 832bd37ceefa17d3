/// The static type of a name or expression in a condition.
enum ValueKind: Equatable {
    case boolean
    case number
    case text
    /// A choice answer with its options.
    case option([String])
    case role
    case member
    case list
    /// A literal role id written in a condition (`rol = slachtoffer`).
    case roleLiteral(String)
    /// A quoted text written in a condition.
    case string(String)
    case effect

    /// The kind of value a question's answer has.
    init(_ question: Question) {
        switch question.type {
        case .text, .longText: self = .text
        case .list: self = .list
        case .yesNo: self = .boolean
        case .choice: self = .option(question.options.map(\.text))
        case .scale: self = .number
        case .member: self = .member
        case .role: self = .role
        case .effect: self = .effect
        case .vote: self = .text
        }
    }

    /// The type's name in messages.
    var name: LocalizedText {
        switch self {
        case .boolean: LocalizedText(nl: "ja/nee-antwoord", en: "yes/no answer")
        case .number: LocalizedText(nl: "getal", en: "number")
        case .text, .string: LocalizedText(nl: "tekst", en: "text")
        case .option: LocalizedText(nl: "keuze", en: "choice")
        case .role, .roleLiteral: LocalizedText(nl: "rol", en: "role")
        case .member: LocalizedText(nl: "lid", en: "member")
        case .list: LocalizedText(nl: "lijst", en: "list")
        case .effect: LocalizedText(nl: "effect", en: "effect")
        }
    }
}

extension LoopSource {
    /// True when both loops walk over the same kind of thing (and, for items, the same list).
    func sameKind(as other: LoopSource) -> Bool {
        switch (self, other) {
        case (.roles, .roles), (.members, .members), (.solutions, .solutions): true
        case (.items(_, let a), .items(_, let b)): a.name == b.name
        case (.roles, _), (.members, _), (.solutions, _), (.items, _): false
        }
    }
}
