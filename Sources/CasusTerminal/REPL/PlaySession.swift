import CasusCore

/// How a play session ended; decides the exit status.
public enum PlayEnding: Hashable, Sendable {
    /// Every step is done.
    case finished
    /// The group typed `:stop` or confirmed Ctrl-D. Saved.
    case stopped
    /// Piped input or the answer script ran out. Saved.
    case inputEnded
    /// Something was wrong (a scripted answer that does not fit, a failed save). Exit 1.
    case failed(String)

    /// The process exit status for this ending.
    public var exitCode: Int32 {
        if case .failed = self { return 1 }
        return 0
    }
}

/// Settings of one REPL run that do not change while it runs.
public struct PlayOptions {
    public var language: Language
    public var style: Style
    /// Columns to wrap to when `liveWidth` is absent or cannot tell.
    public var width: Int
    /// The terminal's columns right now, asked each time text is wrapped, so output follows
    /// a resized window (nil when unknown). Absent for pipes and tests: then `width`.
    public var liveWidth: (() -> Int?)?
    /// A person types at a terminal: Ctrl-D asks before leaving, a finished script hands over
    /// to the keyboard.
    public var interactive: Bool
    /// Show the time left as `mm:ss` in the prompt (only on a terminal, so piped transcripts
    /// stay deterministic).
    public var showsClock: Bool
    /// Answers to play instead of typing (`--answers`).
    public var script: AnswerScript?
    /// Wait this long before each scripted answer (`--pace`).
    public var paceMilliseconds: Int?
    /// Sleeps for the given milliseconds (injected so tests do not wait).
    public var sleep: (Int) -> Void
    /// Shows a long text through a pager; false when it did not (the text fits the screen,
    /// or there is no terminal or pager), and the REPL writes it itself.
    public var page: ((String) -> Bool)?
    /// Shown just above the step a continued session starts at (`--from` says here what was
    /// filled in).
    public var startNotice: String?
    /// The room the group plays in (`--room`); nil plays without one.
    public var room: (any RoomFeed)?

    public init(
        language: Language, style: Style = .plain, width: Int = 80, interactive: Bool = false,
        showsClock: Bool = false, script: AnswerScript? = nil, paceMilliseconds: Int? = nil,
        sleep: @escaping (Int) -> Void = { _ in }, page: ((String) -> Bool)? = nil,
        liveWidth: (() -> Int?)? = nil
    ) {
        self.language = language
        self.style = style
        self.width = width
        self.liveWidth = liveWidth
        self.interactive = interactive
        self.showsClock = showsClock
        self.script = script
        self.paceMilliseconds = paceMilliseconds
        self.sleep = sleep
        self.page = page
    }
}

/// The REPL: plays a scenario with a group at one terminal.
///
/// Every decision about what comes next is the engine's (`Engine.replay`); this class asks,
/// reads, records and shows. Each event goes to the recorder before the next prompt appears.
public final class PlaySession {
    let scenario: Scenario
    let engine: Engine
    let editor: any LineEditor
    let out: any OutputSink
    let clock: () -> Timestamp
    let recorder: any SessionRecorder
    let options: PlayOptions

    /// The session so far.
    public private(set) var events: [SessionEvent]
    /// The replayed state of `events`.
    public private(set) var state: SessionState

    var effectLegendShown = false
    var budgetNoticeShown = Set<Int>()
    var budgetWarningShown = Set<Int>()
    var talliedVotes = Set<AnswerKey>()
    var decidedVotes = Set<AnswerKey>()
    /// True once the answer script ran out and the keyboard took over.
    var scriptHandedOver = false
    /// Keys whose scripted answer did not fit; asked at the keyboard instead.
    var scriptRejected = Set<AnswerKey>()
    /// True when the group left during setup on purpose (`:stop`, Ctrl-D at a terminal).
    var setupStopped = false
    /// Steps (by index; -1 before the first) in which the group was told the room is away.
    var roomTroubleShown = Set<Int>()
    /// The answers taken from the room, by key, so a changed one is recorded once.
    var roomApplied: [String: AnswerValue] = [:]

    var language: Language { options.language }
    var style: Style { options.style }

    public init(
        scenario: Scenario, events: [SessionEvent] = [], editor: any LineEditor, output: any OutputSink,
        clock: @escaping () -> Timestamp, recorder: any SessionRecorder, options: PlayOptions
    ) {
        self.scenario = scenario
        self.engine = Engine(scenario: scenario)
        self.editor = editor
        self.out = output
        self.clock = clock
        self.recorder = recorder
        self.options = options
        self.events = events
        self.state = engine.replay(events)
        for vote in state.votes {
            talliedVotes.insert(vote.key)
            if vote.winner != nil { decidedVotes.insert(vote.key) }
        }
    }

    /// Plays until the scenario is finished, the group leaves or the input ends.
    public func run() -> PlayEnding {
        showIntro()
        if state.next == .setup {
            if let ending = runSetup() { return ending }
        } else if !events.isEmpty {
            // Continued session: the time away does not count.
            if let ending = record(.resumed(at: clock())) { return ending }
            showOrphans()
            if let notice = options.startNotice {
                line()
                styled(notice, style.dim)
            }
            recallAnswers()
            showResumedStep()
        }
        while true {
            showPendingOutput()
            announceVotes()
            if let ending = takeRoomChanges() { return ending }
            guard let prompt = state.prompt else { return finish() }
            if let ending = ask(prompt) { return ending }
        }
    }

    /// ↑ brings back this session's own answers after a resume (in memory only: the
    /// editor keeps no history file, answers may describe pupils).
    private func recallAnswers() {
        for case .answer(_, let value, _) in events {
            for text in AnswerRecall.lines(value, language: language) { editor.addHistory(text) }
        }
    }

    /// A resumed session shows where it is: the current step's header, unless the step has
    /// only just started and its header is about to be shown anyway.
    private func showResumedStep() {
        let starting = state.output.contains { if case .stepStarted = $0 { true } else { false } }
        guard !starting, let step = state.currentStep else { return }
        stepHeader(step)
    }

    // MARK: Recording

    /// Records `event` and moves on; an ending when saving failed.
    func record(_ event: SessionEvent) -> PlayEnding? {
        let next = events + [event]
        let nextState = engine.replay(next, continuing: state)
        do {
            try recorder.record(event, state: nextState)
        } catch {
            let message = PlayMessages.saveFailed(String(describing: error)).text(language)
            line(style.red(TextSafety.sanitize(message)))
            return .failed(message)
        }
        events = next
        state = nextState
        return nil
    }

    /// Undoes the last answer or skip through the recorder; an ending when saving failed.
    func undo() -> PlayEnding? {
        let remaining = SessionEvent.undo(events)
        guard remaining.count < events.count else {
            line(PlayMessages.nothingToUndo.text(language))
            return nil
        }
        let nextState = engine.replay(remaining)
        do {
            try recorder.recordUndo(remaining: remaining, state: nextState)
        } catch {
            let message = PlayMessages.saveFailed(String(describing: error)).text(language)
            line(style.red(TextSafety.sanitize(message)))
            return .failed(message)
        }
        events = remaining
        state = nextState
        talliedVotes.formIntersection(state.votes.map(\.key))
        decidedVotes.formIntersection(state.votes.filter { $0.winner != nil }.map(\.key))
        line(PlayMessages.undone.text(language))
        return nil
    }

    // MARK: Ending

    func finish() -> PlayEnding {
        if !state.hasFinishedMarker, let ending = record(.finished(at: clock())) { return ending }
        line()
        line(style.bold(PlayMessages.finished.text(language)))
        showSummary()
        return close(finished: true, message: nil) ?? .finished
    }

    /// Closes the recorder and says goodbye; an ending when that failed.
    func close(finished: Bool, message: LocalizedText?) -> PlayEnding? {
        do {
            try recorder.close(state: state, finished: finished)
        } catch {
            let text = PlayMessages.saveFailed(String(describing: error)).text(language)
            line(style.red(TextSafety.sanitize(text)))
            return .failed(text)
        }
        if let location = recorder.sheetLocation {
            showLocation(PlayMessages.sheetAt, location)
        }
        if let location = recorder.printableSheetLocation {
            showLocation(PlayMessages.printableSheetAt, location)
        }
        if let message { self.message(message) }
        return nil
    }

    /// "label path" on one line when it fits, else the path on a line of its own, so a
    /// narrow screen never breaks the label and the path into one another.
    func showLocation(_ label: LocalizedText, _ path: String) {
        let text = label.text(language)
        let safe = TextSafety.sanitize(path)
        if text.count + 1 + safe.count <= wrapWidth {
            line(text + " " + safe)
        } else {
            line(text)
            line("  " + safe)
        }
    }

    func stop() -> PlayEnding {
        close(finished: false, message: PlayMessages.stopped) ?? .stopped
    }

    func inputEnded(_ message: LocalizedText = PlayMessages.inputEnded) -> PlayEnding {
        line()
        return close(finished: false, message: message) ?? .inputEnded
    }
}
