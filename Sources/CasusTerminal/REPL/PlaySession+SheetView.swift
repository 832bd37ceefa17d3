import CasusCore

/// `:blad` / `:sheet`: what the presenter presents from, on one screen; `:blad alles` /
/// `:sheet all`: every answer so far. Both go through the pager when longer than the screen.
extension PlaySession {
    func showSheet(all: Bool) {
        let lines = all ? sheetTranscriptLines() : presentationLines()
        let text = lines.joined(separator: "\n") + "\n"
        if let page = options.page, page(text) { return }
        out.write(text)
    }

    /// The case in a line, the group and its jobs, the chosen solution and the plan, the
    /// pitch with its speaking time, and the effect matrix.
    func presentationLines() -> [String] {
        let model = SheetModel(state: state, language: language)
        var lines: [String] = []
        func add(_ text: String) { lines.append(text) }
        func wrapped(_ text: String, indent: String = "") {
            lines += TextWrap.wrap(TextSafety.sanitize(text), width: wrapWidth, indent: indent)
        }
        func heading(_ text: LocalizedText) {
            for line in TextWrap.wrap(text.text(language), width: wrapWidth, indent: "") { add(style.bold(line)) }
        }

        for line in TextWrap.wrap(TextSafety.sanitize(PlayMessages.presentationHeading(model.title).text(language)), width: wrapWidth, indent: "") {
            add(style.bold(line))
        }
        if let caseText = model.caseText {
            add(TextLayout.oneLine(TextSafety.sanitize(PlayMessages.caseInALine.text(language) + " " + caseText), width: wrapWidth))
        }
        if let setup = model.setup {
            add("")
            wrapped("\(setup.group): \(setup.members.joined(separator: ", "))")
            let jobs = Job.allCases.compactMap { job in setup.jobs[job].map { "\(job.name(language)) \($0)" } }
            if !jobs.isEmpty { wrapped(jobs.joined(separator: " · "), indent: "  ") }
        }
        add("")
        let chosenLabel = PlayMessages.chosenLabel.text(language) + " "
        hangingLines(chosenLabel, model.chosen ?? PlayMessages.notChosenYet.text(language), into: &lines)
        for (_, speech) in model.pitches {
            let line = SheetLabels(language).speakingLine(speech)
            for part in TextWrap.wrap(line, width: wrapWidth, indent: "") { add(speech.isOverLimit ? style.red(part) : part) }
        }
        // Short parts first, so the top of the screen holds the decision; the long texts last.
        for matrix in state.effectMatrices where matrix.cells.contains(where: { $0.contains { $0 != nil } }) {
            add("")
            heading(PlayMessages.effectHeading)
            lines += effectLines(matrix)
        }
        if let plan = model.plan, let text = plan.text {
            add("")
            heading(PlayMessages.planHeading)
            wrapped(text, indent: "  ")
        }
        for (answer, _) in model.pitches {
            add("")
            heading(PlayMessages.pitchHeading(presenter: model.setup?.jobs[.presenter]))
            wrapped(answer.text ?? "", indent: "  ")
        }
        add("")
        add(PlayMessages.sheetAllHint.text(language))
        return lines
    }

    /// The effect table; when its columns do not fit the screen, one short row per solution
    /// with the roles named once above it.
    func effectLines(_ matrix: EffectMatrix) -> [String] {
        let table = EffectMatrixTable.render(matrix, style: .plain, language: language, width: wrapWidth)
        guard table.contains(where: { $0.count > wrapWidth }) else {
            return EffectMatrixTable.render(matrix, style: style, language: language, width: wrapWidth)
        }
        var lines: [String] = []
        hangingLines(PlayMessages.rolesInOrder.text(language) + " ", matrix.roles.map(\.id.name).joined(separator: ", "), into: &lines)
        for (row, cells) in matrix.cells.enumerated() {
            let symbols = cells.map { TextLayout.pad($0?.rating.rawValue ?? "·", 2) }.joined(separator: " ")
            let total = matrix.totals[row]
            let number = "\(row + 1). "
            lines.append(number + symbols + "  " + (total > 0 ? "+" : "") + "\(total)")
            for line in TextWrap.wrap(TextSafety.sanitize(matrix.solutions[row]), width: wrapWidth, indent: "   ") { lines.append(line) }
        }
        return lines
    }

    /// `prefix` then `text` wrapped, later lines indented under the text.
    /// On a narrow screen a long prefix gets a line of its own.
    func hangingLines(_ prefix: String, _ text: String, into lines: inout [String]) {
        if prefix.count > wrapWidth / 2 {
            lines += TextWrap.wrap(prefix, width: wrapWidth, indent: "")
            lines += TextWrap.wrap(TextSafety.sanitize(text), width: wrapWidth, indent: "  ")
            return
        }
        let indent = String(repeating: " ", count: prefix.count)
        for (n, l) in TextWrap.wrap(TextSafety.sanitize(text), width: wrapWidth, indent: indent).enumerated() {
            lines.append(n == 0 ? prefix + l.dropFirst(indent.count) : l)
        }
    }

    /// Every answer so far by step; a vote shows its question once, with who voted what.
    func sheetTranscriptLines() -> [String] {
        var lines: [String] = [style.bold(PlayMessages.sheetHeading.text(language))]
        func wrapped(_ text: String, indent: String = "") {
            lines += TextWrap.wrap(TextSafety.sanitize(text), width: wrapWidth, indent: indent)
        }
        if let setup = state.setup {
            wrapped("\(setup.group): \(setup.members.joined(separator: ", "))")
            let jobs = Job.allCases.compactMap { job in setup.jobs[job].map { "\(job.name(language)) \($0)" } }
            if !jobs.isEmpty { wrapped(jobs.joined(separator: " · "), indent: "  ") }
        }
        guard !state.transcript.isEmpty else {
            lines.append(PlayMessages.sheetEmpty.text(language))
            return lines
        }
        var lastStep = -1
        var shownVotes = Set<AnswerKey>()
        for entry in state.transcript {
            if entry.stepIndex != lastStep {
                lastStep = entry.stepIndex
                lines.append("")
                lines.append(style.bold(TextSafety.sanitize(RuntimeMessages.stepHeader(Engine.stepInfo(scenario, entry.stepIndex)).text(language))))
            }
            if entry.question.keyword == .vote, let vote = state.votes.first(where: { entry.key.dropLast == $0.key || entry.key == $0.key }) {
                guard shownVotes.insert(vote.key).inserted else { continue }
                hangingLines("• ", entry.prompt, into: &lines)
                for ballot in vote.ballots {
                    wrapped("\(ballot.member): \(ballot.option ?? RuntimeMessages.skippedValue.text(language))", indent: "    ")
                }
                if let winner = vote.winner {
                    wrapped(RuntimeMessages.voteWinner(winner, decidedByGroup: vote.decidedByGroup).text(language), indent: "    ")
                }
                continue
            }
            hangingLines("• ", entry.prompt, into: &lines)
            wrapped(entry.value.map { render($0) } ?? RuntimeMessages.skippedValue.text(language), indent: "    ")
        }
        return lines
    }
}
