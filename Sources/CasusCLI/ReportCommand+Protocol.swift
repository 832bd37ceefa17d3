import CasusCore
import CasusSession
import CasusStore
import CasusTerminal
import Foundation

extension ReportCommand {
    /// `--protocol`, `--format odt` and `--mail`: the draft protocol as a document, or the
    /// mail to the team.
    func writeProtocol(_ sheets: [SheetDocument], language: Language) throws {
        let inputs = sheets.enumerated().map { ProtocolInput($0.element, group: $0.element.groupName($0.offset, language)) }
        guard ProtocolDocument.hasContent(inputs) else {
            throw CasusFailure(
                LocalizedText(
                    nl: "Geen van deze sessies heeft vragen voor het protocol (zoals opdracht 2 en de afronding van opdracht 1); er valt geen protocol op te stellen.",
                    en: "None of these sessions has questions for the protocol (like Opdracht 2 and Opdracht 1's closing question); there is no protocol to draft.").text(language))
        }
        let doc = ProtocolDocument(inputs)
        let bytes: [UInt8]
        if mail {
            // The session's day: the last answer of any group, in this computer's time zone; else today.
            let last = sheets.compactMap { $0.times.flatMap { $0.updated ?? $0.started } }.max()
            let when = Timestamp(last ?? Date().timeIntervalSince1970)
            let offset = TimeZone.current.secondsFromGMT(for: Date(timeIntervalSince1970: when.secondsSince1970))
            bytes = Array(ProtocolMail.render(doc, session: CivilDay(when, offsetSeconds: offset), language: language).utf8)
        } else {
            switch format {
            case .md: bytes = Array(ProtocolMarkdown.render(doc, language: language).utf8)
            case .html: bytes = Array(ProtocolHTML.render(doc, language: language).utf8)
            case .odt: bytes = StoredZip.archive(ProtocolODT.files(doc, language: language).map { ($0.path, Array($0.contents.utf8)) })
            }
        }
        guard let out else {
            let text = String(decoding: bytes, as: UTF8.self)
            // On a terminal the mail is read there: wrapped at its width, list items hanging.
            if mail, let width = TerminalCapabilities.windowColumns(fd: STDOUT_FILENO) {
                return Output.out(Self.hanging(text, width: width))
            }
            return Output.out(text)
        }
        let path = PlayStorage.absolutePath(out)
        try DurableFile.writeAtomically(Data(bytes), to: URL(fileURLWithPath: path))
        let what = mail
            ? LocalizedText(nl: "De mail staat in: \(path) (casus verstuurt niets).", en: "The e-mail is at: \(path) (casus sends nothing).")
            : LocalizedText(nl: "Het concept-antipestprotocol staat in: \(path)", en: "The draft anti-bullying protocol is at: \(path)")
        Output.out(what.text(language) + "\n")
    }

    /// Each line wrapped at `width`; a line's leading spaces and list mark (`- `, `3. `) are
    /// repeated as spaces on its continuation lines.
    static func hanging(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let spaces = line.prefix { $0 == " " }
            var rest = line.dropFirst(spaces.count)
            var mark = ""
            if rest.hasPrefix("- ") {
                mark = "- "
            } else if let dot = rest.firstIndex(of: "."), rest[..<dot].allSatisfy(\.isNumber), !rest[..<dot].isEmpty,
                rest[rest.index(after: dot)...].hasPrefix(" ") {
                mark = String(rest[...dot]) + " "
            }
            rest = rest.dropFirst(mark.count)
            let lead = String(spaces) + mark
            let indent = String(repeating: " ", count: lead.count)
            let wrapped = TextWrap.wrap(String(rest), width: width, indent: indent)
            guard let first = wrapped.first else { return String(line) }
            return ([lead + first.dropFirst(indent.count)] + wrapped.dropFirst()).joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
