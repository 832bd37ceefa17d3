import CasusCore

/// What the REPL shows: intro, step headers, `zeg` texts, votes, the summary.
extension PlaySession {
    /// Columns to wrap to (long lines are hard to read even on a wide terminal).
    var wrapWidth: Int { max(20, min(options.width, 100)) }

    func line(_ text: String = "") { out.write(text + "\n") }

    /// Untrusted text (scenario, answers), sanitized and wrapped.
    func paragraph(_ text: String, indent: String = "") {
        for l in TextWrap.wrap(TextSafety.sanitize(text), width: wrapWidth, indent: indent) { line(l) }
    }

    /// A message of ours that may hold untrusted parts: sanitized and wrapped.
    func message(_ text: LocalizedText, indent: String = "") { paragraph(text.text(language), indent: indent) }

    /// `prefix` then `text` wrapped, later lines indented under the text.
    func hanging(_ prefix: String, _ text: String) {
        let indent = String(repeating: " ", count: prefix.count)
        for (n, l) in TextWrap.wrap(TextSafety.sanitize(text), width: wrapWidth, indent: indent).enumerated() {
            line(n == 0 ? prefix + l.dropFirst(indent.count) : l)
        }
    }

    func showIntro() {
        let meta = scenario.metadata
        line(style.bold(TextSafety.sanitize(meta.title)))
        var facts: [String] = []
        if let audience = meta.audience { facts.append(PlayMessages.audience(TextLayout.audience(audience)).text(language)) }
        if let minutes = meta.durationMinutes { facts.append(PlayMessages.duration(minutes).text(language)) }
        if !facts.isEmpty { paragraph(facts.joined(separator: " · ")) }
        showCase()
        line()
        message(PlayMessages.startHint)
    }

    func showCase() {
        guard let text = scenario.caseText else {
            line(PlayMessages.noCase.text(language))
            return
        }
        line()
        line(style.bold(PlayMessages.caseHeading.text(language)))
        paragraph(state.interpolator.render(text))
    }

    func showRoles() {
        guard !scenario.roles.isEmpty else { return line(PlayMessages.noRoles.text(language)) }
        for role in scenario.roles {
            paragraph("\(role.id.name) — \(role.name)")
            if let description = role.description {
                paragraph(state.interpolator.render(description), indent: "    ")
            }
        }
    }

    func showInfo(_ name: String?) {
        guard !scenario.infos.isEmpty else { return line(PlayMessages.noInfos.text(language)) }
        guard let name else {
            line(PlayMessages.infoList.text(language))
            for info in scenario.infos { paragraph("\(info.id.name) — \(info.title)", indent: "  ") }
            return
        }
        let folded = name.lowercased()
        guard let info = scenario.infos.first(where: { $0.id.name.lowercased() == folded || $0.title.lowercased() == folded })
        else {
            let names = scenario.infos.map(\.id.name)
            let suggestion = Suggestion.nearest(to: name, in: names)
            return message(PlayMessages.unknownInfo(name, suggestion: suggestion, known: names))
        }
        line(style.bold(TextSafety.sanitize(info.title)))
        paragraph(state.interpolator.render(info.body))
    }

    func showTime() {
        let now = clock()
        guard let step = state.currentStep, let spent = state.elapsedInCurrentStep(now: now) else { return }
        let budget = step.budgetMinutes.map { TextLayout.clock(Double($0) * 60) }
        let left = state.remainingInCurrentStep(now: now).map { r in
            r >= 0 ? PlayMessages.timeLeft(TextLayout.clock(r.rounded(.up))).text(language)
                : PlayMessages.timeOver(TextLayout.clock(-r)).text(language)
        }
        line(PlayMessages.timeStatus(step, spent: TextLayout.clock(spent), budget: budget, left: left).text(language))
        let total = state.timings.reduce(0) { $0 + $1.spentSeconds } + (spent - state.timings[step.index].spentSeconds)
        line(PlayMessages.totalTime(TextLayout.clock(total)).text(language))
    }

    /// The answers so far, by step: a text preview of the sheet.
    func showSheetPreview() {
        line(style.bold(PlayMessages.sheetHeading.text(language)))
        guard !state.transcript.isEmpty else { return line(PlayMessages.sheetEmpty.text(language)) }
        var lastStep = -1
        for entry in state.transcript {
            if entry.stepIndex != lastStep {
                lastStep = entry.stepIndex
                line()
                line(style.bold(RuntimeMessages.stepHeader(Engine.stepInfo(scenario, entry.stepIndex)).text(language)))
            }
            paragraph("• " + entry.prompt)
            let value = entry.value.map { render($0) } ?? RuntimeMessages.skippedValue.text(language)
            paragraph(value, indent: "    ")
        }
    }

    /// An answer as the group reads it back.
    func render(_ value: AnswerValue) -> String {
        if case .list(let items) = value { return items.map { "- " + $0 }.joined(separator: "\n") }
        return state.interpolator.render(value)
    }

    func showOrphans() {
        guard !state.orphaned.isEmpty else { return }
        line(style.yellow(TextSafety.sanitize(RuntimeMessages.orphaned(state.orphaned).text(language))))
    }

    /// Step headers and `zeg` texts since the last answer.
    func showPendingOutput() {
        for item in state.output {
            switch item {
            case .stepStarted(let step):
                stepHeader(step)
            case .say(let text):
                line()
                paragraph(text)
                // A scenario that explains the effect scale itself needs no second legend.
                if text.contains("++") && text.contains("--") { effectLegendShown = true }
            }
        }
    }

    /// `Stap 2/4 — Oplossingen (10 min)`, underlined.
    func stepHeader(_ step: StepInfo) {
        line()
        let header = TextSafety.sanitize(RuntimeMessages.stepHeader(step).text(language))
        line(style.bold(header))
        line(String(repeating: "─", count: min(header.count, wrapWidth)))
    }

    /// `Stemmen:` and a bar per option, numbered as in the vote.
    func showTally(_ tally: [VoteCount]) {
        line(PlayMessages.tallyHeading.text(language))
        let most = tally.map(\.votes).max() ?? 0
        let digits = String(most).count
        for (index, count) in tally.enumerated() {
            let number = String(repeating: " ", count: digits - String(count.votes).count) + "\(count.votes)"
            let bar = TextLayout.pad(String(repeating: "■", count: count.votes), most)
            hanging("  \(number) \(bar)  \(index + 1). ", count.option)
        }
    }

    /// Tallies of votes that just completed, and winners just decided.
    func announceVotes() {
        for vote in state.votes {
            if !talliedVotes.contains(vote.key) {
                talliedVotes.insert(vote.key)
                line()
                showTally(vote.tally)
            }
            if let winner = vote.winner, !decidedVotes.contains(vote.key) {
                decidedVotes.insert(vote.key)
                line(style.bold(TextSafety.sanitize(RuntimeMessages.voteWinner(winner, decidedByGroup: vote.decidedByGroup).text(language))))
            }
        }
    }

    func showSummary() {
        line()
        line(style.bold(PlayMessages.summaryHeading.text(language)))
        for vote in state.votes {
            if let winner = vote.winner { paragraph(PlayMessages.chosen(winner).text(language)) }
        }
        for matrix in state.effectMatrices where matrix.cells.contains(where: { $0.contains { $0 != nil } }) {
            line()
            line(PlayMessages.effectHeading.text(language))
            for l in EffectMatrixTable.render(matrix, style: style, language: language, width: wrapWidth) { line(l) }
        }
        line()
        line(PlayMessages.timesHeading.text(language))
        let titleWidth = min(40, state.timings.map { TextSafety.sanitize($0.step.title).count }.max() ?? 0)
        for timing in state.timings {
            let title = TextLayout.pad(TextSafety.sanitize(timing.step.title), titleWidth)
            let budget = timing.budgetSeconds.map { TextLayout.clock($0) } ?? "—"
            var text = "  \(timing.step.index + 1). \(title)  \(TextLayout.clock(timing.spentSeconds)) / \(budget)"
            if timing.isOverBudget { text += "  " + style.red(PlayMessages.overBudget.text(language)) }
            line(text)
        }
        line()
    }
}
