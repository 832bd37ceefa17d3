import Foundation
import Testing
import TestSupport

/// Neovim's built-in LSP client against `casus lsp`: a headless Neovim runs
/// Tests/Neovim/lsp-session.lua on a bundled scenario with a typo. Skipped, saying so, where
/// Neovim is not installed (`make test` installs it through scripts/ensure-deps).
@Suite struct NeovimLSPTests {
    static let neovim = ["/usr/bin/nvim", "/usr/local/bin/nvim"].first { FileManager.default.isExecutableFile(atPath: $0) }

    private static func repository(_ filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    @Test(.enabled(if: neovim != nil, "Neovim (nvim) is not installed: apt-get install neovim, or run make test"))
    func editingABundledScenarioInNeovim() throws {
        let casus = try #require(TestEnvironment.binary(named: "casus"), "build the casus executable first")
        let repository = Self.repository()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casus-nvim-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Scenarios/gedeeld"), to: folder.appendingPathComponent("gedeeld"))
        let original = try String(contentsOf: repository.appendingPathComponent("Scenarios/vo1-afpersing-havo4.casus"), encoding: .utf8)
        let typo = original.replacingOccurrences(of: "toon groepsdruk_positief", with: "toon groepsdruk_positif")
        #expect(typo != original)
        let file = folder.appendingPathComponent("vo1.casus")
        try typo.write(to: file, atomically: true, encoding: .utf8)
        let resultFile = folder.appendingPathComponent("result.json")

        var environment = TestEnvironment.base
        environment["HOME"] = folder.path
        environment["XDG_CONFIG_HOME"] = folder.appendingPathComponent("config").path
        environment["XDG_DATA_HOME"] = folder.appendingPathComponent("data").path
        environment["XDG_STATE_HOME"] = folder.appendingPathComponent("state").path
        environment["XDG_CACHE_HOME"] = folder.appendingPathComponent("cache").path
        environment["CASUS_BIN"] = casus
        environment["CASUS_FILE"] = file.path
        environment["CASUS_RESULT"] = resultFile.path
        let script = repository.appendingPathComponent("Tests/Neovim/lsp-session.lua").path
        let run = try runProcess(binary: try #require(Self.neovim), arguments: ["--headless", "--clean", "-c", "luafile \(script)"], environment: environment)
        let data = try #require(FileManager.default.contents(atPath: resultFile.path), "Neovim wrote no result: \(run.stdout) \(run.stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(result["error"] == nil, "\(result["error"] ?? "")")

        // The diagnostic at the typo: the line and column casus check gives for this file.
        let check = try runProcess(binary: casus, arguments: ["check", "--format", "json", file.path], environment: TestEnvironment.base)
        let expected = try #require(((try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]])?.first {
            (($0["location"] as? [String: Any])?["file"] as? String) == file.path
        })
        let location = try #require(expected["location"] as? [String: Any])
        let diagnostics = try #require(result["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["line"] as? Int == (location["line"] as! Int) - 1)
        #expect(diagnostics.first?["col"] as? Int == (location["column"] as! Int) - 1)
        #expect(diagnostics.first?["code"] as? String == expected["code"] as? String)
        #expect((diagnostics.first?["message"] as? String)?.contains("groepsdruk_positif") == true)
        #expect(result["cleared"] as? Bool == true)

        #expect(result["completion"] as? [String] == ["invoegen"])
        #expect(result["definition_line"] as? Int == result["role_line"] as? Int)

        // Formatting in Neovim gives what casus fmt gives for the same text.
        let before = try #require(result["before_format"] as? String)
        let after = try #require(result["after_format"] as? String)
        let messy = folder.appendingPathComponent("messy.casus")
        try before.write(to: messy, atomically: true, encoding: .utf8)
        let fmt = try runProcess(binary: casus, arguments: ["fmt", messy.path], environment: TestEnvironment.base)
        #expect(fmt.status == 0, "\(fmt.stderr)")
        #expect(after == fmt.stdout)
        #expect(after != before)
    }
}
