/// Turns what the group typed into an `AnswerValue`, or says what is expected.
///
/// Input is the typed lines: one for single-line types, several for long text and lists.
/// Scripted answers (`AnswerScript`) go through the same parser.
public enum AnswerParser {
    /// Parses `lines` as the answer to `prompt`.
    public static func parse(_ lines: [String], for prompt: Prompt) -> Result<AnswerValue, AnswerInputError> {
        switch prompt.kind {
        case .question:
            return parse(lines, type: prompt.type, options: prompt.options)
        case .ballot:
            return pick(
                single(lines), prompt.options, expected: RuntimeMessages.expectedOption(prompt.options.count)
            )
            .map { .choice($0.value) }
        case .tieBreak(let tally):
            // The tied options keep the numbers they had in the vote (a tie of 1 and 3 is
            // picked with 1 or 3), so the group does not have to renumber.
            let numbers = prompt.options.compactMap { o in tally.firstIndex { $0.option == o.value }.map { $0 + 1 } }
            let input = single(lines)
            if let n = Int(input), n >= 1, n <= tally.count {
                guard let option = prompt.options.first(where: { $0.value == tally[n - 1].option }) else {
                    return .failure(.init(RuntimeMessages.expectedTiedOption(numbers)))
                }
                return .success(.vote(VoteDecision(chosen: option.value, tally: tally)))
            }
            return pick(input, prompt.options, expected: RuntimeMessages.expectedTiedOption(numbers))
                .map { .vote(VoteDecision(chosen: $0.value, tally: tally)) }
        }
    }

    /// Parses one typed text (lines separated by `\n`) as the answer to `prompt`.
    public static func parse(_ text: String, for prompt: Prompt) -> Result<AnswerValue, AnswerInputError> {
        parse(RuntimeText.lines(text), for: prompt)
    }

    /// Parses `lines` as an answer of `type`; `options` are what `choice`, `member`, `role`
    /// and `vote` pick from.
    public static func parse(
        _ lines: [String], type: AnswerType, options: [PromptOption]
    ) -> Result<AnswerValue, AnswerInputError> {
        switch type {
        case .text:
            let text = lines.map { RuntimeText.trim($0) }.filter { !$0.isEmpty }.joined(separator: " ")
            return text.isEmpty ? .failure(.init(RuntimeMessages.emptyAnswer)) : .success(.text(text))
        case .longText:
            let text = RuntimeText.trim(lines.map { RuntimeText.trim($0) }.joined(separator: "\n"))
            return text.isEmpty ? .failure(.init(RuntimeMessages.emptyAnswer)) : .success(.longText(text))
        case .list(let min, let max):
            return list(lines, min: min, max: max)
        case .yesNo:
            guard let b = ConditionEvaluator.yesNo(single(lines)) else {
                return .failure(.init(RuntimeMessages.expectedYesNo))
            }
            return .success(.yesNo(b))
        case .choice:
            return pick(single(lines), options, expected: RuntimeMessages.expectedOption(options.count))
                .map { .choice($0.value) }
        case .scale(let min, let max):
            guard let n = Int(single(lines)), (min...max).contains(n) else {
                return .failure(.init(RuntimeMessages.expectedScale(min, max)))
            }
            return .success(.scale(n))
        case .member:
            return pick(
                single(lines), options, expected: RuntimeMessages.expectedMember(options.map(\.label))
            )
            .map { .member($0.value) }
        case .role:
            return pick(single(lines), options, expected: RuntimeMessages.expectedRole(options.map(\.label)))
                .map { .role($0.value) }
        case .effect:
            return effect(single(lines))
        case .vote:
            return pick(single(lines), options, expected: RuntimeMessages.expectedOption(options.count))
                .map { .choice($0.value) }
        }
    }

    /// The input as one trimmed line (extra lines joined with spaces).
    private static func single(_ lines: [String]) -> String {
        lines.map { RuntimeText.trim($0) }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    private static func list(_ lines: [String], min: Int?, max: Int?) -> Result<AnswerValue, AnswerInputError>
    {
        let items = lines.map { line -> String in
            let trimmed = RuntimeText.trim(line)
            // People often type bullets; they are not part of the item.
            if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") {
                return RuntimeText.trim(trimmed.dropFirst(2))
            }
            return trimmed
        }.filter { !$0.isEmpty }
        if let min, items.count < min { return .failure(.init(RuntimeMessages.listTooShort(min))) }
        if items.isEmpty { return .failure(.init(RuntimeMessages.emptyList)) }
        if let max, items.count > max { return .failure(.init(RuntimeMessages.listTooLong(max))) }
        // Loops run once per item: the cap keeps a step's expansion within what the checker allowed.
        if items.count > Limits.maxListItems {
            return .failure(.init(LimitMessages.listAnswerTooLong(Limits.maxListItems)))
        }
        return .success(.list(items))
    }

    private static func effect(_ input: String) -> Result<AnswerValue, AnswerInputError> {
        let symbol = input.prefix { "+-0−–".contains($0) }
        let rest = input.dropFirst(symbol.count)
        // `++voelt zich gesteund` is typed as often as `++ voelt…`: a letter may follow directly.
        guard let rating = EffectRating(symbol: symbol), rest.isEmpty || rest.first!.isWhitespace || rest.first!.isLetter
        else {
            return .failure(.init(RuntimeMessages.expectedEffect))
        }
        let note = RuntimeText.trim(rest)
        return .success(.effect(rating, note: note.isEmpty ? nil : note))
    }

    /// Picks an option by 1-based number, by exact label or value (case-insensitive), or by a
    /// unique prefix of a label.
    static func pick(
        _ input: String, _ options: [PromptOption], expected: LocalizedText
    ) -> Result<PromptOption, AnswerInputError> {
        guard !options.isEmpty else { return .failure(.init(RuntimeMessages.noOptions)) }
        let folded = RuntimeText.fold(input)
        guard !folded.isEmpty else { return .failure(.init(expected)) }
        if let n = Int(folded) {
            if options.indices.contains(n - 1) { return .success(options[n - 1]) }
            // A number that is also an option's text (e.g. a scale-like choice) still counts.
        }
        if let exact = options.first(where: {
            RuntimeText.fold($0.label) == folded || RuntimeText.fold($0.value) == folded
        }) {
            return .success(exact)
        }
        let matches = options.filter { RuntimeText.fold($0.label).hasPrefix(folded) }
        if matches.count == 1 { return .success(matches[0]) }
        if matches.count > 1 { return .failure(.init(RuntimeMessages.ambiguousOption(matches.map(\.label)))) }
        return .failure(.init(expected))
    }
}
