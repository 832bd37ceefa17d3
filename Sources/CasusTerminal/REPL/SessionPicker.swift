import CasusCore

/// An unfinished session the group may continue, as the resume question shows it.
public struct ResumableSession: Sendable, Equatable {
    public var group: String?
    /// When it started, already in the computer's local time (the edge formats it).
    public var started: String
    public var answers: Int
    /// 1-based number and title of the step it stopped in; nil when unknown (older sessions).
    public var step: (number: Int, title: String)?

    public init(group: String?, started: String, answers: Int, step: (number: Int, title: String)? = nil) {
        self.group = group
        self.started = started
        self.answers = answers
        self.step = step
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.group == b.group && a.started == b.started && a.answers == b.answers
            && a.step?.number == b.step?.number && a.step?.title == b.step?.title
    }
}

/// What the group chose at the resume question.
public enum ResumeDecision: Equatable, Sendable {
    /// Continue the session at this index of the candidates.
    case resume(Int)
    case newSession
    /// Ctrl-D or `:stop`: nothing is opened, nothing changes.
    case leave
}

/// Asks whether to continue an unfinished session, or which one when there are several.
///
/// One session: a yes/no question whose default (Enter) is to continue. Several: a numbered
/// list, Enter taking the newest. Anything unclear is asked again, so a typo never silently
/// starts a new session.
public struct SessionPicker {
    let editor: any LineEditor
    let out: any OutputSink
    let language: Language
    let width: Int

    public init(editor: any LineEditor, output: any OutputSink, language: Language, width: Int) {
        self.editor = editor
        self.out = output
        self.language = language
        self.width = max(20, min(width, 100))
    }

    /// `candidates` newest first. With `resumeRequested` (`--resume`) a single candidate is
    /// taken without asking.
    public func choose(_ candidates: [ResumableSession], resumeRequested: Bool) -> ResumeDecision {
        guard !candidates.isEmpty else { return .newSession }
        if candidates.count == 1 {
            return resumeRequested ? .resume(0) : askOne(candidates[0])
        }
        return askSeveral(candidates)
    }

    private func askOne(_ session: ResumableSession) -> ResumeDecision {
        paragraph(PlayMessages.resumeOneFound.text(language))
        paragraph(PlayMessages.resumableSession(session).text(language), indent: "  ")
        let words = [RuntimeMessages.yes.text(language), RuntimeMessages.no.text(language)]
        editor.completions = { _, word in CompletionMatching.prefixMatches(word, in: words) }
        while true {
            switch read(PlayMessages.resumeOnePrompt.text(language)) {
            case nil: return .leave
            case "": return .resume(0)
            case let answer?:
                switch PlaySession.yesNo(answer) {
                case true?: return .resume(0)
                case false?: return .newSession
                case nil: paragraph(PlayMessages.resumeOneUnclear.text(language))
                }
            }
        }
    }

    private func askSeveral(_ candidates: [ResumableSession]) -> ResumeDecision {
        paragraph(PlayMessages.resumeSeveralFound(candidates.count).text(language))
        for (index, session) in candidates.enumerated() {
            hanging("  \(index + 1). ", PlayMessages.resumableSession(session).text(language))
        }
        hanging("  n. ", PlayMessages.resumeNewSession.text(language))
        editor.completions = { _, _ in [] }
        while true {
            switch read(PlayMessages.resumeSeveralPrompt.text(language)) {
            case nil: return .leave
            case "": return .resume(0)
            case let answer?:
                if let n = Int(answer), candidates.indices.contains(n - 1) { return .resume(n - 1) }
                if PlaySession.yesNo(answer) == false || answer.lowercased() == PlayMessages.newWord.text(language) {
                    return .newSession
                }
                paragraph(PlayMessages.resumeSeveralUnclear(candidates.count).text(language))
            }
        }
    }

    /// The trimmed answer; nil when the group leaves (Ctrl-D, `:stop`). Ctrl-C asks again.
    private func read(_ prompt: String) -> String? {
        while true {
            switch editor.readLine(prompt: prompt) {
            case .interrupted: continue
            case .endOfInput: return nil
            case .line(let text):
                if case .command(.quit) = PlayCommandWord.parse(text) { return nil }
                return text.trimmingSpaces
            }
        }
    }

    private func paragraph(_ text: String, indent: String = "") {
        for l in TextWrap.wrap(TextSafety.sanitize(text), width: width, indent: indent) { out.write(l + "\n") }
    }

    private func hanging(_ prefix: String, _ text: String) {
        let indent = String(repeating: " ", count: prefix.count)
        for (n, l) in TextWrap.wrap(TextSafety.sanitize(text), width: width, indent: indent).enumerated() {
            out.write((n == 0 ? prefix + l.dropFirst(indent.count) : l) + "\n")
        }
    }
}
