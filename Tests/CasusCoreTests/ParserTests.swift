import Testing
@testable import CasusCore

/// Units over the parser: the syntax tree it builds for each construct.
@Suite struct ParserTests {
    private func parse(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> SourceFile {
        let (file, diagnostics) = Parser.parse(text, path: "t.casus")
        #expect(diagnostics.isEmpty, "unexpected: \(diagnostics.map { "\($0.code) \($0.message.en)" })", sourceLocation: sourceLocation)
        return file
    }

    private func steps(_ file: SourceFile) -> [Step] {
        file.items.compactMap { if case .step(let s) = $0 { s } else { nil } }
    }

    /// The body of the only step of `body` wrapped in a step.
    private func body(_ statements: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Statement] {
        let file = parse("stap \"S\"\n" + statements + "\neinde\n", sourceLocation: sourceLocation)
        return steps(file).first?.body ?? []
    }

    private func question(_ line: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Question? {
        guard case .question(let q)? = body(line, sourceLocation: sourceLocation).first else { return nil }
        return q
    }

    private func condition(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Expression? {
        guard case .conditional(let c)? = body("als \(text)\n    zeg: x\neinde", sourceLocation: sourceLocation).first else { return nil }
        return c.branches.first?.condition
    }

    /// A compact rendering of a condition: names, `!`, `&`, `|`, comparisons, in parentheses.
    private func show(_ e: Expression?) -> String {
        guard let e else { return "nil" }
        switch e {
        case .name(let id): return id.name
        case .number(let n, _): return String(n)
        case .string(let s, _): return "\"\(s)\""
        case .boolean(let b, _): return b ? "yes" : "no"
        case .count(let id, _): return "#\(id.name)"
        case .not(let inner, _): return "!\(show(inner))"
        case .and(let a, let b): return "(\(show(a)) & \(show(b)))"
        case .or(let a, let b): return "(\(show(a)) | \(show(b)))"
        case .compare(let a, let op, let b): return "(\(show(a)) \(op.rawValue) \(show(b)))"
        }
    }

    private func plain(_ statement: Statement?) -> String? {
        switch statement {
        case .say(let t)?, .note(let t)?: t.plain
        default: nil
        }
    }

    // MARK: - Metadata and top level

    @Test func metadataLinesInBothLanguages() {
        let file = parse("titel: Afpersing # opmerking\nlanguage: en\nduur: 50 min\nleden: 2-6\n")
        let entries = file.items.compactMap { if case .metadata(let m) = $0 { m } else { nil } }
        #expect(entries.map(\.key) == [.title, .language, .duration, .members])
        #expect(entries[0].value == "Afpersing")
        #expect(entries[0].valueRange.start == CasusCore.SourceLocation(line: 1, column: 8))
        #expect(entries[2].value == "50 min")
    }

    @Test func metadataCommentsNeedASpaceBeforeTheHash() {
        let file = parse("titel: Groep#4 # niet dit\n")
        guard case .metadata(let m)? = file.items.first else {
            Issue.record("no metadata")
            return
        }
        #expect(m.value == "Groep#4")
    }

    @Test func caseTextKeepsKeywordSentencesAsProse() {
        let file = parse("""
            casus:
                Als de jongen besluit om te zwijgen, vraag dan door.
                Stap voor stap wordt het erger. einde

                Voor elke klas geldt dit.
            """)
        guard case .caseText(let text)? = file.items.first else {
            Issue.record("no case text")
            return
        }
        #expect(text.plain == "Als de jongen besluit om te zwijgen, vraag dan door. Stap voor stap wordt het erger. einde\n\nVoor elke klas geldt dit.")
        #expect(text.range.start == CasusCore.SourceLocation(line: 2, column: 5))
        #expect(text.range.end.line == 5)
    }

    @Test func textKeepsHashesAndListItems() {
        let file = parse("notitie:\n    Zie #3 hieronder:\n    - eerste\n    - tweede\n")
        guard case .note(let text)? = file.items.first else {
            Issue.record("no note")
            return
        }
        #expect(text.plain == "Zie #3 hieronder:\n- eerste\n- tweede")
    }

    @Test func textEndsAtTheFirstLineNotDeeperThanItsOwner() {
        let file = parse("casus: Inline begin\n  en verder\nrol a: A\n")
        #expect(file.items.count == 2)
        guard case .caseText(let text) = file.items[0] else {
            Issue.record("no case text")
            return
        }
        #expect(text.plain == "Inline begin en verder")
    }

    @Test func rolesAndInfoBlocks() {
        let file = parse("""
            rol slachtoffer: het meisje uit havo 4
                Vertelt het thuis.
            role friend: her friend
            info groepsdynamiek: Hoe maak je een groep?
                Forming: één of twee weken.
            """)
        let roles = file.items.compactMap { if case .role(let r) = $0 { r } else { nil } }
        #expect(roles.map(\.id.name) == ["slachtoffer", "friend"])
        #expect(roles[0].name == "het meisje uit havo 4")
        #expect(roles[0].description?.plain == "Vertelt het thuis.")
        #expect(roles[1].description == nil)
        guard case .info(let info) = file.items[2] else {
            Issue.record("no info")
            return
        }
        #expect(info.id.name == "groepsdynamiek")
        #expect(info.title == "Hoe maak je een groep?")
        #expect(info.body.plain == "Forming: één of twee weken.")
    }

    @Test func includesInBothLanguages() {
        let file = parse("invoegen \"gedeeld/groep.casus\"\ninclude \"b.casus\" # tweede\n")
        let paths = file.items.compactMap { if case .include(let i) = $0 { i.path } else { nil } }
        #expect(paths == ["gedeeld/groep.casus", "b.casus"])
        if case .include(let i) = file.items[0] {
            #expect(i.pathRange.start.column == 10)
        }
    }

    @Test func commentLinesAreSkippedEverywhere() {
        let file = parse("# kop\ntitel: x\n  # ingesprongen\nstap \"S\"\n    # binnen\n    zeg: hoi\neinde # klaar\n")
        #expect(file.items.count == 2)
        #expect(steps(file)[0].body.count == 1)
    }

    // MARK: - Steps

    @Test func stepTitleBudgetAndEnd() {
        let file = parse("stap \"De situatie verkennen\" (10 min)\n    zeg: hoi\neinde\nstep Two\nend\n")
        let all = steps(file)
        #expect(all.map(\.title) == ["De situatie verkennen", "Two"])
        #expect(all.map(\.budgetMinutes) == [10, nil])
        #expect(all[0].endRange?.start.line == 3)
        #expect(all[0].range.start == CasusCore.SourceLocation(line: 1, column: 1))
    }

    @Test func sayInlineAndBlock() {
        let statements = body("    zeg: Lees voor.\n    say:\n        Maak viertallen.\n        Spreek af.\n    notitie: geheim")
        #expect(statements.map(plain) == ["Lees voor.", "Maak viertallen. Spreek af.", "geheim"])
        if case .note = statements[2] {} else { Issue.record("expected a note") }
    }

    // MARK: - Interpolation

    @Test func interpolationSegments() {
        let statements = body("    zeg: Hallo {groep}, {{letterlijk}} en { rol }!")
        guard case .say(let text)? = statements.first else {
            Issue.record("no say")
            return
        }
        #expect(text.segments == [
            .literal("Hallo "),
            .interpolation(Identifier("groep", at: SourceRange(file: "t.casus", line: 2, column: 16, length: 7))),
            .literal(", {letterlijk} en "),
            .interpolation(Identifier("rol", at: SourceRange(file: "t.casus", line: 2, column: 43, length: 7))),
            .literal("!"),
        ])
        #expect(text.interpolations.map(\.name) == ["groep", "rol"])
        #expect(text.plain == "Hallo {groep}, {letterlijk} en {rol}!")
    }

    @Test func interpolationInPromptsAcrossContinuationLines() {
        let q = question("    vraag x (lang): {lid},\n        wat zag {slachtoffer}?")
        #expect(q?.prompt.interpolations.map(\.name) == ["lid", "slachtoffer"])
        #expect(q?.prompt.interpolations.last?.range.start == CasusCore.SourceLocation(line: 3, column: 17))
    }

    // MARK: - Questions

    @Test func everyQuestionType() {
        let cases: [(String, AnswerType)] = [
            ("vraag a: p", .text),
            ("vraag a (tekst): p", .text),
            ("ask a (text): p", .text),
            ("vraag a (lang): p", .longText(maxMinutes: nil)),
            ("vraag a (long, max 3 min): p", .longText(maxMinutes: 3)),
            ("vraag a (lijst): p", .list(min: nil, max: nil)),
            ("vraag a (lijst, min 2, max 5): p", .list(min: 2, max: 5)),
            ("vraag a (ja/nee): p", .yesNo),
            ("ask a (yes/no): p", .yesNo),
            ("vraag a (schaal): p", .scale(min: 1, max: 5)),
            ("vraag a (schaal 1-10): p", .scale(min: 1, max: 10)),
            ("ask a (scale 0-3): p", .scale(min: 0, max: 3)),
            ("vraag a (lid): p", .member),
            ("vraag a (rol): p", .role),
            ("ask a (role): p", .role),
        ]
        for (line, type) in cases {
            let q = question("    " + line)
            #expect(q?.type == type, "\(line)")
            #expect(q?.id.name == "a", "\(line)")
            #expect(q?.keyword == .ask, "\(line)")
            #expect(q?.prompt.plain == "p", "\(line)")
        }
    }

    @Test func choiceOptionsAreSplitFromThePrompt() {
        let q = question("""
                vraag onderwerp (keuze): Welk onderwerp
                    heeft jullie groep?
                    - Hoe signaleren we pester(s)?
                    -   Hoe signaleren we slachtoffer(s)?
            """)
        #expect(q?.type == .choice)
        #expect(q?.prompt.plain == "Welk onderwerp heeft jullie groep?")
        #expect(q?.options.map(\.text) == ["Hoe signaleren we pester(s)?", "Hoe signaleren we slachtoffer(s)?"])
        #expect(q?.options[1].range.start == CasusCore.SourceLocation(line: 5, column: 13))
    }

    @Test func dashLinesStayProseUnderNonChoiceQuestions() {
        let q = question("    vraag x (lang): Denk aan:\n        - pesters\n        - meelopers")
        #expect(q?.options.isEmpty == true)
        #expect(q?.prompt.plain == "Denk aan:\n- pesters\n- meelopers")
    }

    @Test func solutionsEffectAndVote() {
        let statements = body("""
                oplossingen (min 2): Welke oplossingen?
                voor elke oplossing
                    voor elke rol
                        effect: Wat doet "{oplossing}" met {rol}?
                        effect kort: Kort?
                    einde
                einde
                stem gekozen: Welke kiezen jullie?
                vote manier (choice): Hoe?
                    - samen
                    - alleen
            """)
        guard case .question(let solutions) = statements[0], case .loop(let outer) = statements[1],
            case .question(let vote) = statements[2], case .question(let vote2) = statements[3]
        else {
            Issue.record("unexpected shape: \(statements)")
            return
        }
        #expect(solutions.keyword == .solutions)
        #expect(solutions.id.name == "oplossingen")
        #expect(solutions.type == .list(min: 2, max: nil))
        guard case .loop(let inner) = outer.body.first else {
            Issue.record("no inner loop")
            return
        }
        let effects = inner.body.compactMap { if case .question(let q) = $0 { q } else { nil } }
        #expect(effects.map(\.id.name) == ["effect", "kort"])
        #expect(effects.map(\.type) == [.effect, .effect])
        #expect(vote.keyword == .vote)
        #expect(vote.type == .vote)
        #expect(vote.options.isEmpty)
        #expect(vote2.options.map(\.text) == ["samen", "alleen"])
    }

    // MARK: - Conditions

    @Test func notBindsTighterThanAndThanOr() {
        #expect(show(condition("a of b en niet c")) == "(a | (b & !c))")
        #expect(show(condition("niet a en b of c")) == "((!a & b) | c)")
        #expect(show(condition("a and b or not c and d")) == "((a & b) | (!c & d))")
        #expect(show(condition("niet niet a")) == "!!a")
    }

    @Test func parenthesesOverridePrecedence() {
        #expect(show(condition("(a of b) en c")) == "((a | b) & c)")
        #expect(show(condition("niet (a of b)")) == "!(a | b)")
    }

    @Test func comparisonsAndLiterals() {
        #expect(show(condition("aantal spelers > 4 en niet ernstig")) == "((#spelers > 4) & !ernstig)")
        #expect(show(condition("x = ja")) == "(x = yes)")
        #expect(show(condition("x != no")) == "(x != no)")
        #expect(show(condition("k = \"Een\" of count members <= 3")) == "((k = \"Een\") | (#members <= 3))")
        #expect(show(condition("s >= 2")) == "(s >= 2)")
        #expect(show(condition("rol = slachtoffer")) == "(rol = slachtoffer)")
    }

    @Test func elseIfAndElseBranches() {
        let statements = body("""
                als a
                    zeg: 1
                anders als b
                    zeg: 2
                else if c
                    zeg: 3
                anders
                    zeg: 4
                einde
            """)
        guard case .conditional(let c)? = statements.first else {
            Issue.record("no conditional")
            return
        }
        #expect(c.branches.map { show($0.condition) } == ["a", "b", "c"])
        #expect(c.branches.map { plain($0.body.first) } == ["1", "2", "3"])
        #expect(c.elseBody.map { $0.map(plain) } == ["4"])
        #expect(c.endRange?.start.line == 10)
    }

    // MARK: - Loops

    @Test func everyLoopKind() {
        let statements = body("""
                voor elke rol
                einde
                voor elk lid
                einde
                for each solution
                end
                voor elk punt in zorgen
                einde
                for each item in worries
                end
            """)
        let loops = statements.compactMap { if case .loop(let l) = $0 { l } else { nil } }
        #expect(loops.count == 5)
        #expect(loops[0].source == .roles)
        #expect(loops[0].variable.name == "rol")
        #expect(loops[1].source == .members)
        #expect(loops[2].source == .solutions)
        #expect(loops[2].variable.name == "solution")
        guard case .items(let variable, let list) = loops[3].source else {
            Issue.record("no item loop")
            return
        }
        #expect(variable.name == "punt")
        #expect(list.name == "zorgen")
        #expect(list.range.start == CasusCore.SourceLocation(line: 8, column: 22))
        guard case .items(let v2, let l2) = loops[4].source else {
            Issue.record("no item loop")
            return
        }
        #expect(v2.name == "item")
        #expect(l2.name == "worries")
    }

    @Test func nestedBlocksCloseInOrder() {
        let statements = body("""
                voor elk lid
                    als x
                        voor elke rol
                            zeg: {lid} {rol}
                        einde
                    einde
                einde
            """)
        guard case .loop(let outer)? = statements.first, case .conditional(let c)? = outer.body.first,
            case .loop(let inner)? = c.branches.first?.body.first
        else {
            Issue.record("unexpected shape")
            return
        }
        #expect(inner.body.count == 1)
        #expect(inner.endRange?.start.line == 6)
        #expect(c.endRange?.start.line == 7)
        #expect(outer.endRange?.start.line == 8)
    }

    // MARK: - Sheet

    @Test func sheetHeadingsAndShows() {
        let file = parse("""
            blad
                kop: Onze casus
                toon casus, rollen
                heading: What we saw
                show wat, groepsdruk
            einde
            """)
        guard case .sheet(let sheet)? = file.items.first else {
            Issue.record("no sheet")
            return
        }
        #expect(sheet.entries.count == 4)
        guard case .heading(let h, _) = sheet.entries[0], case .show(let names) = sheet.entries[3] else {
            Issue.record("unexpected entries")
            return
        }
        #expect(h == "Onze casus")
        #expect(names.map(\.name) == ["wat", "groepsdruk"])
        #expect(sheet.endRange?.start.line == 6)
    }

    // MARK: - Hostile input

    @Test func bytesThatAreNotUTF8GiveOneError() {
        let (file, diagnostics) = Parser.parse(bytes: [0x74, 0x0A, 0x61, 0xFF, 0xFE], path: "x.casus")
        #expect(file.items.isEmpty)
        #expect(diagnostics.map(\.code.rawValue) == ["C001"])
        #expect(diagnostics.first?.range.start == CasusCore.SourceLocation(line: 2, column: 2))
    }

    @Test func nulByteIsLocated() {
        let (_, diagnostics) = Parser.parse(bytes: Array("titel: a\nxy\0".utf8), path: "x.casus")
        #expect(diagnostics.map(\.code.rawValue) == ["C001"])
        #expect(diagnostics.first?.range.start == CasusCore.SourceLocation(line: 2, column: 3))
    }

    @Test func oversizedFilesAreRefusedBeforeDecoding() {
        let (_, diagnostics) = Parser.parse(bytes: [UInt8](repeating: 0x61, count: Parser.maxFileBytes + 1), path: "x.casus")
        #expect(diagnostics.map(\.code.rawValue) == ["C020"])
    }

    @Test func deepNestingIsCappedWithoutRecursingForever() {
        let depth = 5_000
        var text = "stap \"S\"\n"
        for _ in 0..<depth { text += "als x\n" }
        for _ in 0..<depth { text += "einde\n" }
        text += "einde\n"
        let (_, diagnostics) = Parser.parse(text, path: "x.casus")
        #expect(diagnostics.map(\.code.rawValue) == ["C014"])
    }
}
