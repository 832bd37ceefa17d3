import CasusCore

/// Tab completion at a prompt: each question type offers its own candidates only.
extension PlaySession {
    /// What Tab offers at `prompt`.
    ///
    /// - A line starting with `:` completes the commands, and `:info ` the info names.
    /// - An answer that is one of a set (choice, vote, tie-break, member, role, yes/no,
    ///   effect) completes that set only, and only as the whole answer: `Een her` + Tab
    ///   gives the whole option `Een hertje redden`, a word later in the line nothing.
    /// - Free text (text, long text, list) completes member names and role ids anywhere.
    /// - A scale completes nothing.
    func completionProvider(for prompt: Prompt?) -> CompletionProvider {
        let commands = PlayCommandWord.completionWords(language)
        let infos = scenario.infos.map(\.id.name)
        let (candidates, wholeAnswer) = completionCandidates(for: prompt)
        return { linePrefix, word in
            let before = linePrefix.trimmingSpaces
            if before.lowercased() == ":info" { return CompletionMatching.prefixMatches(word, in: infos) }
            let answer = Substring(word).drop { $0 == " " || $0 == "\t" }
            if before.isEmpty, answer.hasPrefix(":") { return CompletionMatching.prefixMatches(String(answer), in: commands) }
            if before.hasPrefix(":") { return [] }
            if wholeAnswer { return before.isEmpty ? CompletionMatching.prefixMatches(String(answer), in: candidates) : [] }
            return CompletionMatching.prefixMatches(word, in: candidates)
        }
    }

    /// The candidates for `prompt` and whether they complete the whole answer (else any word).
    private func completionCandidates(for prompt: Prompt?) -> (candidates: [String], wholeAnswer: Bool) {
        let members = state.setup?.members ?? []
        guard let prompt else { return (members, false) }
        let candidates: [String]
        var wholeAnswer = true
        switch prompt.kind {
        case .ballot, .tieBreak:
            candidates = prompt.options.map(\.label)
        case .question:
            switch prompt.type {
            case .choice, .vote, .member: candidates = prompt.options.map(\.label)
            case .role: candidates = scenario.roles.map(\.id.name) + scenario.roles.map(\.name)
            case .yesNo: candidates = [RuntimeMessages.yes.text(language), RuntimeMessages.no.text(language)]
            case .effect: candidates = EffectRating.allCases.map(\.rawValue)
            case .scale: candidates = []
            case .text, .longText, .list:
                candidates = members + scenario.roles.map(\.id.name)
                wholeAnswer = false
            }
        }
        var seen = Set<String>()
        return (candidates.filter { seen.insert($0).inserted }, wholeAnswer)
    }
}
