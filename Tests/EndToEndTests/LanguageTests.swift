import Foundation
import Testing
import TestSupport

/// Which language a person reads: the scenario's `taal:` chooses; `LANG` (when it names
/// Dutch or English) overrides it; `--lang` overrides both.
@Suite struct LanguageTests {
    static let dutch = "titel: T\ntaal: nl\nstap \"A\" (5 min)\n    vrag x (tekst): Wat?\neinde\n"
    static let english = "title: T\nlanguage: en\nstep \"A\" (5 min)\n    ask x (text): What?\n    vote y: Which?\nend\n"

    private func check(_ source: String, arguments: [String] = [], environment: [String: String]) throws -> String {
        let bin = try #require(TestEnvironment.binary(named: "casus"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casus-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("s.casus").path
        try source.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try runProcess(binary: bin, arguments: ["check"] + arguments + [file], environment: environment)
        #expect(result.status == 1)
        return result.stderr
    }

    /// The base environment without a locale that names a language.
    private var neutral: [String: String] {
        var env = TestEnvironment.base
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "LC_ALL")
        return env
    }

    @Test func theScenarioLanguageChooses() throws {
        #expect(try check(Self.dutch, environment: neutral).contains("fout[C003]: onbekend woord `vrag`"))
        #expect(try check(Self.english, environment: neutral).contains("error[C131]"))
    }

    @Test func langOverridesTheScenario() throws {
        var env = neutral
        env["LANG"] = "en_GB.UTF-8"
        #expect(try check(Self.dutch, environment: env).contains("error[C003]: unknown word `vrag`"))
        env["LANG"] = "nl_NL.UTF-8"
        #expect(try check(Self.english, environment: env).contains("fout[C131]"))
    }

    @Test func aLocaleThatNamesNoLanguageDoesNotHideLang() throws {
        var env = neutral
        env["LC_ALL"] = "C.UTF-8"
        env["LANG"] = "en_US.UTF-8"
        #expect(try check(Self.dutch, environment: env).contains("error[C003]: unknown word `vrag`"))
        env["LC_MESSAGES"] = "nl_NL.UTF-8"
        #expect(try check(Self.english, environment: env).contains("fout[C131]"))
    }

    @Test func theFlagOverridesLang() throws {
        var env = neutral
        env["LANG"] = "en_GB.UTF-8"
        let text = try check(Self.dutch, arguments: ["--lang", "nl"], environment: env)
        #expect(text.contains("fout[C003]"))
        #expect(text.contains("bedoelde je `vraag`?"))
    }
}
