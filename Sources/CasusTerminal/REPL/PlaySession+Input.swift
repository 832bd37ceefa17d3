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
                styled(PlayMessages.scriptEnded.text(language), style.yellow)
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
        switch editor.readLine(prompt: promptString(), live: livePrompt(showsTime: true)) {
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
                switch editor.readLine(prompt: continuationPrompt, live: livePrompt(showsTime: false)) {
                case .interrupted:
                    return .interrupted
                case .endOfInput:
                    return .lines(lines)
                case .line(let next):
                    if next.trimmingSpaces.isEmpty { return .lines(lines) }
                    switch PlayCommandWord.parse(next) {
                    case .notACommand:
                        editor.addHistory(next)
                        lines.append(next)
                    case .command(.quit):
                        // What was typed is not lost: it ends the answer, then play stops.
                        return .linesThenStop(lines)
                    case .command(let command) where command == .skip || command == .back:
                        // Explicit choices: the lines typed so far are dropped.
                        return .command(command)
                    case .command(let command):
                        // Only shows something: the answer goes on where it was.
                        runCommand(command)
                        message(PlayMessages.answerKept)
                    case .unknown(let word, let suggestion):
                        message(PlayMessages.unknownCommand(word, suggestion: suggestion))
                    }
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
}
