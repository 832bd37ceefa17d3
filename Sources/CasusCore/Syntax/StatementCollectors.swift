/// Every question of some statements, nested ones included, in source order.
struct QuestionCollector: StatementWalker {
    private(set) var questions: [Question] = []

    mutating func visitQuestion(_ question: Question) { questions.append(question) }

    static func questions(in steps: [Step]) -> [Question] {
        var collector = QuestionCollector()
        collector.walk(steps)
        return collector.questions
    }
}

/// Every `als … einde` of some statements, an outer one before those inside it.
struct ConditionalCollector: StatementWalker {
    private(set) var conditionals: [Conditional] = []

    mutating func visitConditional(_ conditional: Conditional) {
        conditionals.append(conditional)
        descend(into: conditional)
    }

    static func conditionals(in steps: [Step]) -> [Conditional] {
        var collector = ConditionalCollector()
        collector.walk(steps)
        return collector.conditionals
    }
}

/// Counts statements, nested ones and notes included; stops at the first question when asked.
struct StatementCounter: StatementWalker {
    private(set) var count = 0
    private(set) var questions = 0
    var stopAtFirstQuestion = false

    mutating func willVisit(_ statement: Statement) -> Bool {
        if stopAtFirstQuestion && questions > 0 { return true }
        count += 1
        return false
    }

    mutating func visitQuestion(_ question: Question) { questions += 1 }

    /// True when `statements` ask at least one question, in a branch or loop too.
    static func asksQuestions(_ statements: [Statement]) -> Bool {
        var counter = StatementCounter(stopAtFirstQuestion: true)
        counter.walk(statements)
        return counter.questions > 0
    }
}
