/// The draft protocol as Markdown, readable as plain text; escaping as in `MarkdownSheet`.
public enum ProtocolMarkdown {
    public static func render(_ doc: ProtocolDocument, language: Language) -> String {
        var out: [String] = []
        for block in ProtocolLayout.blocks(doc, language: language) {
            switch block {
            case .heading(let level, let text): out.append(String(repeating: "#", count: level) + " " + inline(text))
            case .paragraph(let runs): out.append(line(runs))
            case .list(let ordered, let items):
                out.append(items.enumerated().map { (ordered ? "\($0 + 1). " : "- ") + line($1) }.joined(separator: "\n"))
            case .checklist(let items): out.append(items.map { "- [\($0.done ? "x" : " ")] " + line($0.1) }.joined(separator: "\n"))
            case .table(let header, let rows):
                let all = [header.map(cell), header.map { _ in "---" }] + rows.map { $0.map(cell) }
                out.append(all.map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n"))
            }
        }
        // No raw control characters from answers, as in the sheet.
        return TextSafety.sanitize(out.joined(separator: "\n\n") + "\n")
    }

    private static func inline(_ s: String) -> String { MarkdownSheet.inline(s) }

    private static func line(_ runs: [ProtocolLayout.Run]) -> String {
        runs.map { run in
            switch run {
            case .text(let s): inline(s)
            case .strong(let s): "**\(inline(s))**"
            case .emphasis(let s): "_\(inline(s))_"
            }
        }.joined()
    }

    /// A table cell: inline Markdown with `|` escaped.
    private static func cell(_ s: String) -> String {
        inline(s).split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}
