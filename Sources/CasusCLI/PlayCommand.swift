import ArgumentParser
import CasusCore
import CasusSession
import CasusTerminal
import Foundation

/// `casus play [FILE]` — the group plays a scenario at one terminal.
struct PlayCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "play",
            abstract: CommandLanguage.text("Speel een scenario met een groep aan deze terminal.", "Play a scenario with a group at this terminal."),
            discussion: CommandLanguage.text(
                """
                Zonder FILE verschijnt een menu met de meegeleverde scenario's. Met --answers komen de \
                antwoorden uit een script (zoals bij `casus test`); is het op, dan neemt op een terminal \
                het toetsenbord het over, anders wordt de sessie bewaard en stopt het spel. Afsluitcode: \
                0 als het af is, gestopt of de invoer op (bewaard), 1 bij een kapot scenario, script of \
                opslag, 2 bij verkeerd gebruik.
                """,
                """
                Without FILE a menu of the bundled scenarios appears. With --answers the answers come \
                from a script (as for `casus test`); when it runs out the keyboard takes over on a \
                terminal, else the session is saved and play stops. Exit status: 0 when finished, \
                stopped or out of input (saved), 1 on a broken scenario, script or save, 2 on usage errors.
                """))
    }

    @Argument(help: helpText("Het scenario (.casus). Zonder: kies uit de meegeleverde scenario's.", "The scenario (.casus). Without it: choose from the bundled scenarios."))
    var file: String?

    @Option(help: helpText("Speel de antwoorden uit dit script (regels sleutel: waarde).", "Play the answers from this script (key: value lines)."))
    var answers: String?

    @Option(help: helpText("Met --answers: wacht zoveel milliseconden voor elk antwoord uit het script.", "With --answers: wait this many milliseconds before each scripted answer."))
    var pace: Int?

    @Option(help: helpText("Taal: nl of en (anders CASUS_LANG/LANG, anders die van het scenario).", "Language: nl or en (default: CASUS_LANG/LANG, else the scenario's)."))
    var lang: Language?

    @Option(help: helpText("De map waarin de sessies bewaard worden.", "Where sessions are kept."))
    var dir: String?

    @Flag(help: helpText("Ga verder met de laatste onafgemaakte sessie van dit scenario.", "Continue the last unfinished session of this scenario."))
    var resume = false

    @Option(help: helpText("Proef voor de auteur: begin bij deze stap (nummer of titel); de stappen ervoor worden ingevuld zoals casus test doet.", "A trial for the author: start at this step (number or title); the steps before it are filled in as casus test does."))
    var from: String?

    @Option(help: helpText(
        "Speel mee in de zaal van de begeleider (casus room): het adres dat die geeft (anders CASUS_ROOM).",
        "Play in the facilitator's room (casus room): the address it gives (default: CASUS_ROOM)."))
    var room: String?

    @Option(help: helpText("De code van de zaal (anders CASUS_ROOM_CODE).", "The room's join code (default: CASUS_ROOM_CODE)."))
    var code: String?

    /// `--room`/`--code`, else `CASUS_ROOM`/`CASUS_ROOM_CODE`; nil plays without a room.
    private var roomChoice: (url: String, code: String)? {
        let environment = ProcessInfo.processInfo.environment
        guard let url = room ?? environment["CASUS_ROOM"].flatMap({ $0.isEmpty ? nil : $0 }) else { return nil }
        return (url, code ?? environment["CASUS_ROOM_CODE"] ?? "")
    }

    func validate() throws {
        if let pace, pace < 0 { throw ValidationError(CommandLanguage.text("--pace neemt een aantal milliseconden, 0 of meer", "--pace takes a number of milliseconds, 0 or more")) }
        if from != nil && resume { throw ValidationError(CommandLanguage.text("--from begint altijd een nieuwe proefsessie; laat --resume weg", "--from always starts a new trial session; leave out --resume")) }
        if pace != nil && answers == nil { throw ValidationError(CommandLanguage.text("--pace werkt alleen met --answers", "--pace only works with --answers")) }
        if code != nil && roomChoice == nil { throw ValidationError(CommandLanguage.text("--code werkt alleen met --room", "--code only works with --room")) }
        if let choice = roomChoice, choice.code.isEmpty {
            throw ValidationError(CommandLanguage.text("--room heeft ook de code van de zaal nodig: --code CODE", "--room also needs the room's code: --code CODE"))
        }
    }

    func run() throws {
        // In `casus` this becomes `casus-room` with the same arguments, before anything is read.
        let network = try roomChoice.map { _ in try RoomNetworks.current() }
        let capabilities = TerminalCapabilities.current()
        let editor = LineEditors.make(capabilities: capabilities, echoPipedInput: true)
        let sink = ConsoleSink()
        let environment = ProcessInfo.processInfo.environment
        let uiLanguage = LanguageChoice.resolve(flag: lang, scenario: nil)

        guard let path = file ?? chooseScenario(editor: editor, sink: sink, language: uiLanguage) else {
            throw ExitCode.success
        }
        let loaded = ScenarioLoader.load(path: path, provider: FileSourceProvider())
        let language = LanguageChoice.resolve(flag: lang, scenario: loaded.language)
        guard let scenario = loaded.scenario, !loaded.diagnostics.hasErrors else {
            let renderer = DiagnosticRenderer(language: language, style: Output.diagnosticStyle()) { f, n in
                loaded.line(n, of: f)
            }
            for d in loaded.diagnostics { Output.errDiagnostic(renderer.render(d)) }
            throw ExitCode(loaded.diagnostics.contains { $0.code == .unreadableFile } ? 2 : 1)
        }

        let trialStep = try from.map { try PlayTrial.step($0, in: scenario, language: language) }
        var script: AnswerScript?
        if let answers {
            script = try loadScript(answers, scenario: scenario, language: language)
        }

        // The room is found before the session opens, so a wrong code costs no empty session.
        var roomPlay: (any RoomPlaying)?
        if let choice = roomChoice, let network {
            let request = RoomJoinRequest(
                url: choice.url, code: choice.code, loaded: loaded, scenarioPath: path, language: language,
                editor: editor, interactive: capabilities.stdinIsTTY, say: { sink.write(Self.wrapped($0, capabilities)) })
            switch network.join(request) {
            case .playing(let playing): roomPlay = playing
            case .withoutRoom: break
            case .stop: throw ExitCode(2)
            }
        }

        let storage: (recorder: SessionRecorder, events: [SessionEvent], notices: [String], language: Language)
        do {
            storage = try openPlayStorage(
                scenario: scenario,
                options: PlayStorageOptions(
                    dir: dir, resume: resume, language: language, languageIsExplicit: lang != nil,
                    choose: { candidates in
                        // Piped input cannot answer: --resume takes the newest, else a new session.
                        guard capabilities.stdinIsTTY else { return resume ? .resume(0) : .newSession }
                        let asked = PlayStorage.questionLanguage(candidates, language, explicit: lang != nil)
                        let picker = SessionPicker(editor: editor, output: sink, language: asked, width: capabilities.width)
                        return picker.choose(candidates.map(PlayStorage.resumable), resumeRequested: resume)
                    },
                    showNotice: { sink.write(Self.wrapped($0, capabilities)) }, trial: trialStep != nil))
        } catch is PlayStorage.Left {
            throw ExitCode.success
        }
        for notice in storage.notices { sink.write(Self.wrapped(notice, capabilities)) }
        var events = storage.events
        var startNotice: String?
        if let trialStep {
            (events, startNotice) = try PlayTrial.fill(scenario, before: trialStep, recorder: storage.recorder, now: Self.clock(environment: environment)(), language: storage.language)
        }

        var options = PlayOptions(
            language: storage.language,
            style: Style(enabled: capabilities.colorEnabled),
            width: capabilities.width,
            interactive: capabilities.stdinIsTTY,
            showsClock: capabilities.stdinIsTTY && capabilities.stdoutIsTTY,
            script: script,
            paceMilliseconds: pace,
            sleep: { ms in usleep(useconds_t(min(ms, 60_000)) * 1000) },
            page: capabilities.stdoutIsTTY ? { Pager.page($0, environment: environment) } : nil,
            liveWidth: capabilities.stdoutIsTTY ? { TerminalCapabilities.windowColumns(fd: STDOUT_FILENO) } : nil)
        options.startNotice = startNotice
        options.room = roomPlay?.feed
        let session = PlaySession(
            scenario: scenario, events: events, editor: editor, output: sink,
            clock: Self.clock(environment: environment),
            recorder: roomPlay?.recorder(wrapping: storage.recorder) ?? storage.recorder, options: options)
        let ending = session.run()
        roomPlay?.finish(say: { sink.write(Self.wrapped($0, capabilities)) })
        if ending.exitCode != 0 { throw ExitCode(ending.exitCode) }
    }

    /// A notice made safe for the terminal and, on a terminal, wrapped to its width (piped
    /// output keeps long paths whole), with a final newline.
    static func wrapped(_ notice: String, _ capabilities: TerminalCapabilities) -> String {
        let safe = TextSafety.sanitize(notice)
        guard capabilities.stdoutIsTTY else { return safe + "\n" }
        return TextWrap.wrap(safe, width: capabilities.width).joined(separator: "\n") + "\n"
    }

    /// The real clock, or one for tests. `CASUS_FAKE_CLOCK` (tests only) fixes it: every reading
    /// is that many seconds since 1970 (1700000000 when not a number), so step times in a
    /// transcript are always 00:00. `CASUS_TEST_CLOCK_SPEED=N` (tests only) makes the clock run
    /// N times as fast as real time, from the fake start if there is one, so a test sees a
    /// step's budget run out within seconds while the group sits idle.
    static func clock(environment: [String: String]) -> () -> Timestamp {
        let fake = environment["CASUS_FAKE_CLOCK"].flatMap { $0.isEmpty ? nil : Timestamp(Double($0) ?? 1_700_000_000) }
        if let speed = environment["CASUS_TEST_CLOCK_SPEED"].flatMap(Double.init), speed > 0 {
            let start = fake ?? Timestamp(Date().timeIntervalSince1970)
            let realStart = ProcessInfo.processInfo.systemUptime
            return { start + (ProcessInfo.processInfo.systemUptime - realStart) * speed }
        }
        if let fake { return { fake } }
        return { Timestamp(Date().timeIntervalSince1970) }
    }

    /// Reads and checks the answer script: syntax problems and keys the scenario does not have
    /// are errors naming the script's line (exit 1).
    private func loadScript(_ path: String, scenario: Scenario, language: Language) throws -> AnswerScript {
        guard let data = FileManager.default.contents(atPath: path) else {
            Output.err(PlayCommandText.unreadableScript(path).text(language) + "\n")
            throw ExitCode(2)
        }
        let (script, diagnostics) = AnswerScript.parse(String(decoding: data, as: UTF8.self), path: path)
        let problems = diagnostics + script.unknownKeys(in: scenario)
        if problems.hasErrors {
            let text = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let renderer = DiagnosticRenderer(language: language, style: Output.diagnosticStyle()) { f, n in
                f == path && n >= 1 && n <= text.count ? String(text[n - 1]) : nil
            }
            for d in problems { Output.errDiagnostic(renderer.render(d)) }
            throw ExitCode(1)
        }
        return script
    }

    /// The numbered menu of bundled scenarios; nil when the group leaves.
    private func chooseScenario(editor: any LineEditor, sink: ConsoleSink, language: Language) -> String? {
        guard let folder = ScenarioDirectory.bundled() else {
            Output.err(PlayCommandText.noScenarios.text(language) + "\n")
            return nil
        }
        let entries = ScenarioDirectory.scenarios(in: folder).map { ScenarioDirectory.entry($0, bundled: true) }
            .filter(\.valid)
        guard !entries.isEmpty else {
            Output.err(PlayCommandText.noScenarios.text(language) + "\n")
            return nil
        }
        sink.write(PlayCommandText.menuHeading.text(language) + "\n")
        for (index, entry) in entries.enumerated() {
            var facts: [String] = []
            if let audience = entry.audience { facts.append(audience) }
            if let minutes = entry.durationMinutes { facts.append("\(minutes) min") }
            let extra = facts.isEmpty ? "" : " (\(facts.joined(separator: ", ")))"
            sink.write("  \(index + 1). \(TextSafety.sanitize(entry.title + extra))\n")
        }
        let options = entries.map { PromptOption(value: $0.file, label: $0.title) }
        let titles = entries.map(\.title)
        editor.completions = { _, word in CompletionMatching.prefixMatches(word, in: titles) }
        while true {
            switch editor.readLine(prompt: PlayCommandText.menuPrompt.text(language)) {
            case .interrupted: continue
            case .endOfInput: return nil
            case .line(let text):
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if trimmed == ":stop" || trimmed == ":quit" { return nil }
                switch AnswerParser.parse([text], type: .choice, options: options) {
                case .success(.choice(let path)): return path
                case .success: continue
                case .failure(let error): sink.write(TextSafety.sanitize(error.message.text(language)) + "\n")
                }
            }
        }
    }
}

/// Texts of `casus play` outside the REPL itself.
enum PlayCommandText {
    static let menuHeading = LocalizedText(nl: "Welke casus spelen jullie?", en: "Which case do you play?")
    static let menuPrompt = LocalizedText(nl: "nummer> ", en: "number> ")
    static let noScenarios = LocalizedText(
        nl: "Geen casussen gevonden. Geef een bestand mee (casus play BESTAND) of zet CASUS_SCENARIOS.",
        en: "No scenarios found. Give a file (casus play FILE) or set CASUS_SCENARIOS.")
    static func unreadableScript(_ path: String) -> LocalizedText {
        LocalizedText(nl: "Kan het antwoordscript niet lezen: \(path)", en: "Cannot read the answer script: \(path)")
    }
}
