import CasusCore

/// Asking one prompt: show it, read the answer (keyboard or script), parse, record.
extension PlaySession {
    /// What came back from reading a prompt's input.
    enum Reply {
        case lines([String])
        /// `:stop` inside a multi-line answer: the lines before it are the answer, then stop.
        case linesThenStop([String])
        case skip
        case command(PlayCommandWord)
        case unknownCommand(String, suggestion: String?)
        /// Ctrl-C: the line is gone; ask again at the same prompt.
        case interrupted
        /// Something was said in between (the group chose to go on at Ctrl-D): show the
        /// question again, then ask.
        case askAgain
        /// The session ends here.
        case end(PlayEnding)
    }

    /// Asks `prompt` until it is answered or skipped (nil) or the session ends.
    func ask(_ prompt: Prompt) -> PlayEnding? {
        noticeRoom()
        if let answered = answerFromRoom(prompt) { return answered }
        showQuestion(prompt, full: true)
        // List items already typed when the list was still too short: kept, not retyped.
        var carried: [String] = []
        while true {
            noticeBudget()
            let reply = readReply(for: prompt)
            switch reply {
            case .end(let ending):
                return ending
            case .interrupted:
                continue
            case .askAgain:
                showQuestion(prompt, full: false)
            case .skip:
                if let ending = record(.skip(prompt.key, at: clock())) { return ending }
                line(PlayMessages.skipped.text(language))
                return nil
            case .unknownCommand(let word, let suggestion):
                message(PlayMessages.unknownCommand(word, suggestion: suggestion))
            case .command(let command):
                switch command {
                case .skip:
                    if let ending = record(.skip(prompt.key, at: clock())) { return ending }
                    line(PlayMessages.skipped.text(language))
                    return nil
                case .back:
                    let before = events.count
                    if let ending = undo() { return ending }
                    if events.count != before { return nil }
                    showQuestion(prompt, full: false)
                case .quit:
                    return stop()
                default:
                    runCommand(command)
                    showQuestion(prompt, full: false)
                }
            case .lines(let typed), .linesThenStop(let typed):
                let lines = carried + typed
                switch AnswerParser.parse(lines, for: prompt) {
                case .success(let value):
                    if let ending = record(.answer(prompt.key, value, at: clock())) { return ending }
                    if case .linesThenStop = reply { return stop() }
                    return nil
                case .failure(let error):
                    // An invalid answer does not stop play, also after `:stop`: the group
                    // sees why and can stop at the fresh prompt.
                    styled(error.message.text(language), style.yellow)
                    let items = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                    if case .list(let min?, _) = prompt.type, !items.isEmpty, items.count < min {
                        carried = items
                        line(PlayMessages.listSoFar(items.count).text(language))
                        for item in items { line("  - " + TextSafety.sanitize(item)) }
                    } else {
                        carried = []
                    }
                    showQuestion(prompt, full: false)
                }
            }
        }
    }

    /// Commands that show something and leave the question open.
    func runCommand(_ command: PlayCommandWord) {
        switch command {
        case .help:
            line(PlayMessages.helpHeading.text(language))
            for entry in PlayCommandWord.helpEntries(language) { hanging("  " + TextLayout.pad(entry.words, 24), entry.help) }
            message(PlayMessages.helpFooter)
        case .showCase: showCase()
        case .roles: showRoles()
        case .info(let name): showInfo(name)
        case .time: showTime()
        case .sheet(let all): showSheet(all: all)
        case .save: message(PlayMessages.saved)
        case .back, .skip, .quit: break
        }
    }

    /// The question: who has the word, the text, a hint for the answer type, numbered options.
    /// `full: false` repeats only the text and hint (after an invalid answer or a command).
    func showQuestion(_ prompt: Prompt, full: Bool) {
        line()
        switch prompt.kind {
        case .question:
            if full, let speaker = prompt.speaker {
                styled(RuntimeMessages.speaker(speaker).text(language), style.bold)
            }
            if prompt.type == .effect && !effectLegendShown {
                effectLegendShown = true
                message(PlayMessages.effectLegend)
            }
            paragraph(prompt.text + hint(for: prompt))
        case .ballot(let voter):
            if full { styled(RuntimeMessages.speaker(voter).text(language), style.bold) }
            paragraph(prompt.text)
            paragraph(RuntimeMessages.ballot(voter).text(language) + " " + PlayMessages.pickHint.text(language))
        case .tieBreak(let tally):
            // The tally first, so the group sees why it has to choose; it is not repeated
            // when the choice is made.
            if full {
                showTally(tally)
                talliedVotes.insert(prompt.key)
                line()
            }
            let leaders = prompt.options.map(\.label)
            paragraph(RuntimeMessages.tie(leaders).text(language) + " " + PlayMessages.pickHint.text(language))
            // The tied options keep the numbers they had in the vote.
            for option in prompt.options {
                let number = (tally.firstIndex { $0.option == option.value } ?? 0) + 1
                hanging("  \(number). ", option.label)
            }
            return
        }
        if full || prompt.options.count <= 12 {
            for (index, option) in prompt.options.enumerated() {
                hanging("  \(index + 1). ", option.label)
            }
        }
    }

    private func hint(for prompt: Prompt) -> String {
        let text: LocalizedText?
        switch prompt.type {
        case .text, .vote: text = nil
        case .longText: text = PlayMessages.longHint
        case .list(let min, let max):
            // "Eén oplossing per regel." in the question itself: the hint need not say it again.
            let folded = prompt.text.lowercased()
            let said = folded.contains("per regel") || folded.contains("per line")
            text = PlayMessages.listHint(min: min, max: max, onePerLine: !said)
        case .yesNo: text = PlayMessages.yesNoHint
        case .choice, .member, .role: text = PlayMessages.pickHint
        case .scale(let min, let max): text = PlayMessages.scaleHint(min, max)
        case .effect: text = PlayMessages.effectHint
        }
        return text.map { " " + $0.text(language) } ?? ""
    }

    /// The budget notices that are due, written before a prompt (also on piped input).
    func noticeBudget() {
        for notice in budgetNotices() { line(notice) }
        noticeRoom()
    }

    /// What the room has to say, written before a prompt (also on piped input).
    func noticeRoom() {
        for notice in roomNotices() { line(notice) }
    }

    /// The notices due now, each once per step: one a minute before the step's budget is
    /// spent (for budgets of 2 minutes or more) and one the moment it is spent, both naming
    /// the timekeeper. Wrapped and styled, ready to show.
    func budgetNotices() -> [String] {
        guard let step = state.currentStep, let minutes = step.budgetMinutes, !budgetNoticeShown.contains(step.index),
            let left = state.remainingInCurrentStep(now: clock())
        else { return [] }
        let timekeeper = state.setup?.jobs[.timekeeper]
        let text: LocalizedText
        if left <= 0 {
            budgetNoticeShown.insert(step.index)
            text = PlayMessages.budgetSpent(step, timekeeper: timekeeper)
        } else if left <= 60, minutes >= 2, !budgetWarningShown.contains(step.index) {
            budgetWarningShown.insert(step.index)
            text = PlayMessages.budgetAlmostSpent(step, timekeeper: timekeeper)
        } else {
            return []
        }
        // One column less: the clock emoji takes two.
        return TextWrap.wrap(TextSafety.sanitize(text.text(language)), width: wrapWidth - 1).map(style.yellow)
    }

    /// At a terminal, what keeps the prompt current while the group thinks: the time left
    /// (not in the continuation prompt of a long answer) and the budget notices.
    /// Nothing moves the group on: the notices only tell.
    func livePrompt(showsTime: Bool) -> LivePrompt? {
        guard options.showsClock else { return nil }
        return { [self] in
            let notices = budgetNotices() + roomNotices()
            return LivePromptUpdate(prompt: showsTime ? promptString() : nil, notices: notices)
        }
    }

    /// The prompt string: `[mm:ss] > ` with the time left on a terminal, `> ` otherwise.
    func promptString() -> String {
        guard options.showsClock, let left = state.remainingInCurrentStep(now: clock()) else { return "> " }
        return "[\(TextLayout.clock(left >= 0 ? left.rounded(.up) : left))] > "
    }

    var continuationPrompt: String { "  … " }

    /// True for answers typed over several lines (an empty line ends).
    func isMultiLine(_ prompt: Prompt) -> Bool {
        guard case .question = prompt.kind else { return false }
        switch prompt.type {
        case .longText, .list: return true
        default: return false
        }
    }
}
