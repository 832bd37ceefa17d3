/// The limits of `Limits` that the checker enforces: roles, list sizes, and how far the loops
/// of one step can expand.
///
/// List sizes and expansion are counted during the walk over a step's statements
/// (the statement walk of `Checker+Statements`).
extension Checker {
    mutating func checkRoleLimit() {
        if roles.count > Limits.maxRoles {
            let extra = roles[Limits.maxRoles]
            report(.tooManyRoles, extra.id.range, LimitMessages.tooManyRoles(Limits.maxRoles))
        }
    }

    mutating func checkListSize(_ question: Question) {
        guard case .list(let low, let high) = question.type else { return }
        if let low, low > Limits.maxListItems {
            report(.listTooLarge, question.spans.minimum ?? question.range, LimitMessages.listTooLarge("min", low, Limits.maxListItems))
        } else if let high, high > Limits.maxListItems {
            report(.listTooLarge, question.spans.maximum ?? question.range, LimitMessages.listTooLarge("max", high, Limits.maxListItems))
        }
    }

    /// Counts one statement as played `multiplier` times (plus the ballots of a vote).
    mutating func countPlayed(_ statement: Statement, multiplier: Int) {
        expansion.total = Self.saturating(expansion.total, plus: multiplier)
        if case .question(let q) = statement, q.type == .vote {
            // One ballot per member and a possible tie-break.
            let ballots = Self.saturating(multiplier, times: maxMembers + 1)
            expansion.total = Self.saturating(expansion.total, plus: ballots)
        }
    }

    /// The multiplier inside `loop`, which runs at most `iterations` times; remembers the loop
    /// that multiplies the most.
    mutating func enterLoop(_ loop: Loop, iterations: Int, multiplier: Int) -> Int {
        let inner = Self.saturating(multiplier, times: iterations)
        if inner > (expansion.worst?.multiplier ?? 1) { expansion.worst = (inner, loop) }
        return inner
    }

    /// Reports a step whose loops expand past the limit; resets the count for the next step.
    mutating func finishExpansion() {
        defer { expansion = StepExpansion() }
        guard expansion.total > Limits.maxPlayedPerStep, let worst = expansion.worst else { return }
        let times = worst.multiplier > Limits.maxPlayedPerStep ? "> \(Limits.maxPlayedPerStep)" : "\(worst.multiplier)"
        report(
            .stepTooLarge, worst.loop.range, LimitMessages.stepTooLarge(Limits.maxPlayedPerStep),
            notes: [DiagnosticNote(LimitMessages.stepTooLargeNote(times), at: worst.loop.range)],
            fixIt: FixIt(LimitMessages.stepTooLargeHint))
    }

    /// The most times a loop over a list answer can run (`question` nil: not asked).
    static func listCapacity(_ question: Question?) -> Int {
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

/// How a step's loops multiply: the number of statements played when every loop runs its
/// largest possible number of times, and the loop that multiplies the most.
struct StepExpansion {
    var total = 0
    var worst: (multiplier: Int, loop: Loop)?
}
