import CasusCore
import CasusStore
import Foundation
import Testing
@testable import CasusSession

#if canImport(Glibc)
import Glibc
#endif

/// The durable recorder and `openPlayStorage`, against a temporary store.
@Suite("Session files")
struct SessionFilesTests {
    static let source = """
        titel: Proef
        taal: nl
        casus:
            Een korte casus.
        rol slachtoffer: het meisje
        stap "Een" (5 min)
            vraag a (tekst): Wat gebeurde er?
            vraag b (tekst): Wie deed mee?
            vraag c (tekst): Wat nu?
        einde
        """

    let dir: String
    let scenario: Scenario

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("casus-files-\(UUID().uuidString)").path
        let loaded = ScenarioLoader.load(source: Self.source, path: dir + "-scenario/proef.casus")
        scenario = try #require(loaded.scenario, "\(loaded.diagnostics.map(\.message.en))")
    }

    /// `explicit`: as if `--lang` was given, so a resumed session does not bring its own.
    func options(resume: Bool = false, ask: Bool = false, language: Language = .nl, explicit: Bool = true)
        -> PlayStorageOptions
    {
        PlayStorageOptions(
            dir: dir, resume: resume, language: language, languageIsExplicit: explicit,
            choose: { _ in ask || resume ? .resume(0) : .newSession })
    }

    static let setup = GroupSetup(group: "Groep Rood", members: ["Anna", "Bram"], jobs: [.scribe: "Anna"])

    /// Opens a new session and records the setup plus `answers` answers.
    func play(_ answers: Int, close: Bool = true, finished: Bool = false, language: Language = .nl) throws
        -> (SessionFiles, [SessionEvent])
    {
        let opened = try openPlayStorage(scenario: scenario, options: options(language: language))
        let files = try #require(opened.recorder as? SessionFiles)
        var events = [SessionEvent.setup(Self.setup, at: Timestamp(1_000))]
        for (i, key) in ["a", "b", "c"].prefix(answers).enumerated() {
            events.append(.answer(AnswerKey(key), .text("antwoord \(i) over \"Sam\""), at: Timestamp(1_060 + Double(i) * 60)))
        }
        let engine = Engine(scenario: scenario)
        for n in events.indices {
            try files.record(events[n], state: engine.replay(Array(events[...n])))
        }
        if close { try files.close(state: engine.replay(events), finished: finished) }
        return (files, events)
    }

    func journalLines(_ files: SessionFiles) throws -> [String] {
        let text = try String(contentsOf: try #require(files.folder).journalURL, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func recordedEventsReplayToTheSameState() throws {
        let (files, events) = try play(3)
        let folder = try #require(files.folder)
        #expect(folder.id.contains("groep-rood"))
        let journal = try Journal.open(at: folder.journalURL)
        let decoded = try journal.records.map { try JSONDecoder().decode(SessionEvent.self, from: $0.payload) }
        #expect(decoded == events)
        let header = try JSONDecoder().decode(SessionHeader.self, from: journal.header)
        #expect(header.scenarioPath == scenario.path)
        #expect(header.scenarioTitle == "Proef")
        #expect(header.language == "nl")
        let engine = Engine(scenario: scenario)
        #expect(engine.replay(decoded).answers == engine.replay(events).answers)
        for sheet in SessionFolder.Sheet.allCases {
            #expect(FileManager.default.fileExists(atPath: folder.sheetURL(sheet).path))
        }
        let md = try String(contentsOf: folder.sheetURL(.markdown), encoding: .utf8)
        #expect(md.contains("antwoord 2 over \"Sam\""))
        let meta = try #require(try folder.readMeta(as: SessionMeta.self))
        #expect(meta.group == "Groep Rood")
        #expect(meta.answers == 3)
        #expect(meta.scenarioPath == scenario.path)
        #expect(files.sheetLocation == folder.sheetURL(.markdown).path)
    }

    @Test func leavingBeforeTheFirstEventLeavesNothing() throws {
        let opened = try openPlayStorage(scenario: scenario, options: options())
        try opened.recorder.close(state: Engine(scenario: scenario).replay([]), finished: false)
        #expect(try SessionStore(location: StoreLocation(root: URL(fileURLWithPath: dir))).list().isEmpty)
    }

    @Test func everyFileIsPrivateEvenUnderAWideUmask() throws {
        let opened = try openPlayStorage(scenario: scenario, options: options())
        let old = umask(0o022)
        defer { umask(old) }
        let files = try #require(opened.recorder as? SessionFiles)
        try files.record(.setup(Self.setup, at: Timestamp(1)), state: Engine(scenario: scenario).replay([]))
        try files.record(.answer(AnswerKey("a"), .text("x"), at: Timestamp(2)), state: files.state)
        try files.close(state: files.state, finished: false)
        let folder = try #require(files.folder)
        var st = stat()
        #expect(stat(folder.url.path, &st) == 0 && st.st_mode & 0o777 == 0o700)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(names.count >= 6)
        for name in names {
            #expect(stat(folder.url.path + "/" + name, &st) == 0)
            #expect(st.st_mode & 0o777 == 0o600, "\(name) has mode \(String(st.st_mode & 0o777, radix: 8))")
        }
    }

    @Test func resumePicksTheUnfinishedSessionOfThisScenario() throws {
        _ = try play(3, finished: true)
        let (unfinished, events) = try play(2)
        // A session of another scenario is never offered.
        let other = try #require(ScenarioLoader.load(source: Self.source, path: dir + "-other/andere.casus").scenario)
        let otherFiles = try #require(try openPlayStorage(scenario: other, options: options()).recorder as? SessionFiles)
        try otherFiles.record(.setup(Self.setup, at: Timestamp(5_000)), state: Engine(scenario: other).replay([]))
        try otherFiles.close(state: otherFiles.state, finished: false)

        var offered: [PlayStorage.Candidate] = []
        let opened = try openPlayStorage(
            scenario: scenario,
            options: PlayStorageOptions(dir: dir, resume: false, language: .nl, choose: { offered = $0; return .resume(0) }))
        #expect(offered.map(\.meta.group) == ["Groep Rood"])
        let files = try #require(opened.recorder as? SessionFiles)
        #expect(files.folder == unfinished.folder)
        #expect(opened.events == events)
        #expect(Engine(scenario: scenario).replay(opened.events).prompt?.key == AnswerKey("c"))
    }

    /// Start-up does not read finished sessions: the store's finished index passes them over
    /// by name. Here the finished session's own files are made to say "unfinished", so only
    /// its marker can keep it from being offered.
    @Test func aFinishedSessionIsPassedOverByItsMarkerAlone() throws {
        let (finished, _) = try play(3, finished: true)
        let folder = try #require(finished.folder)
        #expect(FileManager.default.fileExists(atPath: dir + "/.finished/" + folder.id))
        var meta = try #require(try folder.readMeta(as: SessionMeta.self))
        meta.finished = false
        try DurableFile.writeAtomically(try SessionFolder.metaEncoder().encode(meta), to: folder.metaURL)
        var offered: [PlayStorage.Candidate] = []
        _ = try openPlayStorage(
            scenario: scenario,
            options: PlayStorageOptions(dir: dir, resume: false, language: .nl, choose: { offered = $0; return .newSession }))
        #expect(offered.isEmpty)
    }

    /// A store made by an older casus has no finished index: its finished sessions are read
    /// once, marked then, and never offered.
    @Test func finishedSessionsOfAStoreWithoutTheIndexAreMarkedOnce() throws {
        let (finished, _) = try play(3, finished: true)
        let (unfinished, _) = try play(2)
        try FileManager.default.removeItem(atPath: dir + "/.finished")
        var offered: [PlayStorage.Candidate] = []
        _ = try openPlayStorage(
            scenario: scenario,
            options: PlayStorageOptions(dir: dir, resume: false, language: .nl, choose: { offered = $0; return .newSession }))
        #expect(offered.map(\.folder) == [try #require(unfinished.folder)])
        let store = try SessionStore(location: StoreLocation(root: URL(fileURLWithPath: dir)))
        #expect(store.finishedIDs() == [try #require(finished.folder).id])
    }

    /// An answer within a step rewrites only `meta.json`; the sheets follow when the step is
    /// done and when play ends, so an answer late in a long session costs what an early one does.
    @Test func sheetsAreRewrittenPerStepAndMetaPerAnswer() throws {
        let twoSteps = try #require(
            ScenarioLoader.load(
                source: Self.source.replacingOccurrences(of: "    vraag c (tekst)", with: "einde\nstap \"Twee\" (5 min)\n    vraag c (tekst)"),
                path: dir + "-twee/twee.casus"
            ).scenario)
        let opened = try openPlayStorage(scenario: twoSteps, options: options())
        let files = try #require(opened.recorder as? SessionFiles)
        let engine = Engine(scenario: twoSteps)
        var events: [SessionEvent] = []
        func record(_ event: SessionEvent) throws {
            events.append(event)
            try files.record(event, state: engine.replay(events))
            files.waitForSheets()
        }
        try record(.setup(Self.setup, at: Timestamp(1_000)))
        let folder = try #require(files.folder)
        func sheet() throws -> String { try String(contentsOf: folder.sheetURL(.markdown), encoding: .utf8) }
        let atSetup = try sheet()
        try record(.answer(AnswerKey("a"), .text("eerste antwoord"), at: Timestamp(1_060)))
        #expect(try folder.readMeta(as: SessionMeta.self)?.answers == 1)
        #expect(try sheet() == atSetup)
        // The last answer of step one: the next question is in step two.
        try record(.answer(AnswerKey("b"), .text("tweede antwoord"), at: Timestamp(1_120)))
        #expect(try folder.readMeta(as: SessionMeta.self)?.answers == 2)
        #expect(try sheet().contains("eerste antwoord") && sheet().contains("tweede antwoord"))
        try record(.answer(AnswerKey("c"), .text("derde antwoord"), at: Timestamp(1_180)))
        try files.close(state: engine.replay(events), finished: true)
        #expect(try sheet().contains("derde antwoord"))
    }

    @Test func aResumedSessionKeepsItsLanguageUnlessLangIsGiven() throws {
        let (first, events) = try play(2, language: .en)
        let folder = try #require(first.folder)
        // CASUS_LANG or the scenario would say Dutch; no --lang: the session stays English.
        let resumed = try openPlayStorage(scenario: scenario, options: options(resume: true, explicit: false))
        #expect(resumed.language == .en)
        #expect(resumed.notices.contains { $0.hasPrefix("Continuing session") })
        let files = try #require(resumed.recorder as? SessionFiles)
        let state = Engine(scenario: scenario).replay(events + [.resumed(at: Timestamp(2_000))])
        try files.record(.resumed(at: Timestamp(2_000)), state: state)
        try files.close(state: state, finished: false)
        let meta = try #require(try folder.readMeta(as: SessionMeta.self))
        #expect(meta.language == "en")
        #expect(meta.step == 1)
        let md = try String(contentsOf: folder.sheetURL(.markdown), encoding: .utf8)
        #expect(md.contains("Group"))
        // An explicit --lang wins.
        #expect(try openPlayStorage(scenario: scenario, options: options(resume: true)).language == .nl)
    }

    @Test func declinedOrNothingToResumeStartsANewSession() throws {
        let none = try openPlayStorage(scenario: scenario, options: options(resume: true, language: .en))
        #expect(none.events.isEmpty)
        #expect(none.notices.contains { $0.contains("no unfinished session") })
        try none.recorder.close(state: Engine(scenario: scenario).replay([]), finished: false)

        let (unfinished, _) = try play(2)
        let declined = try openPlayStorage(scenario: scenario, options: options(ask: false))
        #expect(declined.events.isEmpty)
        let fresh = try #require(declined.recorder as? SessionFiles)
        #expect(fresh.folder != nil && fresh.folder != unfinished.folder)
        try fresh.close(state: fresh.state, finished: false)
    }

    @Test func aSecondOpenerIsRefused() throws {
        let (holder, _) = try play(2, close: false)
        #expect(holder.folder != nil)
        do {
            _ = try openPlayStorage(scenario: scenario, options: options(resume: true, language: .en))
            Issue.record("a second opener was let in")
        } catch let failure as CasusFailure {
            #expect(failure.message.contains("already open in another casus"))
        }
        try holder.close(state: holder.state, finished: false)
        let again = try openPlayStorage(scenario: scenario, options: options(resume: true))
        #expect(again.events.count == 3)
    }

    @Test func tornLastRecordIsCutOffAndKept() throws {
        let (files, events) = try play(2)
        let journal = try #require(files.folder).journalURL
        let handle = try FileHandle(forWritingTo: journal)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"seq":4,"data":{"event":"answer","at":12"#.utf8))
        try handle.close()

        let opened = try openPlayStorage(scenario: scenario, options: options(resume: true, language: .en))
        #expect(opened.events == events)
        let notice = try #require(opened.notices.first { $0.contains("half written") })
        #expect(notice.contains(journal.path + ".damaged"))
        let kept = try String(contentsOfFile: journal.path + ".damaged", encoding: .utf8)
        #expect(kept.hasPrefix(#"{"seq":4"#))
        try opened.recorder.close(state: Engine(scenario: scenario).replay(opened.events), finished: false)
    }

    @Test func corruptMiddleRecordIsNamedAndPassedOver() throws {
        let (files, _) = try play(3)
        let journal = try #require(files.folder).journalURL
        var lines = try journalLines(files)
        lines[2] = lines[2].replacingOccurrences(of: "antwoord 0", with: "antwoord X")
        try Data(lines.joined(separator: "\n").utf8).write(to: journal)
        let before = try Data(contentsOf: journal)
        let opened = try openPlayStorage(scenario: scenario, options: options(resume: true, language: .en))
        #expect(opened.notices.contains { $0.contains("damaged at line 3") }, "\(opened.notices)")
        // A new session starts instead; the damaged one is left exactly as it was.
        #expect(opened.events.isEmpty)
        #expect((opened.recorder as? SessionFiles)?.folder != files.folder)
        try opened.recorder.close(state: Engine(scenario: scenario).replay([]), finished: false)
        #expect(try Data(contentsOf: journal) == before)
    }

    /// The ways a journal can be broken at its start, each with words the message must hold.
    nonisolated(unsafe) static let startDamage: [(name: String, damage: (URL) throws -> Void, nl: String, en: String)] = [
        ("empty", { try Data().write(to: $0) }, "het logboek is leeg", "its journal is empty"),
        (
            "bad header", { try Data("{\"seq\":1,\"format\":1,\"data\":{}}\n".utf8).write(to: $0) },
            "de eerste regel van het logboek is onleesbaar", "the first line of its journal is unreadable"
        ),
        (
            "folder", { try FileManager.default.removeItem(at: $0); try FileManager.default.createDirectory(at: $0, withIntermediateDirectories: false) },
            "staat een map", "a folder or something else than a file stands"
        ),
        ("missing", { try FileManager.default.removeItem(at: $0) }, "ontbreekt", "is missing"),
    ]

    @Test(arguments: [Language.nl, .en], 0..<4)
    func aDamagedSessionIsNamedAndTheNextOneOffered(language: Language, damage: Int) throws {
        let (older, olderEvents) = try play(2)
        let (newest, _) = try play(3)
        let id = try #require(newest.folder).id
        try Self.startDamage[damage].damage(try #require(newest.folder).journalURL)

        for resume in [true, false] {
            var offered: [[String]] = []
            let opened = try openPlayStorage(
                scenario: scenario,
                options: PlayStorageOptions(
                    dir: dir, resume: resume, language: language, languageIsExplicit: true,
                    choose: { offered.append($0.map(\.folder.id)); return .resume(0) }))
            let notice = try #require(opened.notices.first { $0.contains(id) }, "\(opened.notices)")
            let expected = language == .nl ? Self.startDamage[damage].nl : Self.startDamage[damage].en
            #expect(notice.contains(expected), "\(notice)")
            #expect(notice.contains("casus delete \(id)"))
            #expect(notice.contains(language == .nl ? "Begin een nieuwe sessie" : "Start a new session"))
            // The group is offered the other session, not stuck on the damaged one.
            #expect(offered == [[try #require(older.folder).id]])
            #expect((opened.recorder as? SessionFiles)?.folder == older.folder)
            #expect(opened.events == olderEvents)
            try opened.recorder.close(state: Engine(scenario: scenario).replay(opened.events), finished: false)
        }
    }

    @Test func theFolderAndHeaderAreDurableBeforeTheFirstQuestion() throws {
        let opened = try openPlayStorage(scenario: scenario, options: options())
        let files = try #require(opened.recorder as? SessionFiles)
        let prepared = try #require(files.folder, "no folder before the first event")
        let journal = try Journal.open(at: prepared.journalURL)
        #expect(journal.records.isEmpty)
        #expect(try JSONDecoder().decode(SessionHeader.self, from: journal.header).scenarioPath == scenario.path)
        journal.close()
        // Held from the start, so no other casus takes or cleans it.
        #expect { try prepared.lock() } throws: { ($0 as? StoreError)?.kind == .sessionInUse(pid: getpid()) }

        // The setup names the folder after the group; the events land in the renamed folder.
        try files.record(.setup(Self.setup, at: Timestamp(1)), state: Engine(scenario: scenario).replay([]))
        let named = try #require(files.folder)
        #expect(named.id.contains("groep-rood") && named.id != prepared.id)
        #expect(!FileManager.default.fileExists(atPath: prepared.url.path))
        try files.record(.answer(AnswerKey("a"), .text("x"), at: Timestamp(2)), state: files.state)
        try files.close(state: files.state, finished: false)
        let reopened = try Journal.open(at: named.journalURL)
        #expect(reopened.records.count == 2)
        #expect(try SessionStore(location: StoreLocation(root: URL(fileURLWithPath: dir))).list().map(\.folder) == [named])
    }

    @Test func orphanedAnswersAreNamed() throws {
        _ = try play(3)
        let edited = Self.source.replacingOccurrences(of: "vraag b (tekst)", with: "vraag bb (tekst)")
        let changed = try #require(ScenarioLoader.load(source: edited, path: scenario.path).scenario)
        let opened = try openPlayStorage(scenario: changed, options: options(resume: true, language: .en))
        // The REPL names them (Engine.orphanedAnswers); the journal keeps them.
        #expect(Engine(scenario: changed).orphanedAnswers(in: opened.events) == [AnswerKey("b")])
        #expect(opened.events.count == 4)
        try opened.recorder.close(state: Engine(scenario: changed).replay(opened.events), finished: false)
    }

    @Test func undoReplacesTheJournal() throws {
        let (files, events) = try play(3, close: false)
        let remaining = SessionEvent.undo(events)
        try files.recordUndo(remaining: remaining, state: Engine(scenario: scenario).replay(remaining))
        try files.record(.answer(AnswerKey("c"), .text("opnieuw"), at: Timestamp(2_000)), state: files.state)
        try files.close(state: files.state, finished: false)
        let journal = try Journal.open(at: try #require(files.folder).journalURL)
        let decoded = try journal.records.map { try JSONDecoder().decode(SessionEvent.self, from: $0.payload) }
        #expect(decoded == remaining + [.answer(AnswerKey("c"), .text("opnieuw"), at: Timestamp(2_000))])
        #expect(journal.records.map(\.seq) == [2, 3, 4, 5])
        let md = try String(contentsOf: try #require(files.folder).sheetURL(.markdown), encoding: .utf8)
        #expect(md.contains("opnieuw") && !md.contains("antwoord 2"))
    }

    @Test func answerIsDurableInFewMilliseconds() throws {
        let opened = try openPlayStorage(scenario: scenario, options: options())
        let files = try #require(opened.recorder as? SessionFiles)
        try files.record(.setup(Self.setup, at: Timestamp(1)), state: Engine(scenario: scenario).replay([]))
        let clock = ContinuousClock()
        var worst = Duration.zero
        var total = Duration.zero
        for i in 0..<30 {
            let key = ["a", "b", "c"][i % 3]
            let elapsed = try clock.measure {
                try files.record(.answer(AnswerKey(key), .text("antwoord \(i)"), at: Timestamp(Double(2 + i))), state: files.state)
            }
            worst = max(worst, elapsed)
            total += elapsed
        }
        try files.close(state: files.state, finished: false)
        print("record: average \(total / 30), worst \(worst)")
        #expect(total / 30 < .milliseconds(250))
    }
}
