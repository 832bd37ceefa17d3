/// Fills in `{name}` in texts and prompts during play.
///
/// Names resolve in this order: loop variables (innermost first), the group (`groep`,
/// `leden`, the jobs), answers (an answer in the same loop iteration resolves to that
/// iteration's answer), role ids (the role's name). Anything else stays as `{name}`.
public struct Interpolator: Sendable {
    let context: RuntimeContext

    init(context: RuntimeContext) {
        self.context = context
    }

    /// An interpolator over these answers.
    public init(
        scenario: Scenario, setup: GroupSetup?, answers: [AnswerKey: AnswerValue],
        skipped: Set<AnswerKey> = []
    ) {
        self.init(
            context: RuntimeContext(scenario: scenario, setup: setup, answers: answers, skipped: skipped))
    }

    private var language: Language { context.language }

    /// `text` with every interpolation filled in from `scope`, at most
    /// `Limits.maxRenderedCharacters` characters (a longer text is cut off with "…").
    public func render(_ text: Text, in scope: PlayScope = .top) -> String {
        var out = ""
        var room = Limits.maxRenderedCharacters
        for segment in text.segments {
            let piece: String
            switch segment {
            case .literal(let s): piece = s
            case .interpolation(let id): piece = resolve(id.name, in: scope)
            }
            // Counting stops one past the room left, so a huge piece costs no more than that.
            let length = piece.prefix(room + 1).count
            if length > room {
                out += piece.prefix(room)
                out += LimitMessages.truncated
                return out
            }
            out += piece
            room -= length
        }
        return out
    }

    /// The value of `{name}` in `scope`.
    public func resolve(_ name: String, in scope: PlayScope = .top) -> String {
        if let binding = scope.binding(named: name) { return binding.value }
        if let builtin = builtin(name) { return builtin }
        if context.questionId(name) != nil {
            switch context.lookup(name: name, in: scope) {
            case .answered(let value): return render(value)
            case .skipped: return RuntimeMessages.skippedValue.text(language)
            case .missing: return RuntimeMessages.noAnswerYet.text(language)
            }
        }
        if let role = context.scenario.role(name) { return role.name }
        return "{\(name)}"
    }

    private func builtin(_ name: String) -> String? {
        switch name {
        case "groep", "group": return context.setup?.group ?? ""
        case "leden", "members": return RuntimeText.list(context.members, language)
        default:
            guard let job = Job(word: name) else { return nil }
            return context.member(with: job) ?? RuntimeMessages.nobody.text(language)
        }
    }

    /// An answer as it reads in a sentence: lists as "a, b en c", roles by name, yes/no as ja/nee.
    public func render(_ value: AnswerValue) -> String {
        switch value {
        case .text(let s), .longText(let s), .choice(let s), .member(let s): return s
        case .list(let items): return RuntimeText.list(items, language)
        case .yesNo(let b): return (b ? RuntimeMessages.yes : RuntimeMessages.no).text(language)
        case .scale(let n): return String(n)
        case .role(let id): return context.scenario.role(id)?.name ?? id
        case .effect(let rating, let note):
            guard let note, !note.isEmpty else { return rating.rawValue }
            return "\(rating.rawValue) \(note)"
        case .vote(let decision): return decision.chosen
        }
    }

    /// Items joined as "a, b en c" (nl) or "a, b and c" (en).
    public static func list(_ items: [String], language: Language) -> String {
        RuntimeText.list(items, language)
    }
}
