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
        guard let group = readGroupName() else { return setupEnded() }
        guard let members = readMembers() else { return setupEnded() }
        var jobs: [Job: String] = [:]
        for job in scenario.metadata.jobs {
            switch readJob(job, members: members) {
            case .none: return setupEnded()
            case .some(.none): continue
            case .some(.some(let who)): jobs[job] = who
            }
        }
        return finishSetup(GroupSetup(group: group, members: members, jobs: jobs))
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
    private func setupLine(_ promptText: String, completions: [String] = []) -> String? {
        let commands = PlayCommandWord.completionWords(language)
        editor.completions = { _, word in
            CompletionMatching.prefixMatches(word, in: word.hasPrefix(":") ? commands : completions)
        }
        while true {
            switch editor.readLine(prompt: promptText) {
            case .interrupted: continue
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
                }
            }
        }
    }

    private func readGroupName() -> String? {
        while true {
            line()
            line(PlayMessages.groupName.text(language))
            guard let text = setupLine("> ") else { return nil }
            if text == ":back" { continue }
            let name = text.trimmingSpaces
            if name.isEmpty {
                line(style.yellow(RuntimeMessages.emptyGroupName.text(language)))
                continue
            }
            return name
        }
    }

    private func readMembers() -> [String]? {
        let range = scenario.metadata.members
        line()
        paragraph(PlayMessages.membersIntro(range).text(language))
        var members: [String] = []
        while members.count < range.upperBound {
            guard let text = setupLine(PlayMessages.memberPrompt(members.count + 1).text(language)) else { return nil }
            if text == ":back" {
                if !members.isEmpty { members.removeLast() }
                continue
            }
            let name = text.trimmingSpaces
            if name.isEmpty {
                if members.count >= range.lowerBound { return members }
                line(style.yellow(PlayMessages.tooFewMembers(range.lowerBound).text(language)))
                continue
            }
            if members.contains(where: { $0.lowercased() == name.lowercased() }) {
                line(style.yellow(TextSafety.sanitize(RuntimeMessages.duplicateMember(name).text(language))))
                continue
            }
            if name.contains("[") || name.contains("]") || name.contains("\\") {
                line(style.yellow(TextSafety.sanitize(RuntimeMessages.bracketInName(name).text(language))))
                continue
            }
            members.append(name)
        }
        line(PlayMessages.maxMembersReached(range.upperBound).text(language))
        return members
    }

    /// nil: the group left; .some(nil): nobody (skipped); .some(name).
    private func readJob(_ job: Job, members: [String]) -> String?? {
        let options = members.map { PromptOption(value: $0, label: $0) }
        line()
        line(PlayMessages.jobQuestion(job).text(language) + " " + PlayMessages.pickHint.text(language))
        for (index, member) in members.enumerated() { line("     \(index + 1). \(TextSafety.sanitize(member))") }
        while true {
            guard let text = setupLine("> ", completions: members) else { return nil }
            if text == ":back" { continue }
            if text == ":skip" { return .some(nil) }
            switch AnswerParser.parse([text], type: .member, options: options) {
            case .success(.member(let name)): return .some(name)
            case .success: continue
            case .failure(let error): line(style.yellow(TextSafety.sanitize(error.message.text(language))))
            }
        }
    }
}

