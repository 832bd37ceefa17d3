import CasusCore

/// Reading input: from the answer script while it has answers, else from the keyboard.
extension PlaySession {
    func readReply(for prompt: Prompt) -> Reply {
        if let script = options.script, !scriptHandedOver, !scriptRejected.contains(prompt.key) {
            if let reply = scriptedReply(prompt, script) { return reply }
        }
        return keyboardReply(for: prompt)
    }

    /// The script's answer for `prompt`, echoed as if typed; nil when the keyboard takes over.
    private func scriptedReply(_ prompt: Prompt, _ script: AnswerScript) -> Reply? {
        guard let input = script.input(for: prompt.key) else {
            if options.interactive {
                scriptHandedOver = true
                line(style.yellow(PlayMessages.scriptEnded.text(language)))
                return nil
            }
            line()
            return .end(close(finished: false, message: PlayMessages.scriptEndedStop) ?? .inputEnded)
        }
        if let pace = options.paceMilliseconds, pace > 0 {
            out.write(promptString())
            options.sleep(pace)
        } else {
            out.write(promptString())
        }
        switch input {
        case .skip:
            line(":" + (language == .nl ? "overslaan" : "skip"))
            return .skip
        case .lines(let lines):
            for (index, text) in lines.enumerated() {
                if index > 0 { out.write(continuationPrompt) }
                line(TextSafety.sanitize(text))
            }
            if case .failure(let error) = AnswerParser.parse(lines, for: prompt) {
                let where_ = script.entry(for: prompt.key)?.line ?? 0
                let text = PlayMessages.scriptInvalid(script.path, where_, prompt.key.description, error.message.text(language))
                line(style.red(TextSafety.sanitize(text.text(language))))
                if options.interactive {
                    scriptRejected.insert(prompt.key)
                    return .interrupted
                }
                return .end(close(finished: false, message: nil) ?? .failed(text.text(language)))
            }
            return .lines(lines)
        }
    }

    /// Reads one answer at the keyboard (several lines for long text and lists).
    private func keyboardReply(for prompt: Prompt) -> Reply {
        editor.completions = completionProvider(for: prompt)
        switch editor.readLine(prompt: promptString()) {
        case .interrupted(let hadText):
            if !hadText { message(PlayMessages.howToStop) }
            return .interrupted
        case .endOfInput:
            return endOfInput()
        case .line(let first):
            switch PlayCommandWord.parse(first) {
            case .command(let command): return .command(command)
            case .unknown(let word, let suggestion): return .unknownCommand(word, suggestion: suggestion)
            case .notACommand: break
            }
            editor.addHistory(first)
            guard isMultiLine(prompt), !first.trimmingSpaces.isEmpty else { return .lines([first]) }
            var lines = [first]
            while true {
                switch editor.readLine(prompt: continuationPrompt) {
                case .interrupted:
                    return .interrupted
                case .endOfInput:
                    return .lines(lines)
                case .line(let next):
                    if next.trimmingSpaces.isEmpty { return .lines(lines) }
                    editor.addHistory(next)
                    lines.append(next)
                }
            }
        }
    }

    /// Ctrl-D at a terminal asks first; the end of piped input saves and ends.
    func endOfInput() -> Reply {
        guard options.interactive else { return .end(inputEnded()) }
        line()
        let words = [RuntimeMessages.yes.text(language), RuntimeMessages.no.text(language)]
        editor.completions = { _, word in CompletionMatching.prefixMatches(word, in: words) }
        while true {
            switch editor.readLine(prompt: PlayMessages.askSaveAndQuit.text(language)) {
            case .endOfInput:
                line()
                return .end(stop())
            case .interrupted:
                line(PlayMessages.goingOn.text(language))
                return .askAgain
            case .line(let answer):
                switch PlaySession.yesNo(answer) {
                case true?: return .end(stop())
                case false?:
                    line(PlayMessages.goingOn.text(language))
                    return .askAgain
                case nil:
                    line(RuntimeMessages.expectedYesNo.text(language))
                }
            }
        }
    }

    /// `j`/`ja`/`y`/`yes` or `n`/`nee`/`no`; nil otherwise.
    static func yesNo(_ text: String) -> Bool? {
        switch text.trimmingSpaces.lowercased() {
        case "j", "ja", "y", "yes": true
        case "n", "nee", "no": false
        default: nil
        }
    }

    /// Tab completion: commands after `:`, info names after `:info`, else the prompt's options,
    /// members and roles.
    func completionProvider(for prompt: Prompt?) -> CompletionProvider {
        let commands = PlayCommandWord.completionWords(language)
        let infos = scenario.infos.map(\.id.name)
        var answers: [String] = []
        if let prompt {
            switch prompt.type {
            case .role:
                answers = scenario.roles.map(\.id.name) + scenario.roles.map(\.name)
            case .yesNo:
                answers = [RuntimeMessages.yes.text(language), RuntimeMessages.no.text(language)]
            case .effect:
                answers = []
            default:
                answers = prompt.options.map(\.label)
            }
        }
        answers += state.setup?.members ?? []
        var seen = Set<String>()
        let candidates = answers.filter { seen.insert($0).inserted }
        return { linePrefix, word in
            let before = linePrefix.trimmingSpaces.lowercased()
            if before == ":info" { return CompletionMatching.prefixMatches(word, in: infos) }
            if word.hasPrefix(":") { return CompletionMatching.prefixMatches(word, in: commands) }
            return CompletionMatching.prefixMatches(word, in: candidates)
        }
    }
}
