import Foundation
import Testing

@testable import CasusCore

/// The "Also accepted" table of docs/language.md is the behaviour: every row's spelling, put
/// into a canonical scenario in place of the row's canonical form, checks with no error and
/// no warning, and `casus fmt` turns it back into the canonical scenario, byte for byte.
@Suite struct CanonicalSpellingTests {
    static let dutch = """
        titel: Afpersing
        taal: nl
        duur: 50 min
        doelgroep: vo, havo 4
        leden: 2-6
        taken: notulist, presentator

        rol pester: De pester
        rol slachtoffer: Het slachtoffer

        stap "Verkennen" (10 min)
            vraag druk (ja/nee): Was er groepsdruk?
            vraag hulp (ja/nee): Kwam er hulp?
            vraag ernst (schaal 1-5): Hoe ernstig?
            vraag wie (keuze): Wie begon?
                - De pester
                - De meelopers
            vraag pitch (lang, max 3 min): Jullie presentatie
            als druk = ja en niet hulp
                zeg: Er was druk.
            anders als ernst != 3
                zeg: Het was ernstig.
            anders als wie = "De pester"
                zeg: De pester begon.
            einde
            voor elke rol
                vraag gevoel (tekst): Hoe voelt {rol} zich?
            einde
            voor elk lid
                vraag idee (tekst): {lid}, wat is jouw idee?
            einde
        einde

        """

    static let english = """
        title: Extortion
        language: en
        duration: 50 min
        audience: vo, havo 4

        role bully: The bully
        role target: The target

        step "Explore" (15 min)
            ask pressure (yes/no): Was there group pressure?
            ask help (yes/no): Did help come?
            if pressure and not help
                say: There was pressure.
            else if help
                say: Help came.
            end
            for each role
                ask feeling (text): How does {role} feel?
            end
        end

        """

    /// `(accepted, canonical)` for every row of the table, from the first code span of each cell.
    static func rows() throws -> [(accepted: String, canonical: String)] {
        let text = try String(contentsOf: DiagnosticCodeTableTests.docs.appendingPathComponent("language.md"), encoding: .utf8)
        guard let start = text.range(of: "\n## Also accepted\n") else { return [] }
        let section = text[start.upperBound...]
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        return section[..<end].split(separator: "\n").compactMap { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard line.hasPrefix("|"), cells.count == 2, let a = Self.code(cells[0]), let b = Self.code(cells[1]) else { return nil }
            return (a, b)
        }
    }

    private static func code(_ cell: String) -> String? {
        let parts = cell.split(separator: "`", omittingEmptySubsequences: false)
        return parts.count >= 3 ? String(parts[1]) : nil
    }

    private func diagnostics(_ source: String) -> [Diagnostic] {
        ScenarioLoader.load(path: "main.casus", provider: InMemorySourceProvider(["main.casus": source])).diagnostics
    }

    @Test func bothCanonicalScenariosCheckCleanAndFormatToThemselves() throws {
        for base in [Self.dutch, Self.english] {
            #expect(diagnostics(base).isEmpty)
            #expect(try Formatter.format(base).get() == base)
        }
    }

    @Test func theTableHasItsRows() throws {
        // A heading renamed or a table reformatted must not leave this test with nothing to do.
        #expect(try Self.rows().count >= 30)
    }

    @Test(arguments: try rows().map { "\($0.accepted) → \($0.canonical)" })
    func acceptedSpellingChecksCleanAndFormatsToTheCanonicalForm(_ row: String) throws {
        let (accepted, canonical) = try #require(try Self.rows().first { "\($0.accepted) → \($0.canonical)" == row })
        let base = try #require(
            [Self.dutch, Self.english].first { $0.contains(canonical) }, "no canonical scenario holds `\(canonical)`")
        let range = try #require(base.range(of: canonical))
        let source = base.replacingCharacters(in: range, with: accepted)
        #expect(source != base)
        let found = diagnostics(source)
        #expect(found.isEmpty, "\(found.map { "\($0.range.start.line):\($0.range.start.column) \($0.code) \($0.message.en)" })")
        #expect(try Formatter.format(source).get() == base)
    }

    @Test func aRoleUsedAboveItsRoleLineIsAcceptedAndKeptInPlace() throws {
        let roles = "rol pester: De pester\nrol slachtoffer: Het slachtoffer\n\n"
        let rolesLast = Self.dutch.replacingOccurrences(of: roles, with: "") + "\n" + roles.dropLast()
        #expect(rolesLast != Self.dutch)
        #expect(diagnostics(rolesLast).isEmpty)
        #expect(try Formatter.format(rolesLast).get() == rolesLast)
    }
}
