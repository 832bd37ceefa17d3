/// One enclosing loop while checking a step.
struct LoopScope {
    var source: LoopSource
    /// The names the loop variable answers to.
    var names: [String]
    /// The most times the loop's body runs: its own iterations times the loops around it.
    var multiplier: Int
    /// The sources of this loop and the loops around it, outermost first: built once per loop
    /// and shared by every question asked inside (`QuestionInfo.loops`).
    var sources: [LoopSource]
}

extension Checker: StatementWalker {
    mutating func checkStep(_ step: Step, index: Int) {
        stepIndex = index
        loopScope = []
        walk(step.body)
        finishExpansion()
        // Counted as written: a question rejected with an error still counts. With syntax
        // errors, the step's questions may be the very lines that failed.
        if !StatementCounter.asksQuestions(step.body) && !hadSyntaxErrors {
            report(.stepWithoutQuestions, step.keywordRange, CheckerMessages.stepWithoutQuestions)
        }
        if step.budgetMinutes == 0 {
            report(.zeroBudget, step.budgetRange ?? step.range, CheckerMessages.zeroBudget(step.title))
        }
    }

    /// Counts every statement as played as often as the loops around it run.
    mutating func willVisit(_ statement: Statement) -> Bool {
        countPlayed(statement, multiplier: loopScope.last?.multiplier ?? 1)
        return false
    }

    mutating func visitSay(_ text: Text) { checkInterpolations(text, scope: loopScope) }

    mutating func visitNote(_ text: Text) { checkInterpolations(text, scope: loopScope) }

    mutating func visitQuestion(_ question: Question) {
        checkQuestion(question, stepIndex: stepIndex, scope: loopScope)
    }

    mutating func visitConditional(_ conditional: Conditional) {
        for branch in conditional.branches {
            checkCondition(branch.condition, scope: loopScope)
            walk(branch.body)
        }
        if let body = conditional.elseBody { walk(body) }
    }

    mutating func visitLoop(_ loop: Loop) {
        let outer = loopScope
        loopScope.append(checkLoop(loop, scope: outer))
        descend(into: loop)
        loopScope = outer
    }

    /// Checks a loop's header; returns the scope its body is checked in.
    private mutating func checkLoop(_ loop: Loop, scope: [LoopScope]) -> LoopScope {
        var ok = true
        var iterations = Limits.maxListItems
        if let outer = scope.first(where: { $0.source.sameKind(as: loop.source) }) {
            report(.sameLoopNested, loop.range, CheckerMessages.sameLoopNested(CheckerMessages.loopName(outer.source)))
            ok = false
        }
        switch loop.source {
        case .roles:
            iterations = roles.count
            if roles.isEmpty {
                if !reportedNoRoles && !includeFailed { report(.noRoles, loop.variable.range, CheckerMessages.noRoles) }
                reportedNoRoles = true
                ok = false
            }
        case .members:
            iterations = maxMembers
        case .solutions:
            iterations = Self.listCapacity(solutionsIndex.map { asked.all[$0].question })
            if !solutionsAsked {
                reportName(Identifier(Lexicon.solutionsId, at: loop.variable.range), scope: scope)
                ok = false
            }
        case .items(let variable, let list):
            if let i = asked.position(of: list.name) {
                used[i] = true
                let info = asked.all[i]
                iterations = Self.listCapacity(info.question)
                if case .list = info.question.type {} else {
                    report(.loopOverNonList, list.range, CheckerMessages.notAList(list.name))
                    ok = false
                }
                if !covers(scope, info.loops) {
                    report(.answerOutsideItsLoop, list.range, CheckerMessages.perLoop(list.name, CheckerMessages.loopName(info.loops.last!)))
                    ok = false
                }
            } else {
                reportName(list, scope: scope)
                ok = false
            }
            if isKnownName(variable.name, scope: scope) || Keyword(word: variable.name) != nil {
                report(.nameInUse, variable.range, CheckerMessages.loopVariableClash(variable.name))
                ok = false
            } else {
                pendingLoopVariables[variable.name, default: []].append(variable.range)
            }
        }
        _ = ok
        let names = Lexicon.loopVariables(loop.source)
        let multiplier = enterLoop(loop, iterations: iterations, multiplier: scope.last?.multiplier ?? 1)
        return LoopScope(
            source: loop.source, names: names, multiplier: multiplier, sources: (scope.last?.sources ?? []) + [loop.source])
    }

    private mutating func checkQuestion(_ question: Question, stepIndex: Int, scope: [LoopScope]) {
        if !pendingLoopVariables.isEmpty, let ranges = pendingLoopVariables.removeValue(forKey: question.id.name) {
            for range in ranges { report(.nameInUse, range, CheckerMessages.loopVariableClash(question.id.name)) }
        }
        if !ask(question, stepIndex: stepIndex, scope: scope) { rejectedQuestionIDs.insert(question.id.name) }
    }

    /// Checks a question and adds it to `asked`; false when it was rejected with an error.
    private mutating func ask(_ question: Question, stepIndex: Int, scope: [LoopScope]) -> Bool {
        let id = question.id
        checkListSize(question)
        let outsideLoops = question.keyword == .effect
            && (!scope.contains(where: { $0.source == .solutions }) || !scope.contains(where: { $0.source == .roles }))
        if outsideLoops {
            let missing = Self.missingEffectLoops(scope)
            report(.effectOutsideLoops, question.spans.keyword, CheckerMessages.effectOutsideLoops,
                   fixIt: FixIt(CheckerMessages.wrapEffect(missing: missing.map(\.source))))
            // `{oplossing}` and `{rol}` in its text belong to the loops it lacks: not a second error.
            checkInterpolations(question.prompt, scope: scope + missing)
        } else {
            checkInterpolations(question.prompt, scope: scope)
        }
        if question.prompt.isEmpty {
            report(.emptyPrompt, question.spans.colon, CheckerMessages.emptyPrompt)
        }
        switch question.type {
        case .choice where question.options.isEmpty:
            report(.choiceWithoutOptions, question.spans.type ?? question.range, CheckerMessages.choiceWithoutOptions)
        case .vote where question.options.isEmpty && !solutionsAsked:
            // Missing solutions are one mistake, reported where first felt.
            if reportedNames.insert(Lexicon.solutionsId).inserted {
                report(.voteWithoutOptions, question.spans.keyword, CheckerMessages.voteWithoutOptions)
            }
        case .scale(let low, let high) where low >= high:
            report(.rangeReversed, question.spans.scale ?? question.range, CheckerMessages.scaleRange(low, high))
        case .list(let low?, let high?) where low > high:
            report(.rangeReversed, question.spans.minimum.map { $0.union(question.spans.maximum ?? $0) } ?? question.range, CheckerMessages.listRange)
        case .choice, .vote, .scale, .list, .text, .longText, .yesNo, .member, .role, .effect: break
        }
        if question.keyword == .solutions, solutionsAsked {
            report(.secondSolutions, question.spans.keyword, CheckerMessages.secondSolutions)
            return false
        }
        let entry = names[id.name]
        if let first = asked.position(of: id.name) {
            report(.duplicateQuestion, id.range, CheckerMessages.duplicate(CheckerMessages.aQuestion, id.name),
                  notes: [DiagnosticNote(CheckerMessages.firstHere, at: asked.all[first].question.id.range)])
            duplicateRefused = true
            return false
        }
        if question.keyword != .solutions, entry?.isBuiltin == true || entry?.isSolutions == true {
            report(.reservedId, id.range, CheckerMessages.reserved(id.name))
            return false
        }
        if entry?.role != nil {
            report(.reservedId, id.range, CheckerMessages.clashesWithRole(id.name))
            return false
        }
        if scope.contains(where: { $0.names.contains(id.name) }) {
            report(.nameInUse, id.range, CheckerMessages.loopVariableClash(id.name))
            return false
        }
        let info = QuestionInfo(question: question, stepIndex: stepIndex, loops: scope.last?.sources ?? [])
        let position = asked.append(info)
        if question.keyword == .solutions { solutionsIndex = position }
        used.append(false)
        return true
    }

    /// The solution and role loops an `effect` outside them lacks, as scopes that only name
    /// their loop variables.
    static func missingEffectLoops(_ scope: [LoopScope]) -> [LoopScope] {
        [LoopSource.solutions, .roles].filter { source in !scope.contains { $0.source == source } }.map {
            LoopScope(source: $0, names: Lexicon.loopVariables($0), multiplier: 1, sources: [])
        }
    }

    /// True when the current loops include every loop an answer was asked in.
    func covers(_ scope: [LoopScope], _ loops: [LoopSource]) -> Bool {
        loops.allSatisfy { needed in scope.contains { $0.source.sameKind(as: needed) } }
    }
}
