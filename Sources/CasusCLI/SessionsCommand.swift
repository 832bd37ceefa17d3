import ArgumentParser
import CasusCore
import CasusSession
import CasusStore
import Foundation

/// `casus sessions` — lists the stored sessions.
struct SessionsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
        commandName: "sessions", abstract: CommandLanguage.text("Toon de bewaarde sessies: groep, scenario, begin, antwoorden, afgerond.", "List the stored sessions: group, scenario, start, answers, finished."))
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: helpText("text of json.", "text or json."))
    var format: Format = .text

    @OptionGroup var store: StoreOptions


    struct Row: Encodable {
        var id: String
        var group: String?
        var scenario: String
        var scenarioPath: String
        var started: Date
        var answers: Int
        var finished: Bool
        /// A trial started with `casus play --from`.
        var trial: Bool
    }

    func run() throws {
        let language = store.language
        let sessions = try store.store()
        let rows: [Row]
        do {
            rows = try sessions.list().map { summary in
                let meta = SessionFiles.meta(summary)
                return Row(
                    id: summary.folder.id, group: meta?.group, scenario: meta?.scenarioTitle ?? "?",
                    scenarioPath: meta?.scenarioPath ?? "", started: meta?.started ?? summary.modified,
                    answers: meta?.answers ?? 0, finished: meta?.finished ?? false, trial: meta?.isTrial ?? false)
            }
        } catch let error as StoreError {
            throw SessionFiles.failure(error, folder: nil, language: language)
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            Output.outJSON(String(decoding: try encoder.encode(rows), as: UTF8.self) + "\n")
        case .text:
            guard !rows.isEmpty else {
                Output.out(LocalizedText(nl: "Geen sessies.", en: "No sessions.").text(language) + "\n")
                return
            }
            let head = LocalizedText(
                nl: "sessie|groep|scenario|begonnen|antwoorden|klaar",
                en: "session|group|scenario|started|answers|finished")
            let yes = LocalizedText(nl: "ja", en: "yes").text(language)
            let no = LocalizedText(nl: "nee", en: "no").text(language)
            let trial = LocalizedText(nl: " (proef)", en: " (trial)").text(language)
            var table = [head.text(language).split(separator: "|").map(String.init)]
            for row in rows {
                table.append([
                    row.id, (row.group ?? "–") + (row.trial ? trial : ""), row.scenario, PlayStorage.localTime(row.started), String(row.answers),
                    row.finished ? yes : no,
                ])
            }
            let widths = (0..<6).map { c in table.map { $0[c].count }.max() ?? 0 }
            for line in table {
                let cells = line.enumerated().map { c, s in c == 5 ? s : s + String(repeating: " ", count: widths[c] - s.count) }
                Output.out(cells.joined(separator: "  ") + "\n")
            }
        }
    }
}
