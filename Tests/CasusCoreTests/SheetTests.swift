import Foundation
import Testing
import CasusStore
import TestSupport
@testable import CasusCore

/// A fixed session of the havo 4 case, played through the real loader and engine.
enum SheetFixture {
    static let pitch = "Wij kiezen aangifte. Het meisje is veilig en de school steunt haar."

    /// The session; `clock` shifts every timestamp (the answers stay the same).
    static func session(clock: Double = 1_700_000_000, pitch: String = SheetFixture.pitch, group: GroupSetup = RT.group) -> RT.Session {
        var s = RT.Session(RT.load(RT.havo4), setup: group)
        s.clock = clock
        s.events = [.setup(group, at: Timestamp(clock))]
        s.type("Bedreigd en afgeperst via Instagram.")
        s.type("ja")
        s.type("De hele klas deed mee <uit angst>.")
        s.type("het meisje\nde pesters\nde ouders")
        s.type("bang")
        s.type("stoer")
        s.type("Gesprek met mentor\nAangifte doen")
        for rating in ["++", "-", "+ ze voelt zich gehoord", "--"] { s.type(rating) }
        for input in ["1", "2", "1", "2"] { s.type(input) }
        s.type("aan")
        s.type(pitch)
        return s
    }

    static func model(_ s: RT.Session, language: Language = .nl) -> SheetModel {
        SheetModel(
            state: s.state, language: language, started: s.events.first?.timestamp, updated: s.events.last?.timestamp)
    }
}

@Suite("Sheets")
struct SheetTests {
    static let goldenFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/Sheets")

    /// Compares with a golden file (see `Golden`).
    func golden(_ name: String, _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let problem = Golden.mismatch(text, golden: Self.goldenFolder.appendingPathComponent(name))
        #expect(problem == nil, sourceLocation: sourceLocation)
    }

    @Test func markdownGolden() throws {
        let s = SheetFixture.session()
        #expect(s.state.next == .finished)
        try golden("havo4.nl.md", MarkdownSheet.render(SheetFixture.model(s)))
        try golden("havo4.en.md", MarkdownSheet.render(SheetFixture.model(s, language: .en)))
    }

    @Test func htmlGolden() throws {
        try golden("havo4.nl.html", HTMLSheet.render(SheetFixture.model(SheetFixture.session())))
    }

    @Test func jsonGolden() throws {
        try golden("havo4.nl.json", try json(SheetFixture.model(SheetFixture.session())))
    }

    @Test func markdownHoldsEveryPart() {
        let md = MarkdownSheet.render(SheetFixture.model(SheetFixture.session()))
        for part in [
            "# Presentatieblad: Afpersing via sociale media", "## Groep: Groep Blauw", "- Notulist: Anna",
            "## De casus", "## Rollen", "### Stap 1: De situatie verkennen", "## Groepsdruk",
            "| 1. Gesprek met mentor | ++ | - | +1 |", "Gekozen oplossing: **Aangifte doen** (gelijke stand; de groep heeft gekozen)",
            "## Tijd per stap", "## Ons besluit", "_(rol: het meisje)_",
        ] {
            #expect(md.contains(part), "missing: \(part)")
        }
    }

    @Test func speakingTimeEstimateAndWarning() {
        let short = SheetFixture.model(SheetFixture.session(pitch: Array(repeating: "woord", count: 130).joined(separator: " ")))
        #expect(short.speeches.count == 1)
        #expect(short.speeches[0].words == 130)
        #expect(short.speeches[0].seconds == 60)
        #expect(!short.speeches[0].isOverLimit)
        #expect(!MarkdownSheet.render(short).contains("Let op"))

        let long = SheetFixture.model(SheetFixture.session(pitch: Array(repeating: "woord", count: 400).joined(separator: " ")))
        #expect(long.speeches[0].limitMinutes == 3)
        #expect(long.speeches[0].isOverLimit)
        #expect(MarkdownSheet.render(long).contains("Let op: langer dan 3 minuten."))
        #expect(HTMLSheet.render(long).contains("class=\"warning\""))
        #expect(MarkdownSheet.render(SheetFixture.model(SheetFixture.session(pitch: Array(repeating: "word", count: 400).joined(separator: " ")), language: .en)).contains("Warning: longer than 3 minutes."))
        #expect(SheetDocument(long).speaking?.overLimit == true)
        #expect(SheetDocument(short).speaking?.overLimit == false)
    }

    @Test func htmlEscapesEverything() {
        let evil = GroupSetup(group: "<script>alert('x')</script> & \"co\"", members: ["Anna", "Bram", "Carla", "Daan"], jobs: [.scribe: "Anna"])
        let html = HTMLSheet.render(SheetFixture.model(SheetFixture.session(group: evil)))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;"))
        #expect(html.contains("De hele klas deed mee &lt;uit angst&gt;."))
        #expect(HTMLSheet.e("&<>\"'") == "&amp;&lt;&gt;&quot;&#39;")
        // Self-contained: no links to anything outside the file.
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script") && !html.contains("<link"))
        #expect(html.contains("@page { size: A4"))
    }

    @Test func jsonIsEqualApartFromTimes() throws {
        let a = try json(SheetFixture.model(SheetFixture.session(clock: 1_700_000_000)))
        let b = try json(SheetFixture.model(SheetFixture.session(clock: 1_800_000_123)))
        #expect(a != b)
        func withoutTimes(_ text: String) throws -> NSDictionary {
            var object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(object["times"] != nil)
            object["times"] = nil
            return object as NSDictionary
        }
        #expect(try withoutTimes(a) == withoutTimes(b))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(a.utf8)) as? [String: Any])
        let answers = try #require(parsed["answers"] as? [[String: Any]])
        let effect = try #require(answers.first { $0["key"] as? String == "effect[2][pesters]" })
        #expect(effect["solution"] as? Int == 2)
        #expect(effect["role"] as? String == "pesters")
        #expect(effect["step"] as? Int == 2)
        let ballot = try #require(answers.first { $0["key"] as? String == "gekozen[Bram]" })
        #expect(ballot["member"] as? String == "Bram")
        #expect(parsed["chosen"] as? String == "Aangifte doen")
        #expect(parsed["format"] as? Int == 1)
    }

    @Test func layoutDecidesOrder() {
        let source = RT.havo4 + """


            blad
                kop: Onze oplossing
                toon stemming, pitch
                kop: Wat we zagen
                toon wat_gebeurde, casus
            einde
            """
        var s = RT.Session(RT.load(source))
        for input in ["Afgeperst.", "nee", "a\nb", "bang", "stoer", "Gesprek\nAangifte"] { s.type(input) }
        for _ in 0..<4 { s.type("+") }
        for input in ["1", "1", "1", "2"] { s.type(input) }
        s.type("Kort.")
        let md = MarkdownSheet.render(SheetModel(state: s.state, language: .nl))
        let order = ["## Ons besluit", "### De presentatie", "> Kort.", "## Onze oplossing", "### Stemming", "## Wat we zagen", "**Wat gebeurde er precies?**", "### De casus"]
        let positions = order.map { md.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(md)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(!md.contains("Rollen"))
        // The pitch is shown once, in the decision, not again under its `toon`.
        #expect(!md.contains("**Jullie presentatie in het kort**"), "\(md)")
    }

    @Test func decisionComesFirstAndIsNotRepeated() throws {
        let model = SheetFixture.model(SheetFixture.session())
        let md = MarkdownSheet.render(model)
        let decision = try #require(md.range(of: "## Ons besluit"))
        let group = try #require(md.range(of: "## Groep: Groep Blauw"))
        let answers = try #require(md.range(of: "## Antwoorden"))
        #expect(decision.lowerBound < group.lowerBound && group.lowerBound < answers.lowerBound)
        #expect(md[decision.upperBound...].hasPrefix("\n\nGekozen oplossing: **Aangifte doen**"))
        #expect(md.components(separatedBy: SheetFixture.pitch).count == 2, "the pitch once: \(md)")
        #expect(md.contains("\nSpreektijd: ongeveer 6 s (12 woorden), binnen de grens van 3 minuten.\n"))

        let html = HTMLSheet.render(model)
        let htmlDecision = try #require(html.range(of: "<section class=\"decision\"><h2>Ons besluit</h2>"))
        let htmlAnswers = try #require(html.range(of: "<h2>Antwoorden</h2>"))
        #expect(htmlDecision.lowerBound < htmlAnswers.lowerBound)
        #expect(html.contains("<p class=\"speaking\">Spreektijd: ongeveer 6 s (12 woorden), binnen de grens van 3 minuten.</p>"))
        #expect(html.components(separatedBy: HTMLSheet.e(SheetFixture.pitch)).count == 2)
    }

    @Test func speakingLineReadsWell() {
        let en = SheetFixture.model(SheetFixture.session(pitch: "One."), language: .en)
        #expect(MarkdownSheet.render(en).contains("\nSpeaking time: about 1 s (1 word), within the limit of 3 minutes.\n"))
        let long = SheetFixture.model(SheetFixture.session(pitch: Array(repeating: "woord", count: 400).joined(separator: " ")))
        #expect(MarkdownSheet.render(long).contains(
            "**Spreektijd: ongeveer 3 min 5 s (400 woorden), langer dan de grens van 3 minuten. Let op: langer dan 3 minuten. Maak de presentatie korter.**"))
    }

    @Test func headingsAreNeverEmpty() {
        let source = RT.havo4 + """


            blad
                kop: Onze casus
                toon groep, casus
                kop: Nog niet gevraagd
                toon pitch
                kop: Afronding
                toon tijden
            einde
            """
        var s = RT.Session(RT.load(source), setup: RT.group)
        s.type("Afgeperst.")
        let md = MarkdownSheet.render(SheetModel(state: s.state, language: .nl))
        // The group is part of "Onze casus", not its empty sibling.
        #expect(md.contains("## Onze casus\n\n### Groep: Groep Blauw\n"), "\(md)")
        #expect(!md.contains("Nog niet gevraagd"), "\(md)")
        #expect(md.contains("## Afronding\n\n### Tijd per stap\n"))
        let html = HTMLSheet.render(SheetModel(state: s.state, language: .nl))
        #expect(html.contains("<h2 class=\"custom\">Onze casus</h2>\n<section class=\"group\"><h3>Groep: Groep Blauw</h3>"))
        #expect(!html.contains("Nog niet gevraagd"))
    }

    @Test func votesShowWhoVotedWhat() {
        let md = MarkdownSheet.render(SheetFixture.model(SheetFixture.session()))
        #expect(md.contains("- Gesprek met mentor: 2 stemmen (Anna, Carla)\n- Aangifte doen: 2 stemmen (Bram, Daan)\n"), "\(md)")
        #expect(HTMLSheet.render(SheetFixture.model(SheetFixture.session())).contains("<small class=\"voters\">Anna, Carla</small>"))
    }

    @Test func legendUsesThePromptsWords() {
        let md = MarkdownSheet.render(SheetFixture.model(SheetFixture.session()))
        #expect(md.contains("++ heel positief · + positief · 0 neutraal · - negatief · -- heel negatief"))
    }

    @Test func tableHeadersNeverBreakInsideAWord() {
        // Checked by rendering in Chromium (CONTRIBUTING); here: nothing allows a break anywhere.
        let html = HTMLSheet.render(SheetFixture.model(SheetFixture.session()))
        #expect(!html.contains("overflow-wrap: anywhere") && !html.contains("word-break: break-all"))
        #expect(html.contains("<html lang=\"nl\">"))
    }

    @Test func localTimes() {
        #expect(SheetTime.local(Timestamp(1_700_000_000), offsetSeconds: 3600) == "2023-11-14 23:13 (UTC+1)")
        #expect(SheetTime.local(Timestamp(1_700_000_000), offsetSeconds: -16_200) == "2023-11-14 17:43 (UTC-4:30)")
        let s = SheetFixture.session()
        let model = SheetModel(
            state: s.state, language: .nl, started: s.events.first?.timestamp, updated: s.events.last?.timestamp,
            utcOffsetSeconds: 7200)
        #expect(MarkdownSheet.render(model).contains("Begonnen: 2023-11-15 00:13 (UTC+2)"))
        #expect(HTMLSheet.render(model).contains("Begonnen: 2023-11-15 00:13 (UTC+2)"))
    }

    /// A list asked once per role: the item loop inside that role shows that role's items,
    /// never another role's (the list used to be found by scanning all answers in hash order).
    @Test func itemLoopInsideARoleShowsThatRolesItems() {
        let source = """
            titel: T
            taal: nl
            rol slachtoffer: het meisje
            rol pesters: de pesters
            stap "A" (5 min)
                voor elke rol
                    vraag zorgen (lijst): Welke zorgen heeft {rol}?
                    voor elk punt in zorgen
                        vraag waarom (tekst): Waarom {punt}?
                    einde
                einde
            einde
            """
        var s = RT.Session(RT.load(source))
        for input in ["bang\nalleen", "1", "2", "stoer\nverveeld\nmeelopen", "3", "4", "5"] { s.type(input) }
        #expect(s.state.next == .finished)
        let answers = SheetModel(state: s.state, language: .nl).steps[0].answers.filter { $0.questionId == "waarom" }
        #expect(answers.map(\.role) == ["het meisje", "het meisje", "de pesters", "de pesters", "de pesters"])
        #expect(answers.map(\.item) == ["bang", "alleen", "stoer", "verveeld", "meelopen"])
        #expect(answers.map(\.text) == ["1", "2", "3", "4", "5"])
    }

    @Test func utcTimes() {
        #expect(SheetTime.utc(Timestamp(0)) == "1970-01-01 00:00 UTC")
        #expect(SheetTime.utc(Timestamp(1_700_000_000)) == "2023-11-14 22:13 UTC")
    }

    @Test func jsonDocumentReadsBackAsWritten() throws {
        let document = SheetDocument(SheetFixture.model(SheetFixture.session()))
        let read = try JSONDecoder().decode(SheetDocument.self, from: try SheetJSON.encode(document))
        #expect(read == document)
        #expect(read.answers.contains { $0.type == .effect && $0.value == .effect(.veryPositive, note: nil) })
    }

    @Test func emptySessionRenders() throws {
        let state = Engine(scenario: RT.load(RT.havo4)).replay([])
        let model = SheetModel(state: state, language: .en)
        #expect(MarkdownSheet.render(model).contains("No answers yet."))
        #expect(HTMLSheet.render(model).contains("<!DOCTYPE html>"))
        #expect(SheetDocument(model).group == nil)
        #expect(try json(model).contains("\n  \"group\": null,\n"))
    }
}

/// The JSON sheet as `casus` writes it.
func json(_ model: SheetModel) throws -> String {
    String(decoding: try SheetJSON.encode(SheetDocument(model)), as: UTF8.self)
}
