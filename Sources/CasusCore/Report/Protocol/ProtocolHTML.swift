/// The draft protocol as one self-contained, printable HTML page (the sheet's styles).
public enum ProtocolHTML {
    public static func render(_ doc: ProtocolDocument, language: Language) -> String {
        let e = HTMLSheet.e
        var body: [String] = []
        for block in ProtocolLayout.blocks(doc, language: language) {
            switch block {
            case .heading(let level, let text): body.append("<h\(level)>\(e(text))</h\(level)>")
            case .paragraph(let runs): body.append("<p>\(html(runs))</p>")
            case .list(let ordered, let items):
                let tag = ordered ? "ol" : "ul"
                body.append("<\(tag)>" + items.map { "<li>\(html($0))</li>" }.joined() + "</\(tag)>")
            case .checklist(let items):
                body.append("<ul class=\"checklist\">" + items.map {
                    "<li class=\"\($0.done ? "done" : "open")\"><span class=\"box\">\($0.done ? "☑" : "☐")</span> \(html($0.1))</li>"
                }.joined() + "</ul>")
            case .table(let header, let rows):
                body.append("<table class=\"who\"><thead><tr>" + header.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead><tbody>"
                    + rows.map { "<tr>" + $0.map { "<td>\(e($0))</td>" }.joined() + "</tr>" }.joined() + "</tbody></table>")
            }
        }
        let title = ProtocolLabels(language).title
        return TextSafety.sanitize(HTMLSheet.page(language: language, title: e(title), css: HTMLSheet.css + "\n" + css, body: body))
    }

    private static func html(_ runs: [ProtocolLayout.Run]) -> String {
        runs.map { run in
            switch run {
            case .text(let s): HTMLSheet.e(s)
            case .strong(let s): "<strong>\(HTMLSheet.e(s))</strong>"
            case .emphasis(let s): "<em>\(HTMLSheet.e(s))</em>"
            }
        }.joined()
    }

    static let css = """
        ul.checklist { list-style: none; padding-left: 0.5rem; }
        ul.checklist li { margin: 0.3rem 0; }
        ul.checklist .box { font-size: 1.2rem; }
        ul.checklist li.open { color: var(--muted); }
        table.who th { background: #f6f6f6; text-align: left; }
        @media print { h2, h3 { break-after: avoid; } table.who, ul.checklist { break-inside: avoid; } }
        """
}
