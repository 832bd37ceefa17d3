import Foundation
import Testing
import TestSupport

/// `casus lsp` driven over pipes: a scripted client writes its messages, the built binary
/// answers, and the framed output is read back message by message.
@Suite struct LSPProtocolTests {
    static let scenario = """
        titel: Afpersing
        taal: nl

        rol slachtoffer: het meisje uit havo 4
            Wordt bedreigd via sociale media.
        rol pesters: de meiden uit de andere klas

        invoegen "deel.casus"

        stap "Verkennen" (10 min)
            vraag druk (ja/nee): Was er groepsdruk?
            als druk
                zeg: {slachtoffer} voelt de druk.
            einde
        einde

        blad
            toon druk, uitleg
        einde

        """
    static let fragment = """
        stap "Uitleg" (5 min)
            vraag uitleg (tekst): Leg uit wat {slachtoffer} deed.
        einde

        """

    private func binary() throws -> String {
        try #require(TestEnvironment.binary(named: "casus"), "build the casus executable first")
    }

    /// A temporary folder with `files`; the caller removes it.
    private func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("casus-lsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files {
            let file = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return url
    }

    private func run(_ script: LSPClientScript, arguments: [String] = []) throws -> (ProcessResult, LSPTranscript) {
        let result = try runProcess(binary: try binary(), arguments: ["lsp"] + arguments, stdin: script.input, environment: TestEnvironment.base)
        return (result, try LSPTranscript(result.stdout))
    }

    @Test func badInputGetsTheProtocolsErrorsAndNeverEndsTheServer() throws {
        var script = LSPClientScript()
        let early = script.request("textDocument/hover", ["textDocument": ["uri": "file:///x.casus"], "position": ["line": 0, "character": 0]])
        script.initialize()
        script.raw("{not json")
        script.unframed("X-Nonsense: 1\r\n\r\n")
        let unknown = script.request("casus/nonsense")
        let badParams = script.request("textDocument/hover", ["textDocument": 42])
        let again = script.request("initialize", ["capabilities": [String: Any]()])
        let last = script.request("textDocument/documentSymbol", ["textDocument": ["uri": "file:///nowhere/x.casus"]])
        let (result, transcript) = try run(script)

        #expect(transcript.errorCode(early) == -32002)
        let nullID = transcript.messages.filter { $0["id"] is NSNull }.compactMap { ($0["error"] as? [String: Any])?["code"] as? Int }
        #expect(nullID == [-32700, -32700])
        #expect(transcript.errorCode(unknown) == -32601)
        #expect(transcript.errorCode(badParams) == -32602)
        #expect(transcript.errorCode(again) == -32600)
        // Still answering after all that, and standard input closing ends it cleanly.
        #expect(transcript.result(last) as? [Any] != nil)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty)
    }

    @Test func shutdownThenExitIsZeroExitAloneIsOne() throws {
        var clean = LSPClientScript()
        clean.initialize()
        let shutdown = clean.request("shutdown")
        let after = clean.request("textDocument/documentSymbol", ["textDocument": ["uri": "file:///x.casus"]])
        clean.notify("exit", [:])
        // Nothing after `exit` is read.
        let never = clean.request("shutdown")
        let (first, transcript) = try run(clean)
        #expect(first.status == 0)
        #expect(transcript.response(shutdown)?.keys.contains("result") == true)
        #expect(transcript.result(shutdown) is NSNull)
        #expect(transcript.errorCode(after) == -32600)
        #expect(transcript.response(never) == nil)

        var abrupt = LSPClientScript()
        abrupt.initialize()
        abrupt.notify("exit", [:])
        #expect(try run(abrupt).0.status == 1)
    }

    @Test func diagnosticsAreExactlyCasusChecksAndFollowEveryChange() throws {
        let broken = Self.scenario.replacingOccurrences(of: "als druk", with: "als drukk")
            .replacingOccurrences(of: "rol pesters:", with: "rol slachtoffer:")
        let dir = try folder(["main.casus": broken, "deel.casus": Self.fragment])
        defer { try? FileManager.default.removeItem(at: dir) }
        let main = dir.appendingPathComponent("main.casus").path

        var script = LSPClientScript()
        script.initialize()
        script.open(main, broken)
        script.change(main, Self.scenario, version: 2)
        let (_, transcript) = try run(script)

        let check = try runProcess(binary: try binary(), arguments: ["check", "--format", "json", main], environment: TestEnvironment.base)
        let files = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [[String: Any]])
        let expected = try #require(files.first?["diagnostics"] as? [[String: Any]])
        #expect(expected.count >= 2)

        let published = transcript.diagnostics(main)
        #expect(published.count == 2)
        let first = try #require(published.first)
        #expect(first.count == expected.count)
        for (got, want) in zip(first, expected) {
            let location = want["location"] as! [String: Any]
            let range = got["range"] as! [String: Any]
            let start = range["start"] as! [String: Any]
            #expect(got["code"] as? String == want["code"] as? String)
            #expect(got["severity"] as? Int == (want["severity"] as? String == "error" ? 1 : 2))
            #expect(start["line"] as? Int == (location["line"] as! Int) - 1)
            #expect(start["character"] as? Int == (location["column"] as! Int) - 1)
            // The message in the scenario's language (Dutch here), the suggestion below it.
            let message = got["message"] as? String ?? ""
            #expect(message.hasPrefix(want["message"] as! String))
            if let fix = want["fixIt"] as? [String: Any] { #expect(message.hasSuffix(fix["message"] as! String)) }
            let notes = (want["notes"] as? [[String: Any]]) ?? []
            let related = (got["relatedInformation"] as? [[String: Any]]) ?? []
            #expect(related.map { $0["message"] as? String } == notes.map { $0["message"] as? String })
        }
        // The duplicate role has its first declaration as related information (line 4).
        let related = first.compactMap { $0["relatedInformation"] as? [[String: Any]] }.flatMap { $0 }
        let lines = related.compactMap { (($0["location"] as? [String: Any])?["range"] as? [String: Any]).flatMap { ($0["start"] as? [String: Any])?["line"] as? Int } }
        #expect(lines.contains(3))
        // The corrected text clears them.
        #expect(published.last?.isEmpty == true)
    }

    @Test func includesAreReadFromOpenBuffersBeforeTheDisk() throws {
        // On disk the fragment lacks the `uitleg` question the main file shows on its sheet.
        let dir = try folder(["main.casus": Self.scenario, "deel.casus": "stap \"Leeg\"\n    zeg: niets\neinde\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let main = dir.appendingPathComponent("main.casus").path
        let part = dir.appendingPathComponent("deel.casus").path

        var script = LSPClientScript()
        script.initialize()
        script.open(main, Self.scenario)
        script.open(part, Self.fragment)
        let (_, transcript) = try run(script)
        let mainLists = transcript.diagnostics(main)
        #expect(mainLists.count == 2)
        #expect(mainLists.first?.contains { ($0["message"] as? String)?.contains("uitleg") == true } == true)
        #expect(mainLists.last?.isEmpty == true)
    }

    @Test func englishScenarioGetsEnglishMessagesAndKeywords() throws {
        let text = "title: Test\nlanguage: en\n\nstep \"One\" (5 min)\n    ask what (text): What?\n    if wat\n        say: x\n    end\nend\n"
        let dir = try folder(["en.casus": text])
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("en.casus").path
        var script = LSPClientScript()
        script.initialize()
        script.open(path, text)
        let keywords = script.at("completion", path, line: 6, character: 4)
        let (_, transcript) = try run(script)
        let message = transcript.diagnostics(path).first?.first?["message"] as? String ?? ""
        #expect(message == "`wat` is not defined\ndid you mean `what`?", "\(message)")
        let labels = (transcript.result(keywords) as? [[String: Any]])?.compactMap { $0["label"] as? String } ?? []
        #expect(labels.contains("ask") && labels.contains("say") && !labels.contains("vraag"))
    }

    @Test func completionFitsWhereTheCursorIs() throws {
        let dir = try folder(["main.casus": Self.scenario, "deel.casus": Self.fragment, "gedeeld/extra.casus": Self.fragment])
        defer { try? FileManager.default.removeItem(at: dir) }
        let main = dir.appendingPathComponent("main.casus").path
        var text = Self.scenario.replacingOccurrences(of: "zeg: {slachtoffer} voelt de druk.", with: "zeg: {sla")
        text = text.replacingOccurrences(of: "vraag druk (ja/nee): Was er groepsdruk?", with: "vraag druk (ja")
        text += "vr\n    vr\ninvoegen \"\n"
        let lines = text.components(separatedBy: "\n")
        func line(_ whole: String) -> Int { lines.firstIndex { $0 == whole }! }

        var script = LSPClientScript()
        script.initialize()
        script.open(main, text)
        // Each at the end of its line, where the author is typing.
        func complete(_ whole: String) -> Int { script.at("completion", main, line: line(whole), character: whole.utf16.count) }
        let topLevel = complete("vr")
        let inStep = complete("    vr")
        let name = complete("        zeg: {sla")
        let type = complete("    vraag druk (ja")
        let condition = script.at("completion", main, line: line("    als druk"), character: 8)
        let include = complete("invoegen \"")
        let (_, transcript) = try run(script)
        func labels(_ id: Int) -> [String] { (transcript.result(id) as? [[String: Any]])?.compactMap { $0["label"] as? String } ?? [] }

        #expect(labels(topLevel).isEmpty, "no top-level keyword starts with vr: \(labels(topLevel))")
        #expect(labels(inStep) == ["vraag"])
        #expect(labels(name) == ["slachtoffer"])
        #expect(labels(type) == ["ja/nee"])
        #expect(labels(condition).contains("uitleg") && labels(condition).contains("slachtoffer"), "\(labels(condition))")
        #expect(labels(include) == ["deel.casus", "gedeeld/extra.casus"])
    }

    @Test func hoverDefinitionReferencesAndOutline() throws {
        let dir = try folder(["main.casus": Self.scenario, "deel.casus": Self.fragment])
        defer { try? FileManager.default.removeItem(at: dir) }
        let main = dir.appendingPathComponent("main.casus").path
        let part = dir.appendingPathComponent("deel.casus").path
        let lines = Self.scenario.components(separatedBy: "\n")
        func line(_ text: String) -> Int { lines.firstIndex { $0.contains(text) }! }

        var script = LSPClientScript()
        script.initialize()
        script.open(main, Self.scenario)
        let hoverRole = script.at("hover", main, line: line("zeg: {slachtoffer}"), character: 20)
        let hoverAnswer = script.at("hover", main, line: line("toon druk"), character: 19)
        let hoverKeyword = script.at("hover", main, line: line("als druk"), character: 5)
        let role = script.at("definition", main, line: line("zeg: {slachtoffer}"), character: 20)
        let answer = script.at("definition", main, line: line("toon druk"), character: 19)
        let include = script.at("definition", main, line: line("invoegen"), character: 12)
        let refs = script.at("references", main, line: line("vraag druk"), character: 11, extra: ["context": ["includeDeclaration": true]])
        let outline = script.request("textDocument/documentSymbol", ["textDocument": ["uri": LSPClientScript.uri(main)]])
        let (_, transcript) = try run(script)

        func hover(_ id: Int) -> String { ((transcript.result(id) as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String ?? "" }
        #expect(hover(hoverRole).contains("het meisje uit havo 4") && hover(hoverRole).contains("Wordt bedreigd via sociale media."))
        #expect(hover(hoverAnswer).contains("uitleg") && hover(hoverAnswer).contains("tekst") && hover(hoverAnswer).contains("stap 1 \"Uitleg\""))
        #expect(hover(hoverKeyword).contains("**als**"))

        func locations(_ id: Int) -> [(String, Int)] {
            (transcript.result(id) as? [[String: Any]])?.map {
                ($0["uri"] as! String, (($0["range"] as! [String: Any])["start"] as! [String: Any])["line"] as! Int)
            } ?? []
        }
        #expect(locations(role).map(\.0) == [LSPClientScript.uri(main)])
        #expect(locations(role).map(\.1) == [line("rol slachtoffer")])
        #expect(locations(answer).map(\.0) == [LSPClientScript.uri(part)])
        #expect(locations(answer).map(\.1) == [1])
        #expect(locations(include).map(\.0) == [LSPClientScript.uri(part)])
        #expect(locations(refs).map(\.1) == [line("vraag druk"), line("als druk"), line("toon druk")])

        let symbols = try #require(transcript.result(outline) as? [[String: Any]])
        let names = symbols.compactMap { $0["name"] as? String }
        #expect(names == ["gegevens", "slachtoffer", "pesters", "deel.casus", "Verkennen", "blad"])
        let step = try #require(symbols.first { $0["name"] as? String == "Verkennen" })
        #expect((step["children"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["druk"])
    }

    @Test func formattingIsCasusFmtAndCodeActionsApplyTheFixIts() throws {
        let messy = Self.scenario.replacingOccurrences(of: "    vraag druk", with: "  vraag druk")
            .replacingOccurrences(of: "toon druk, uitleg", with: "toon drukk, uitleg")
        let fixed = messy.replacingOccurrences(of: "drukk", with: "druk")
        let dir = try folder(["main.casus": fixed, "deel.casus": Self.fragment])
        defer { try? FileManager.default.removeItem(at: dir) }
        let main = dir.appendingPathComponent("main.casus").path
        let sheetLine = messy.components(separatedBy: "\n").firstIndex { $0.contains("toon drukk") }!

        var script = LSPClientScript()
        script.initialize()
        script.open(main, messy)
        let refused = script.request("textDocument/formatting", ["textDocument": ["uri": LSPClientScript.uri(main)], "options": ["tabSize": 4, "insertSpaces": true]])
        let actions = script.request("textDocument/codeAction", [
            "textDocument": ["uri": LSPClientScript.uri(main)],
            "range": ["start": ["line": sheetLine, "character": 0], "end": ["line": sheetLine, "character": 0]],
            "context": ["diagnostics": [Any]()],
        ])
        script.change(main, fixed, version: 2)
        let format = script.request("textDocument/formatting", ["textDocument": ["uri": LSPClientScript.uri(main)], "options": ["tabSize": 4, "insertSpaces": true]])
        let (_, transcript) = try run(script)

        // With an error the file is left alone, as `casus fmt` leaves it.
        #expect(transcript.errorCode(refused) == -32803)
        let action = try #require((transcript.result(actions) as? [[String: Any]])?.first)
        let edits = try #require(((action["edit"] as? [String: Any])?["changes"] as? [String: Any])?[LSPClientScript.uri(main)] as? [[String: Any]])
        #expect(edits.count == 1)
        #expect(edits.first?["newText"] as? String == "druk")
        let start = (edits.first?["range"] as? [String: Any])?["start"] as? [String: Any]
        #expect(start?["line"] as? Int == sheetLine)
        #expect(start?["character"] as? Int == 9)

        let fmt = try runProcess(binary: try binary(), arguments: ["fmt", main], environment: TestEnvironment.base)
        #expect(fmt.status == 0)
        let formatted = try #require((transcript.result(format) as? [[String: Any]])?.first?["newText"] as? String)
        #expect(formatted == fmt.stdout)
        #expect(formatted != fixed)
    }
}
