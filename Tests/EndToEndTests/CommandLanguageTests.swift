import Foundation
import Testing
import TestSupport

/// casus's own help and usage errors follow the chosen language: `--lang` in the arguments,
/// then the first of CASUS_LANG/LC_ALL/LC_MESSAGES/LANG that names nl or en.
@Suite struct CommandLanguageTests {
    func casus(_ arguments: [String], _ extra: [String: String] = [:]) throws -> ProcessResult {
        let binary = try #require(TestEnvironment.binary(named: "casus"))
        return try runProcess(binary: binary, arguments: arguments, environment: TestEnvironment.base.merging(extra) { $1 })
    }

    @Test func helpIsDutchByDefault() throws {
        let help = try casus(["sheet", "--help"])
        #expect(help.status == 0)
        for part in ["OVERZICHT: Maak het presentatieblad", "ARGUMENTEN:", "OPTIES:", "De sessie: het id", "Toon deze hulp.", "standaard:"] {
            #expect(help.stdout.contains(part), "missing \(part) in \(help.stdout)")
        }
        #expect(!help.stdout.contains("Show help information") && !help.stdout.contains("OPTIONS:"))
        let top = try casus(["--help"])
        #expect(top.stdout.contains("OPDRACHTEN:") && top.stdout.contains("Speel een scenario met een groep aan deze terminal."))
    }

    @Test func langInTheArgumentsChoosesTheHelp() throws {
        let help = try casus(["sheet", "--help", "--lang", "en"])
        #expect(help.stdout.contains("OPTIONS:") && help.stdout.contains("The session: its id"), "\(help.stdout)")
        let viaHelp = try casus(["help", "sheet", "--lang", "en"])
        #expect(viaHelp.status == 0, "\(viaHelp.stderr)")
        #expect(viaHelp.stdout.contains("OPTIONS:") && viaHelp.stdout.contains("The session: its id"), "\(viaHelp.stdout)")
        let equals = try casus(["play", "--lang=en", "--help"])
        #expect(equals.stdout.contains("Play a scenario with a group at this terminal."))
    }

    @Test func theEnvironmentChoosesTheHelp() throws {
        #expect(try casus(["--help"], ["CASUS_LANG": "en"]).stdout.contains("SUBCOMMANDS:"))
        // C.UTF-8 names no language, so the next variable that does decides.
        #expect(try casus(["--help"], ["LC_ALL": "C.UTF-8", "LANG": "en_GB.UTF-8"]).stdout.contains("SUBCOMMANDS:"))
        #expect(try casus(["--help"], ["LC_ALL": "nl_NL.UTF-8", "LANG": "en_GB.UTF-8"]).stdout.contains("OPDRACHTEN:"))
    }

    @Test func usageErrorsFollowTheLanguage() throws {
        let missing = try casus(["sheet"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("Fout: Het argument <session> ontbreekt"), "\(missing.stderr)")
        #expect(missing.stderr.contains("Gebruik: casus sheet"))
        let value = try casus(["sheet", "x", "--format", "pdf"])
        #expect(value.stderr.contains("De waarde 'pdf' past niet bij --format <format>. Kies uit 'md', 'html' of 'json'."), "\(value.stderr)")
        let lang = try casus(["check", "x.casus", "--lang", "fr"])
        #expect(lang.status == 2)
        #expect(lang.stderr.contains("De waarde 'fr' past niet bij --lang <lang>. Kies uit 'nl' of 'en'."), "\(lang.stderr)")
        let ours = try casus(["play", "--pace", "3"])
        #expect(ours.stderr.contains("Fout: --pace werkt alleen met --answers"), "\(ours.stderr)")
        let english = try casus(["sheet", "--lang", "en"])
        #expect(english.stderr.contains("Error: Missing expected argument '<session>'"))
        #expect(!missing.stderr.contains("Error:") && !value.stderr.contains("Please provide"))
    }
}
