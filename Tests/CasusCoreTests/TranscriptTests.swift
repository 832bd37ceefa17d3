import Testing

@testable import CasusCore

struct TranscriptTests {
    static func entry(_ name: String, step: Int) -> TranscriptEntry {
        guard case .question(let question) = RT.ask(name) else { preconditionFailure("RT.ask makes a question") }
        return TranscriptEntry(key: AnswerKey(name), question: question, stepIndex: step, prompt: name, value: .text(name))
    }

    @Test func entriesReadInPlayOrderAcrossSteps() {
        var transcript = Transcript()
        #expect(transcript.isEmpty)
        for (name, step) in [("a", 0), ("b", 0), ("c", 2), ("d", 2), ("e", 3)] { transcript.append(Self.entry(name, step: step)) }
        #expect(transcript.count == 5)
        #expect(transcript.map(\.prompt) == ["a", "b", "c", "d", "e"])
        #expect(transcript[2].prompt == "c" && transcript[4].prompt == "e")
        #expect(transcript.stepCount == 3)
    }

    @Test func aPrefixKeepsWholeStepsAndGrowsOnItsOwn() {
        var transcript = Transcript()
        for (name, step) in [("a", 0), ("b", 0), ("c", 1), ("d", 2)] { transcript.append(Self.entry(name, step: step)) }
        var kept = transcript.prefix(steps: 2)
        #expect(kept.map(\.prompt) == ["a", "b", "c"])
        #expect(transcript.prefix(steps: 0).isEmpty)
        kept.append(Self.entry("x", step: 2))
        #expect(kept.map(\.prompt) == ["a", "b", "c", "x"])
        // The original is untouched.
        #expect(transcript.map(\.prompt) == ["a", "b", "c", "d"])
        #expect(kept != transcript)
    }

    @Test func equalityComparesEntriesNotHowTheyAreKept() {
        var one = Transcript(), other = Transcript()
        for (name, step) in [("a", 0), ("b", 1)] {
            one.append(Self.entry(name, step: step))
            other.append(Self.entry(name, step: step))
        }
        #expect(one == other)
        #expect(one.prefix(steps: 2) == other)
        #expect([Self.entry("a", step: 0)] as Transcript == one.prefix(steps: 1))
    }
}
