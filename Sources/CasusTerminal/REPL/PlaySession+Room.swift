import CasusCore

/// The room (`casus play --room`): the facilitator's messages and the answers the room gives.
/// The room never holds up play: what it says is shown at the next prompt (or above the line
/// being typed), and when it is away the group sees one quiet line per step at most.
extension PlaySession {
    /// Lines to show now: the facilitator's new messages, and the quiet line when the room is
    /// away (once per step). Wrapped and styled, ready to show.
    func roomNotices() -> [String] {
        guard let room = options.room else { return [] }
        var lines: [String] = []
        for text in room.takeMessages() {
            let said = PlayMessages.roomMessage(text).text(language)
            lines += TextWrap.wrap(TextSafety.sanitize(said), width: wrapWidth).map { style.bold($0) }
        }
        let step = state.currentStep?.index ?? -1
        if room.isUnreachable, roomTroubleShown.insert(step).inserted {
            lines += TextWrap.wrap(PlayMessages.roomAway.text(language), width: wrapWidth).map(style.dim)
        } else if !room.isUnreachable {
            // Away again later in the same step: say so again then.
            roomTroubleShown.remove(step)
        }
        return lines
    }

    /// The room's answer for `prompt`, parsed, if it gives one that fits.
    func roomAnswer(for prompt: Prompt) -> (value: AnswerValue, label: String)? {
        guard case .question = prompt.kind, let room = options.room else { return nil }
        if Self.isTopicQuestion(prompt), !room.isUnreachable, !room.presets.contains(where: { $0.key == prompt.key.description }) {
            // A scripted group reaches the topic a moment after its setup, before the room's
            // answer to the join is in: give the room a moment to hand the topic out.
            room.awaitRoom(seconds: 2)
        }
        guard let preset = room.presets.first(where: { $0.key == prompt.key.description }) else { return nil }
        guard let lines = Self.scriptLines(preset), case .success(let value) = AnswerParser.parse(lines, for: prompt) else {
            return nil
        }
        return (value, preset.label ?? render(value))
    }

    /// Answers `prompt` with the room's answer: the question is shown, then where the answer
    /// came from. Nil when the room gives none (the group answers); else how it went.
    func answerFromRoom(_ prompt: Prompt) -> PlayEnding?? {
        guard let (value, label) = roomAnswer(for: prompt) else { return nil }
        showQuestion(prompt, full: true)
        styled(PlayMessages.roomAnswered(label).text(language), style.bold)
        roomApplied[prompt.key.description] = value
        return .some(record(.answer(prompt.key, value, at: clock())))
    }

    /// A room answer that changed after the question was answered (the facilitator gave the
    /// group another topic): shown, and recorded as the new answer for that key.
    func takeRoomChanges() -> PlayEnding? {
        guard let room = options.room else { return nil }
        for preset in room.presets {
            guard let key = AnswerKey(canonical: preset.key), let current = state.answers[key],
                let info = scenario.questions[key.questionId], let lines = Self.scriptLines(preset)
            else { continue }
            let options = info.question.options.map { PromptOption(value: $0.text, label: $0.text) }
            guard case .success(let value) = AnswerParser.parse(lines, type: info.question.type, options: options),
                value != current, roomApplied[preset.key] != value
            else { continue }
            roomApplied[preset.key] = value
            line()
            styled(PlayMessages.roomChanged(preset.label ?? render(value)).text(language), style.bold)
            if let ending = record(.answer(key, value, at: clock())) { return ending }
        }
        return nil
    }

    /// Opdracht 2's topic question, found as the room finds it: a choice whose options are
    /// the guide's six topics.
    static func isTopicQuestion(_ prompt: Prompt) -> Bool {
        guard prompt.type == .choice, prompt.key.components.isEmpty else { return false }
        let topics = Set(prompt.options.compactMap { ProtocolDraft.Topic.match($0.label) })
        return topics.count == ProtocolDraft.Topic.allCases.count
    }

    /// The preset's answer as the lines a script would give for it.
    private static func scriptLines(_ preset: RoomAnswer) -> [String]? {
        let (script, diagnostics) = AnswerScript.parse("\(preset.key): \(preset.answer)\n", path: "room")
        guard !diagnostics.hasErrors, let key = AnswerKey(canonical: preset.key),
            case .lines(let lines)? = script.input(for: key)
        else { return nil }
        return lines
    }
}
