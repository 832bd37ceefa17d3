import Foundation
import Testing

@testable import CasusCore

@Suite("Runtime: keys and events as text")
struct RuntimeCodingTests {
    @Test(arguments: [
        "beleving[slachtoffer]", "effect[2][pesters]", "gekozen[Anna]", "gekozen", "x[Anna de Vries]",
        "x[a\\]b]",
    ])
    func keyRoundTrip(text: String) {
        let key = AnswerKey(canonical: text)
        #expect(key?.description == text)
    }

    @Test func keyComponents() {
        #expect(AnswerKey(canonical: "effect[2][pesters]") == AnswerKey("effect", ["2", "pesters"]))
        #expect(AnswerKey("x", ["a]b"]).description == "x[a\\]b]")
    }

    @Test(arguments: ["", "[a]", "1abc", "a[", "a[]", "a[b]c", "a b"]) func badKeys(text: String) {
        #expect(AnswerKey(canonical: text) == nil)
    }

    @Test func eventsRoundTripAsReadableJSON() throws {
        let events: [SessionEvent] = [
            .setup(RT.group, at: Timestamp(1_700_000_000)),
            .answer(AnswerKey("wat"), .text("t"), at: Timestamp(1)),
            .answer(AnswerKey("l"), .longText("a\nb"), at: Timestamp(2)),
            .answer(AnswerKey("s"), .list(["a", "b"]), at: Timestamp(3)),
            .answer(AnswerKey("j"), .yesNo(true), at: Timestamp(4)),
            .answer(AnswerKey("c"), .choice("A"), at: Timestamp(5)),
            .answer(AnswerKey("n"), .scale(3), at: Timestamp(6)),
            .answer(AnswerKey("m"), .member("Anna"), at: Timestamp(7)),
            .answer(AnswerKey("r"), .role("pesters"), at: Timestamp(8)),
            .answer(AnswerKey("e", ["1", "pesters"]), .effect(.positive, note: "ok"), at: Timestamp(9)),
            .answer(AnswerKey("e", ["2", "pesters"]), .effect(.veryNegative, note: nil), at: Timestamp(9)),
            .answer(
                AnswerKey("v"), .vote(VoteDecision(chosen: "A", tally: [VoteCount(option: "A", votes: 2)])),
                at: Timestamp(10)),
            .skip(AnswerKey("x"), at: Timestamp(11)), .resumed(at: Timestamp(12)),
            .finished(at: Timestamp(13)),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(events)
        #expect(try JSONDecoder().decode([SessionEvent].self, from: data) == events)
        let answer = String(decoding: try encoder.encode(events[9]), as: UTF8.self)
        #expect(
            answer
                == #"{"at":9,"event":"answer","key":"e[1][pesters]","value":{"note":"ok","rating":"+","type":"effect"}}"#
        )
        // No note is written as null (the sheet's shape); a journal that left it out still reads.
        #expect(String(decoding: try encoder.encode(events[10]), as: UTF8.self).contains(#"{"note":null,"rating":"--""#))
        let older = #"{"at":9,"event":"answer","key":"e[2][pesters]","value":{"rating":"--","type":"effect"}}"#
        #expect(try JSONDecoder().decode(SessionEvent.self, from: Data(older.utf8)) == events[10])
        let setup = String(decoding: try encoder.encode(events[0]), as: UTF8.self)
        #expect(setup.contains(#""jobs":{"presenter":"Bram","scribe":"Anna","timekeeper":"Carla"}"#))
        #expect(setup.contains(#""event":"setup""#))
    }

    @Test func setupProblems() {
        let scenario = RT.scenario([])
        #expect(RT.group.problems(for: scenario).isEmpty)
        let bad = GroupSetup(group: " ", members: ["Anna", "anna", "B[1]"], jobs: [.scribe: "Eva"])
        #expect(
            bad.problems(for: scenario).map(\.nl) == [
                "De groep heeft een naam nodig.", "anna staat er twee keer in; geef elk lid een eigen naam.",
                "Gebruik geen [, ] of \\ in een naam: B[1]", "Eva is geen lid van de groep (notulist).",
            ])
        #expect(
            GroupSetup(group: "G", members: ["A"]).problems(for: scenario) == [
                RuntimeMessages.memberCount(2...6)
            ])
        // Two jobs for one member: only when the group is smaller than the list of jobs.
        let members = ["Anna", "Bram", "Chantal"]
        let double: [Job: String] = [.scribe: "Chantal", .presenter: "Chantal", .timekeeper: "Anna"]
        #expect(
            GroupSetup(group: "G", members: members, jobs: double).problems(for: scenario) == [
                RuntimeMessages.doubleJob("Chantal", has: .scribe, wanted: .presenter)
            ])
        #expect(GroupSetup(group: "G", members: ["Anna", "Chantal"], jobs: double).problems(for: scenario).isEmpty)
    }
}
