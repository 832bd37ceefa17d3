import CasusCore

/// The start of a session: group name, members and jobs, recorded as one setup event.
extension PlaySession {
    /// Asks for (or takes from the script) the group; an ending when the session ends here.
    func runSetup() -> PlayEnding? {
        if let script = options.script, let setup = script.setup {
            let problems = setup.problems(for: scenario)
            if let problem = problems.first {
                let text = PlayMessages.scriptSetupInvalid(script.path, problem.text(language)).text(language)
                line(style.red(TextSafety.sanitize(text)))
                return .failed(text)
            }
            line()
            out.write(PlayMessages.groupName.text(language) + " ")
            line(TextSafety.sanitize(setup.group))
            paragraph(PlayMessages.membersIntro(scenario.metadata.members).text(language))
            for (index, member) in setup.members.enumerated() {
                line(PlayMessages.memberPrompt(index + 1).text(language) + TextSafety.sanitize(member))
            }
            for job in scenario.metadata.jobs {
                let who = setup.jobs[job].map(TextSafety.sanitize) ?? RuntimeMessages.nobody.text(language)
                line("\(job.name(language)): \(who)")
            }
            return finishSetup(setup)
        }
        // One stage per question; `:terug` undoes the last thing given, back through setup.
        let jobList = scenario.metadata.jobs
        var group = ""
        var members: [String] = []
        var jobs: [Job: String] = [:]
        var stage = 0  // 0: group name, 1: members, 2 + i: job i
        while stage < 2 + jobList.count {
            switch stage {
            case 0:
                switch readGroupName() {
                case .left: return setupEnded()
                case .back: line(PlayMessages.nothingToUndo.text(language))
                case .done(let name):
                    group = name
                    stage = 1
                }
            case 1:
                switch readMembers(&members) {
                case .left: return setupEnded()
                case .back:
                    line(PlayMessages.undone.text(language))
                    stage = 0
                case .done: stage = 2
                }
            default:
                let job = jobList[stage - 2]
                switch readJob(job, members: members, jobs: jobs) {
                case .left: return setupEnded()
                case .back:
                    line(PlayMessages.undone.text(language))
                    stage -= 1
                    if stage >= 2 {
                        jobs[jobList[stage - 2]] = nil
                    } else if members.count == scenario.metadata.members.upperBound {
                        // The list ended by itself at the maximum: undoing that is the last name.
                        members.removeLast()
                    }
                case .done(let who):
                    jobs[job] = who
                    stage += 1
                }
            }
        }
        return finishSetup(GroupSetup(group: group, members: members, jobs: jobs))
    }

    /// The outcome of one setup question.
    enum SetupAnswer<Value> {
        case done(Value)
        /// `:terug` with nothing left to undo at this question: go back one question.
        case back
        /// `:stop`, Ctrl-D or the end of input.
        case left
    }

    private func finishSetup(_ setup: GroupSetup) -> PlayEnding? {
        if let ending = record(.setup(setup, at: clock())) { return ending }
        line()
        paragraph(PlayMessages.groupReady(setup.group, Interpolator.list(setup.members, language: language)).text(language))
        return nil
    }

    private func setupEnded() -> PlayEnding {
        line()
        // At a terminal the group chose to leave; piped input simply ran out.
        let message = options.interactive ? PlayMessages.leftBeforeSetup : PlayMessages.inputEndedBeforeSetup
        line(message.text(language))
        // Lets the recorder remove the (empty) session it prepared before the first question.
        if let failed = close(finished: false, message: nil) { return failed }
        return setupStopped ? .stopped : .inputEnded
    }

    /// One line during setup; nil when the group leaves (`:stop`, Ctrl-D, end of input).
    /// Commands that need a group are refused; the others run and the line is asked again.
    /// `askAgain` shows the question again after a command printed something in between.
    private func setupLine(_ promptText: String, completions: [String] = [], askAgain: () -> Void) -> String? {
        let commands = PlayCommandWord.completionWords(language)
        editor.completions = { _, word in
            CompletionMatching.prefixMatches(word, in: word.hasPrefix(":") ? commands : completions)
        }
        while true {
            switch editor.readLine(prompt: promptText) {
            case .interrupted(let hadText):
                if !hadText { message(PlayMessages.howToStopInSetup) }
            case .endOfInput:
                setupStopped = options.interactive
                return nil
            case .line(let text):
                switch PlayCommandWord.parse(text) {
                case .notACommand:
                    editor.addHistory(text)
                    return text
                case .unknown(let word, let suggestion):
                    message(PlayMessages.unknownCommand(word, suggestion: suggestion))
                    askAgain()
                case .command(.quit):
                    setupStopped = true
                    return nil
                case .command(.back):
                    return ":back"
                case .command(.skip):
                    return ":skip"
                case .command(let command):
                    switch command {
                    case .help, .showCase, .roles, .info, .save: runCommand(command)
                    default: line(PlayMessages.notDuringSetup.text(language))
                    }
                    askAgain()
                }
            }
        }
    }

    private func readGroupName() -> SetupAnswer<String> {
        line()
        line(PlayMessages.groupName.text(language))
        while true {
            guard let text = setupLine(PlayMessages.groupPrompt.text(language), askAgain: { [self] in
                line(PlayMessages.groupName.text(language))
            }) else { return .left }
            if text == ":back" { return .back }
            let name = text.trimmingSpaces
            if name.isEmpty {
                line(style.yellow(RuntimeMessages.emptyGroupName.text(language)))
                continue
            }
            return .done(name)
        }
    }

    /// Adds to `members` until an empty line or the maximum; `.back` when `:terug` comes with
    /// no member left to take away.
    private func readMembers(_ members: inout [String]) -> SetupAnswer<Void> {
        let range = scenario.metadata.members
        func intro(_ members: [String]) {
            line()
            paragraph(PlayMessages.membersIntro(range).text(language))
            if !members.isEmpty {
                paragraph(PlayMessages.membersSoFar(Interpolator.list(members, language: language)).text(language))
            }
        }
        intro(members)
        while members.count < range.upperBound {
            guard let text = setupLine(PlayMessages.memberPrompt(members.count + 1).text(language), askAgain: { intro(members) })
            else { return .left }
            if text == ":back" {
                if members.isEmpty { return .back }
                members.removeLast()
                line(PlayMessages.undone.text(language))
                continue
            }
            let names = Self.memberNames(in: text)
            if names.isEmpty {
                if members.count >= range.lowerBound { return .done(()) }
                line(style.yellow(PlayMessages.tooFewMembers(range.lowerBound).text(language)))
                continue
            }
            var added: [String] = []
            for name in names where members.count < range.upperBound {
                if members.contains(where: { $0.lowercased() == name.lowercased() }) {
                    line(style.yellow(TextSafety.sanitize(RuntimeMessages.duplicateMember(name).text(language))))
                } else if name.contains("[") || name.contains("]") || name.contains("\\") {
                    line(style.yellow(TextSafety.sanitize(RuntimeMessages.bracketInName(name).text(language))))
                } else {
                    members.append(name)
                    added.append(name)
                }
            }
            // Several names on one line: say how they were read, so a name that should have
            // been one (or a typo in a separator) shows at once.
            if names.count > 1, !added.isEmpty {
                message(PlayMessages.membersAdded(Interpolator.list(added, language: language)))
            }
        }
        line(PlayMessages.maxMembersReached(range.upperBound).text(language))
        return .done(())
    }

    /// The names on one line of the members question: one per line as asked, but a group
    /// that types `Anna, Bram, Carla en Daan` means four people, not one.
    static func memberNames(in text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == ";" })
            .flatMap { part in
                part.split(separator: " ").split { $0.lowercased() == "en" || $0.lowercased() == "and" }
                    .map { $0.joined(separator: " ") }
            }
            .map(\.trimmingSpaces)
            .filter { !$0.isEmpty }
    }

    /// `.done(nil)`: nobody (skipped). A member who already has a job is refused while there are
    /// members enough for one job each, and pointed out when not.
    private func readJob(_ job: Job, members: [String], jobs: [Job: String]) -> SetupAnswer<String?> {
        let options = members.map { PromptOption(value: $0, label: $0) }
        let question = { [self] in
            line()
            paragraph(PlayMessages.jobQuestion(job).text(language) + " " + PlayMessages.pickHint.text(language))
            for (index, member) in members.enumerated() { line("     \(index + 1). \(TextSafety.sanitize(member))") }
        }
        question()
        let doubleAllowed = GroupSetup.allowsDoubleJobs(members: members.count, jobs: scenario.metadata.jobs.count)
        while true {
            guard let text = setupLine(PlayMessages.jobPrompt(job).text(language), completions: members, askAgain: question)
            else { return .left }
            if text == ":back" { return .back }
            if text == ":skip" { return .done(nil) }
            switch AnswerParser.parse([text], type: .member, options: options) {
            case .success(.member(let name)):
                if let has = scenario.metadata.jobs.first(where: { jobs[$0] == name }) {
                    guard doubleAllowed else {
                        message(RuntimeMessages.doubleJob(name, has: has, wanted: job))
                        continue
                    }
                    message(PlayMessages.alsoHasJob(name, has, job))
                }
                return .done(name)
            case .success: continue
            case .failure(let error): line(style.yellow(TextSafety.sanitize(error.message.text(language))))
            }
        }
    }
}
