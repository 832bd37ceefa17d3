/// Visits statements in source order, like swift-markdown's `MarkupWalker`: every `visit`
/// method has a default, and the defaults for `als` and `voor elke` descend into their bodies.
/// A walker overrides what it cares about; an override that still wants the bodies calls
/// `descend(into:)`. Recursion is safe: the parser caps nesting at `Parser.maxNesting`.
///
/// The checker, the engine's walk, `casus test`'s collections and the facilitator notes all
/// walk through this one switch, so a new kind of statement is added in one place.
public protocol StatementWalker {
    mutating func visitSay(_ text: Text)
    mutating func visitNote(_ text: Text)
    mutating func visitQuestion(_ question: Question)
    mutating func visitConditional(_ conditional: Conditional)
    mutating func visitLoop(_ loop: Loop)
    /// Called before every statement; true ends the walk there (the engine stops at the
    /// first question without an answer).
    mutating func willVisit(_ statement: Statement) -> Bool
}

extension StatementWalker {
    public mutating func visitSay(_ text: Text) {}
    public mutating func visitNote(_ text: Text) {}
    public mutating func visitQuestion(_ question: Question) {}
    public mutating func visitConditional(_ conditional: Conditional) { descend(into: conditional) }
    public mutating func visitLoop(_ loop: Loop) { descend(into: loop) }
    public mutating func willVisit(_ statement: Statement) -> Bool { false }

    /// Visits `statements` in order (until `willVisit` says stop).
    public mutating func walk(_ statements: [Statement]) {
        for statement in statements {
            if willVisit(statement) { return }
            visit(statement)
        }
    }

    /// Visits the body of every step.
    public mutating func walk(_ steps: [Step]) {
        for step in steps { walk(step.body) }
    }

    /// The one switch over `Statement`.
    public mutating func visit(_ statement: Statement) {
        switch statement {
        case .say(let text): visitSay(text)
        case .note(let text): visitNote(text)
        case .question(let question): visitQuestion(question)
        case .conditional(let conditional): visitConditional(conditional)
        case .loop(let loop): visitLoop(loop)
        }
    }

    /// Every branch's body, then the `anders` body.
    public mutating func descend(into conditional: Conditional) {
        for branch in conditional.branches { walk(branch.body) }
        if let body = conditional.elseBody { walk(body) }
    }

    public mutating func descend(into loop: Loop) { walk(loop.body) }
}

extension Statement {
    /// Where the statement is written; nil for a note, which is not played.
    public var playedRange: SourceRange? {
        switch self {
        case .say(let text): text.range
        case .note: nil
        case .question(let question): question.range
        case .conditional(let conditional): conditional.range
        case .loop(let loop): loop.range
        }
    }
}
