import Foundation
import Testing

@testable import CasusCore

/// Plays every bundled scenario with its scripted playthrough (Tests/Fixtures/Playthroughs):
/// scripted answers go through `AnswerParser` exactly as typed ones.
@Suite("Runtime: bundled scenarios played with their scripts")
struct RuntimePlaythroughTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var names: [String] {
        let folder = root.appendingPathComponent("Tests/Fixtures/Playthroughs")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".answers") }.map { String($0.dropLast(".answers".count)) }
            .sorted()
    }

    /// Every `.casus` file under Scenarios/, keyed by its relative path, for the in-memory loader.
    static func scenarioFiles() -> [String: String] {
        var out: [String: String] = [:]
        let base = root.appendingPathComponent("Scenarios")
        let walker = FileManager.default.enumerator(atPath: base.path)
        while let relative = walker?.nextObject() as? String {
            guard relative.hasSuffix(".casus") else { continue }
            out["Scenarios/" + relative] = try? String(
                contentsOf: base.appendingPathComponent(relative), encoding: .utf8)
        }
        return out
    }

    @Test(arguments: names) func playsToTheEnd(name: String) throws {
        let path = "Scenarios/\(name).casus"
        let loaded = ScenarioLoader.load(path: path, provider: InMemorySourceProvider(Self.scenarioFiles()))
        let scenario = try #require(
            loaded.scenario, "\(loaded.diagnostics.map { "\($0.code) \($0.message.en)" })")
        let scriptText = try String(
            contentsOf: Self.root.appendingPathComponent("Tests/Fixtures/Playthroughs/\(name).answers"),
            encoding: .utf8)
        let (script, diagnostics) = AnswerScript.parse(scriptText, path: "\(name).answers")
        #expect(diagnostics.isEmpty, "\(diagnostics.map { "\($0.range.start.line): \($0.message.en)" })")
        #expect(
            script.unknownKeys(in: scenario).isEmpty,
            "\(script.unknownKeys(in: scenario).map { "\($0.range.start.line): \($0.message.en)" })")
        let setup = try #require(script.setup)
        #expect(setup.problems(for: scenario).isEmpty)

        let engine = Engine(scenario: scenario)
        var events: [SessionEvent] = [.setup(setup, at: Timestamp(0))]
        var used = Set<AnswerKey>()
        var state = engine.replay(events)
        while let prompt = state.prompt {
            let time = Timestamp(Double(events.count) * 30)
            switch script.input(for: prompt.key) {
            case .skip: events.append(.skip(prompt.key, at: time))
            case .lines(let lines):
                switch AnswerParser.parse(lines, for: prompt) {
                case .success(let value): events.append(.answer(prompt.key, value, at: time))
                case .failure(let error):
                    Issue.record("\(name): \(prompt.key): \(error.message.en)")
                    return
                }
            case nil:
                Issue.record("\(name): the script has no answer for \(prompt.key)")
                return
            }
            used.insert(prompt.key)
            state = engine.replay(events)
        }
        #expect(state.next == .finished)
        #expect(state.orphaned.isEmpty)
        // Every scripted answer was asked for (scripts follow one path through the branches).
        let unused = script.entries.filter { !used.contains($0.key) }.map(\.keyText)
        #expect(unused.isEmpty, "\(name): not asked: \(unused)")
        for vote in state.votes { #expect(vote.winner != nil) }
    }

    /// `replay(_:continuing:)`, which the REPL uses after every answer and which walks from
    /// the step of the answered question, gives exactly what a full replay (a walk from the
    /// first step) gives, at every answer and skip of every bundled playthrough, after a resume
    /// marker, and when the state it continues comes from an undo.
    @Test(arguments: names) func continuingEqualsAFullReplay(name: String) throws {
        let path = "Scenarios/\(name).casus"
        let loaded = ScenarioLoader.load(path: path, provider: InMemorySourceProvider(Self.scenarioFiles()))
        let scenario = try #require(loaded.scenario)
        let scriptText = try String(
            contentsOf: Self.root.appendingPathComponent("Tests/Fixtures/Playthroughs/\(name).answers"),
            encoding: .utf8)
        let script = AnswerScript.parse(scriptText, path: "\(name).answers").script
        let engine = Engine(scenario: scenario)
        var events: [SessionEvent] = [.setup(try #require(script.setup), at: Timestamp(0))]
        var state = engine.replay(events)
        var steps = 0
        while let prompt = state.prompt {
            let time = Timestamp(Double(events.count) * 30 + Double(steps % 7))
            switch script.input(for: prompt.key) {
            case .skip: events.append(.skip(prompt.key, at: time))
            case .lines(let lines):
                guard case .success(let value) = AnswerParser.parse(lines, for: prompt) else { return }
                events.append(.answer(prompt.key, value, at: time))
            case nil: return
            }
            let continued = engine.replay(events, continuing: state)
            let full = engine.replay(events)
            Self.expectSame(continued, full, "\(name) \(prompt.key)")
            // After an undo the state comes from a full replay; answering again continues from it.
            let back = engine.replay(SessionEvent.undo(events))
            #expect(back.prompt?.key == prompt.key)
            Self.expectSame(engine.replay(events, continuing: back), full, "\(name) \(prompt.key) after undo")
            state = continued
            if steps % 5 == 4 {
                // A resume in between only restarts the clock.
                events.append(.resumed(at: time + 600))
                state = engine.replay(events, continuing: state)
                Self.expectSame(state, engine.replay(events), "\(name) resumed after \(prompt.key)")
            }
            steps += 1
        }
        #expect(steps > 10)
        #expect(state.next == .finished)
    }

    /// Everything a state shows or stores, compared field by field.
    static func expectSame(_ continued: SessionState, _ full: SessionState, _ at: String) {
        #expect(continued.answers == full.answers, "\(at)")
        #expect(continued.skipped == full.skipped, "\(at)")
        #expect(continued.next == full.next, "\(at)")
        #expect(continued.output == full.output, "\(at)")
        #expect(continued.transcript == full.transcript, "\(at)")
        #expect(continued.votes == full.votes, "\(at)")
        #expect(continued.orphaned == full.orphaned, "\(at)")
        #expect(continued.timings == full.timings, "\(at)")
        #expect(continued.lastCounted == full.lastCounted, "\(at)")
        #expect(continued.hasFinishedMarker == full.hasFinishedMarker, "\(at)")
    }
}
