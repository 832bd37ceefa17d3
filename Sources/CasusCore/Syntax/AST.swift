/// The syntax tree of one scenario file, exactly as written (includes not yet resolved).
///
/// Value types throughout; every node knows its source range so the checker and the
/// runtime can point at it.
public struct SourceFile: Hashable, Sendable {
    public var path: String
    public var items: [TopLevelItem]
    /// Ids of question lines that had a syntax error and were left out of `items`; uses of
    /// these names are not reported again.
    public var brokenNames: Set<String> = []

    public init(path: String, items: [TopLevelItem]) {
        self.path = path
        self.items = items
    }
}

/// What can stand at the top level of a file.
public enum TopLevelItem: Hashable, Sendable {
    case metadata(MetadataEntry)
    /// `casus:` / `case:` — the story.
    case caseText(Text)
    case role(RoleDeclaration)
    case info(InfoDeclaration)
    /// `notitie:` / `note:` — for the facilitator, never shown to the group during play.
    case note(Text)
    case include(IncludeDeclaration)
    case step(Step)
    case sheet(SheetLayout)
}

/// The keys of `key: value` lines at the top of a scenario.
public enum MetadataKey: String, Hashable, Sendable, Codable, CaseIterable {
    case title, audience, language, duration, source, author
    /// `leden: 2-6` — how many members a group may have.
    case members
    /// `taken: notulist, presentator, tijdbewaker` — the jobs handed out at the start.
    case jobs
}

public struct MetadataEntry: Hashable, Sendable {
    public var key: MetadataKey
    public var value: String
    public var keyRange: SourceRange
    public var valueRange: SourceRange

    public init(key: MetadataKey, value: String, keyRange: SourceRange, valueRange: SourceRange) {
        self.key = key
        self.value = value
        self.keyRange = keyRange
        self.valueRange = valueRange
    }
}

/// `rol slachtoffer: het meisje uit havo 4` with an optional indented description.
public struct RoleDeclaration: Hashable, Sendable {
    public var id: Identifier
    public var name: String
    public var description: Text?
    public var range: SourceRange

    public init(id: Identifier, name: String, description: Text?, range: SourceRange) {
        self.id = id
        self.name = name
        self.description = description
        self.range = range
    }
}

/// `info groepsdynamiek: Hoe maak je van de klas een groep?` with an indented body, shown on
/// request (`:info groepsdynamiek`).
public struct InfoDeclaration: Hashable, Sendable {
    public var id: Identifier
    public var title: String
    public var body: Text
    public var range: SourceRange

    public init(id: Identifier, title: String, body: Text, range: SourceRange) {
        self.id = id
        self.title = title
        self.body = body
        self.range = range
    }
}

/// `invoegen "gedeeld/groepsdynamiek.casus"` / `include "..."`.
public struct IncludeDeclaration: Hashable, Sendable {
    public var path: String
    public var pathRange: SourceRange
    public var range: SourceRange

    public init(path: String, pathRange: SourceRange, range: SourceRange) {
        self.path = path
        self.pathRange = pathRange
        self.range = range
    }
}

/// `stap "De situatie verkennen" (10 min)` … `einde`.
public struct Step: Hashable, Sendable {
    public var title: String
    /// The time budget in minutes, when given.
    public var budgetMinutes: Int?
    public var body: [Statement]
    /// The opening line.
    public var range: SourceRange
    /// The `einde` line, nil when the block was never closed (an error was reported).
    public var endRange: SourceRange?
    /// The word `stap` / `step`, for diagnostics about the step as a whole.
    public var keywordRange: SourceRange
    /// The budget `(10 min)` as written, when given.
    public var budgetRange: SourceRange?

    public init(
        title: String, budgetMinutes: Int?, body: [Statement], range: SourceRange,
        endRange: SourceRange?, keywordRange: SourceRange? = nil, budgetRange: SourceRange? = nil
    ) {
        self.title = title
        self.budgetMinutes = budgetMinutes
        self.body = body
        self.range = range
        self.endRange = endRange
        self.keywordRange = keywordRange ?? range
        self.budgetRange = budgetRange
    }
}

/// What a step is made of.
///
/// Every case but `question` is boxed. A question is kept inline: with it boxed too, the
/// fuzzer's deep-nesting input (50 levels, `Parser.maxNesting`) overflowed the parser's stack
/// under AddressSanitizer (`make fuzz`).
public enum Statement: Hashable, Sendable {
    /// `zeg:` / `say:` — text shown to the group.
    indirect case say(Text)
    /// `notitie:` / `note:` — for the facilitator only.
    indirect case note(Text)
    /// `vraag`, `oplossingen`, `effect`, `stem` — everything that asks for an answer.
    case question(Question)
    indirect case conditional(Conditional)
    indirect case loop(Loop)
}

/// The kinds of answer a question can ask for.
public enum AnswerType: Hashable, Sendable, Codable {
    /// `tekst` / `text`: one line.
    case text
    /// `lang` / `long`: several lines, an empty line ends. `maxMinutes` is the speaking
    /// time limit used by the sheet's estimate (`(lang, max 3 min)`).
    case longText(maxMinutes: Int?)
    /// `lijst` / `list`: one item a line.
    case list(min: Int?, max: Int?)
    /// `ja/nee` / `yes/no`.
    case yesNo
    /// `keuze` / `choice`: one of the question's options.
    case choice
    /// `schaal 1-5` / `scale 1-5`.
    case scale(min: Int, max: Int)
    /// `lid` / `member`: one of the group's members.
    case member
    /// `rol` / `role`: one of the scenario's roles.
    case role
    /// `effect`: `++ + 0 - --` with an optional note; only inside a solution and a role loop.
    case effect
    /// `stem` / `vote`: every member votes; the options are the solutions unless listed.
    case vote
}

/// What a question statement was introduced with; it decides defaults and checks.
public enum QuestionKeyword: String, Hashable, Sendable, Codable {
    /// `vraag` / `ask`
    case ask
    /// `oplossingen` / `solutions` — the list of solutions the group comes up with.
    case solutions
    /// `effect`
    case effect
    /// `stem` / `vote`
    case vote
}

/// A question with a stable id: `vraag groepsdruk (ja/nee): Was er sprake van groepsdruk?`
///
/// A value like every other node, so equality, hashing and the formatter's "meaning
/// unchanged" comparison see every field.
public struct Question: Hashable, Sendable {
    public var keyword: QuestionKeyword
    public var id: Identifier
    public var type: AnswerType
    public var prompt: Text
    /// `- option` lines under a `keuze` or `stem` question.
    public var options: [ChoiceOption]
    /// The protocol sections the answers feed (`protocol melden`), as written.
    public var protocolTags: [ProtocolTag]
    /// The whole line.
    public var range: SourceRange
    /// Where its keyword, type and details are written, so a diagnostic points at the word at fault.
    public var spans: QuestionSpans

    public init(
        keyword: QuestionKeyword, id: Identifier, type: AnswerType, prompt: Text,
        options: [ChoiceOption], protocolTags: [ProtocolTag] = [], range: SourceRange, spans: QuestionSpans? = nil
    ) {
        self.keyword = keyword
        self.id = id
        self.type = type
        self.prompt = prompt
        self.options = options
        self.protocolTags = protocolTags
        self.range = range
        self.spans = spans ?? QuestionSpans(keyword: range, colon: range)
    }
}

/// One `- text` option of a choice or vote.
public struct ChoiceOption: Hashable, Sendable {
    public var text: String
    public var range: SourceRange

    public init(text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }
}

/// `als …` / `anders als …` / `anders` / `einde`.
public struct Conditional: Hashable, Sendable {
    public struct Branch: Hashable, Sendable {
        public var condition: Expression
        public var body: [Statement]
        public var range: SourceRange

        public init(condition: Expression, body: [Statement], range: SourceRange) {
            self.condition = condition
            self.body = body
            self.range = range
        }
    }

    public var branches: [Branch]
    public var elseBody: [Statement]?
    public var range: SourceRange
    public var endRange: SourceRange?

    public init(branches: [Branch], elseBody: [Statement]?, range: SourceRange, endRange: SourceRange?) {
        self.branches = branches
        self.elseBody = elseBody
        self.range = range
        self.endRange = endRange
    }
}

/// What a `voor elke …` / `for each …` loop walks over.
public enum LoopSource: Hashable, Sendable {
    /// `voor elke rol` — the loop variable is `rol` / `role`.
    case roles
    /// `voor elk lid` — the loop variable is `lid` / `member`; that member has the word.
    case members
    /// `voor elke oplossing` — the loop variable is `oplossing` / `solution`.
    case solutions
    /// `voor elk punt in zorgen` — the items of a list answer, bound to `variable`. Boxed, so
    /// a loop source is a word rather than two identifiers wide.
    indirect case items(variable: Identifier, list: Identifier)
}

public struct Loop: Hashable, Sendable {
    public var source: LoopSource
    public var body: [Statement]
    public var range: SourceRange
    public var endRange: SourceRange?
    /// The loop variable name as written in the header (`rol` or `role`, …) so that both
    /// languages' names work inside the body.
    public var variable: Identifier

    public init(source: LoopSource, variable: Identifier, body: [Statement], range: SourceRange, endRange: SourceRange?) {
        self.source = source
        self.variable = variable
        self.body = body
        self.range = range
        self.endRange = endRange
    }
}

/// Conditions: `niet`/`en`/`of`, comparisons and counts.
public indirect enum Expression: Hashable, Sendable {
    /// An answer id, a loop variable or a role id.
    case name(Identifier)
    case number(Int, SourceRange)
    case string(String, SourceRange)
    /// `ja`/`nee`/`yes`/`no`.
    case boolean(Bool, SourceRange)
    /// `aantal x` / `count x`: the number of items of a list, of solutions, of members.
    case count(Identifier, SourceRange)
    case not(Expression, SourceRange)
    case and(Expression, Expression)
    case or(Expression, Expression)
    case compare(Expression, ComparisonOperator, Expression)

    /// Where the whole expression is written.
    public var range: SourceRange {
        switch self {
        case .name(let id): id.range
        case .number(_, let r), .string(_, let r), .boolean(_, let r), .count(_, let r), .not(_, let r): r
        case .and(let a, let b), .or(let a, let b), .compare(let a, _, let b): a.range.union(b.range)
        }
    }
}

public enum ComparisonOperator: String, Hashable, Sendable, Codable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

/// `blad` … `einde`: which parts the presentation sheet shows, in which order.
public struct SheetLayout: Hashable, Sendable {
    public enum Entry: Hashable, Sendable {
        /// `kop: Onze oplossing`
        case heading(String, SourceRange)
        /// `toon a, b` — answers by id, or the built-in parts `casus`, `rollen`, `effecten`,
        /// `stemming`, `tijden`, `groep`.
        case show([Identifier])
    }

    public var entries: [Entry]
    public var range: SourceRange
    public var endRange: SourceRange?

    public init(entries: [Entry], range: SourceRange, endRange: SourceRange?) {
        self.entries = entries
        self.range = range
        self.endRange = endRange
    }
}
