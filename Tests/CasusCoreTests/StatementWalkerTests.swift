import Testing

@testable import CasusCore

@Suite struct StatementWalkerTests {
    static let source = """
        titel: W
        stap "S"
            zeg: een
            vraag a (ja/nee): ?
            als a
                notitie: twee
                voor elke oplossing
                    zeg: drie
                einde
            anders
                zeg: vier
            einde
        einde
        """

    /// Records what it visits; the defaults descend into every body.
    struct Recorder: StatementWalker {
        var seen: [String] = []
        var stopAfter = Int.max

        mutating func willVisit(_ statement: Statement) -> Bool { seen.count >= stopAfter }
        mutating func visitSay(_ text: Text) { seen.append("say \(text.plain)") }
        mutating func visitNote(_ text: Text) { seen.append("note \(text.plain)") }
        mutating func visitQuestion(_ question: Question) { seen.append("ask \(question.id.name)") }
    }

    static func steps() -> [Step] {
        let (file, _) = Parser.parse(source, path: "w.casus")
        return file.items.compactMap { if case .step(let s) = $0 { s } else { nil } }
    }

    @Test func defaultDescentVisitsEveryBodyInSourceOrder() {
        var recorder = Recorder()
        recorder.walk(Self.steps())
        #expect(recorder.seen == ["say een", "ask a", "note twee", "say drie", "say vier"])
    }

    @Test func willVisitEndsTheWalk() {
        var recorder = Recorder(stopAfter: 2)
        recorder.walk(Self.steps())
        #expect(recorder.seen == ["say een", "ask a"])
    }

    @Test func collectorsAndCounterUseTheSameDescent() {
        let steps = Self.steps()
        #expect(QuestionCollector.questions(in: steps).map(\.id.name) == ["a"])
        #expect(ConditionalCollector.conditionals(in: steps).count == 1)
        var counter = StatementCounter()
        counter.walk(steps)
        #expect(counter.count == 7)
        #expect(StatementCounter.asksQuestions(steps[0].body))
    }
}
