/// The limits of `Limits` that the checker enforces: roles, list sizes, and how far the loops
/// of one step can expand. Runs after the steps were checked (it needs the asked questions).
extension Checker {
    mutating func checkLimits(_ metadata: Metadata) {
        if roles.count > Limits.maxRoles {
            let extra = roles[Limits.maxRoles]
            error("C160", extra.id.range, LimitMessages.tooManyRoles(Limits.maxRoles))
        }
        for step in steps { checkListSizes(step.body) }
        for step in steps { checkExpansion(step, metadata: metadata) }
    }

    private mutating func checkListSizes(_ statements: [Statement]) {
        for statement in statements {
            switch statement {
            case .question(let q):
                guard case .list(let low, let high) = q.type else { continue }
                if let low, low > Limits.maxListItems {
                    error("C161", q.range, LimitMessages.listTooLarge("min", low, Limits.maxListItems))
                } else if let high, high > Limits.maxListItems {
                    error("C161", q.range, LimitMessages.listTooLarge("max", high, Limits.maxListItems))
                }
            case .conditional(let c):
                for branch in c.branches { checkListSizes(branch.body) }
                if let body = c.elseBody { checkListSizes(body) }
            case .loop(let loop):
                checkListSizes(loop.body)
            case .say, .note:
                break
            }
        }
    }

    /// How a step's loops multiply: the number of statements played when every loop runs its
    /// largest possible number of times, and the loop that multiplies the most.
    private struct Expansion {
        var total = 0
        var worst: (multiplier: Int, loop: Loop)?
    }

    private mutating func checkExpansion(_ step: Step, metadata: Metadata) {
        var expansion = Expansion()
        expand(step.body, multiplier: 1, metadata: metadata, into: &expansion)
        guard expansion.total > Limits.maxPlayedPerStep, let worst = expansion.worst else { return }
        let times = worst.multiplier > Limits.maxPlayedPerStep ? "> \(Limits.maxPlayedPerStep)" : "\(worst.multiplier)"
        error(
            "C162", worst.loop.range, LimitMessages.stepTooLarge(Limits.maxPlayedPerStep),
            notes: [DiagnosticNote(LimitMessages.stepTooLargeNote(times), at: worst.loop.range)],
            fixIt: FixIt(LimitMessages.stepTooLargeHint))
    }

    private func expand(_ statements: [Statement], multiplier: Int, metadata: Metadata, into e: inout Expansion) {
        for statement in statements {
            e.total = Self.saturating(e.total, plus: multiplier)
            switch statement {
            case .question(let q) where q.type == .vote:
                // One ballot per member and a possible tie-break.
                let ballots = Self.saturating(multiplier, times: metadata.members.upperBound + 1)
                e.total = Self.saturating(e.total, plus: ballots)
            case .question, .say, .note:
                break
            case .conditional(let c):
                for branch in c.branches { expand(branch.body, multiplier: multiplier, metadata: metadata, into: &e) }
                if let body = c.elseBody { expand(body, multiplier: multiplier, metadata: metadata, into: &e) }
            case .loop(let loop):
                let inner = Self.saturating(multiplier, times: maxIterations(loop.source, metadata: metadata))
                if inner > (e.worst?.multiplier ?? 1) { e.worst = (inner, loop) }
                expand(loop.body, multiplier: inner, metadata: metadata, into: &e)
            }
        }
    }

    /// The most times a loop can run.
    private func maxIterations(_ source: LoopSource, metadata: Metadata) -> Int {
        switch source {
        case .roles: return roles.count
        case .members: return metadata.members.upperBound
        case .solutions: return listCapacity(solutionsIndex.map { asked.all[$0].question })
        case .items(_, let list): return listCapacity(asked[list.name]?.question)
        }
    }

    private func listCapacity(_ question: Question?) -> Int {
        guard let question, case .list(_, let high) = question.type else { return Limits.maxListItems }
        return min(high ?? Limits.maxListItems, Limits.maxListItems)
    }

    /// Sums and products that stop just past the limit instead of overflowing.
    private static let cap = Limits.maxPlayedPerStep + 1

    private static func saturating(_ a: Int, plus b: Int) -> Int { min(a + b, cap) }

    private static func saturating(_ a: Int, times b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? cap : min(product, cap)
    }
}
