/// The loop values around a statement during play, outermost first.
public struct PlayScope: Hashable, Sendable {
    public var bindings: [LoopBinding]

    public init(_ bindings: [LoopBinding] = []) {
        self.bindings = bindings
    }

    /// Outside every loop.
    public static let top = PlayScope()

    /// This scope with one more (inner) binding.
    public func adding(_ binding: LoopBinding) -> PlayScope { PlayScope(bindings + [binding]) }

    /// The innermost binding that `name` refers to: the loop variable as written, or the
    /// built-in names of the loop kind in both languages (`rol`/`role`, `lid`/`member`, …).
    public func binding(named name: String) -> LoopBinding? {
        bindings.last { $0.answers(to: name) }
    }

    /// The key of question `id`, asked inside `loops`, as seen from this scope: each of its
    /// loops takes the innermost binding of its kind not taken yet; nil when one is missing.
    func key(_ id: String, loops: [LoopBinding.Kind]) -> AnswerKey? {
        var used = Set<Int>()
        var components: [String] = []
        for kind in loops {
            guard let index = bindings.indices.last(where: { !used.contains($0) && bindings[$0].kind == kind })
            else { return nil }
            used.insert(index)
            components.append(bindings[index].component)
        }
        return AnswerKey(id, components)
    }

    /// The member whose turn it is: the innermost `voor elk lid` value.
    public var member: String? {
        bindings.last {
            if case .member = $0.kind { return true }
            return false
        }?.value
    }
}

/// One loop value: which loop, how it appears in answer keys and how it reads.
public struct LoopBinding: Hashable, Sendable {
    /// What the loop walks over; item loops name their list question.
    public enum Kind: Hashable, Sendable {
        case role
        case member
        case solution
        case item(list: String)

        /// The kind of a loop as written in a scenario.
        public init(_ source: LoopSource) {
            switch source {
            case .roles: self = .role
            case .members: self = .member
            case .solutions: self = .solution
            case .items(_, let list): self = .item(list: list.name)
            }
        }
    }

    public var kind: Kind
    /// The variable as written in the loop header (`rol`, `role`, `punt` …).
    public var variable: String
    /// The answer-key component: role id, member name, or the 1-based number.
    public var component: String
    /// What `{variable}` shows: role name, member name, solution or item text.
    public var value: String
    /// What conditions compare: the role id for roles, otherwise `value`.
    public var conditionValue: String

    public init(kind: Kind, variable: String, component: String, value: String, conditionValue: String) {
        self.kind = kind
        self.variable = variable
        self.component = component
        self.value = value
        self.conditionValue = conditionValue
    }

    func answers(to name: String) -> Bool {
        if name == variable { return true }
        switch kind {
        case .role: return name == "rol" || name == "role"
        case .member: return name == "lid" || name == "member"
        case .solution: return name == "oplossing" || name == "solution"
        case .item: return false
        }
    }
}
