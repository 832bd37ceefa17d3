/// The draft protocol as an OpenDocument text (.odt) the coordinator edits in LibreOffice or
/// Word: real headings (so the navigator and a table of contents work), lists, the checklist
/// with ☑/☐, and "wie doet wat" as a table. Pure: the files of the package; zipping them is
/// the caller's (`mimetype` first and stored, as the format demands).
public enum ProtocolODT {
    public static let mimetype = "application/vnd.oasis.opendocument.text"

    /// The package's files in the order they must be written.
    public static func files(_ doc: ProtocolDocument, language: Language) -> [(path: String, contents: String)] {
        [
            ("mimetype", mimetype),
            ("META-INF/manifest.xml", manifest),
            ("styles.xml", styles(language)),
            ("meta.xml", meta(ProtocolLabels(language).title)),
            ("content.xml", content(doc, language: language)),
        ]
    }

    static func x(_ s: String) -> String {
        // XML 1.0 allows no C0 controls besides tab and newline; answers are sanitized first.
        HTMLSheet.e(TextSafety.sanitize(s))
    }

    private static let ns = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
        xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"
        """

    static let manifest = """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
         <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="\(mimetype)"/>
         <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
         <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
         <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
        </manifest:manifest>

        """

    static func meta(_ title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-meta \(ns)><office:meta><dc:title>\(x(title))</dc:title><meta:generator>casus</meta:generator></office:meta></office:document-meta>

        """
    }

    static func styles(_ language: Language) -> String {
        let lang = language == .nl ? "fo:language=\"nl\" fo:country=\"NL\"" : "fo:language=\"en\" fo:country=\"GB\""
        func heading(_ n: Int, _ size: String) -> String {
            """
            <style:style style:name="Heading_20_\(n)" style:display-name="Heading \(n)" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Standard" style:default-outline-level="\(n)" style:class="text">\
            <style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>\
            <style:text-properties fo:font-size="\(size)" fo:font-weight="bold" fo:color="#1f4e79"/></style:style>
            """
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-styles \(ns)><office:styles>
            <style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Sans" fo:font-family="'Liberation Sans', Arial, sans-serif" fo:font-size="11pt" \(lang)/></style:default-style>
            <style:style style:name="Standard" style:family="paragraph" style:class="text"><style:paragraph-properties fo:margin-bottom="0.2cm" fo:line-height="120%"/></style:style>
            \(heading(1, "20pt"))
            \(heading(2, "14pt"))
            \(heading(3, "12pt"))
            <style:style style:name="List_20_Paragraph" style:display-name="List Paragraph" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.1cm"/></style:style>
            <style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-weight="bold"/></style:style>
            </office:styles>
            <office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"/></style:page-layout></office:automatic-styles>
            <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>
            </office:document-styles>

            """
    }

    static func content(_ doc: ProtocolDocument, language: Language) -> String {
        var body: [String] = []
        for block in ProtocolLayout.blocks(doc, language: language) {
            switch block {
            case .heading(let level, let text):
                body.append("<text:h text:style-name=\"Heading_20_\(level)\" text:outline-level=\"\(level)\">\(x(text))</text:h>")
            case .paragraph(let runs):
                body.append("<text:p text:style-name=\"Standard\">\(spans(runs))</text:p>")
            case .list(let ordered, let items):
                body.append("<text:list text:style-name=\"\(ordered ? "Numbers" : "Bullets")\">" + items.map {
                    "<text:list-item><text:p text:style-name=\"List_20_Paragraph\">\(spans($0))</text:p></text:list-item>"
                }.joined() + "</text:list>")
            case .checklist(let items):
                for item in items {
                    body.append("<text:p text:style-name=\"Checklist\">\(item.done ? "☑" : "☐")<text:s/>\(spans(item.1))</text:p>")
                }
            case .table(let header, let rows):
                var t = "<table:table table:name=\"\(x(ProtocolLabels(language).whoDoesWhat))\" table:style-name=\"Who\">"
                t += "<table:table-column table:style-name=\"WhoA\"/><table:table-column table:style-name=\"WhoB\"/><table:table-column table:style-name=\"WhoC\"/>"
                t += "<table:table-header-rows><table:table-row>" + header.map {
                    "<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\"><text:p text:style-name=\"Table_20_Heading\">\(x($0))</text:p></table:table-cell>"
                }.joined() + "</table:table-row></table:table-header-rows>"
                t += rows.map { row in
                    "<table:table-row>" + row.map {
                        "<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\"><text:p text:style-name=\"Standard\">\(x($0))</text:p></table:table-cell>"
                    }.joined() + "</table:table-row>"
                }.joined()
                body.append(t + "</table:table>")
            }
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content \(ns)>
            <office:automatic-styles>
            <style:style style:name="Strong" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
            <style:style style:name="Emphasis" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
            <style:style style:name="Checklist" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="0.5cm" fo:text-indent="-0.5cm"/></style:style>
            <style:style style:name="Who" style:family="table"><style:table-properties style:width="16.6cm" table:align="left" fo:margin-top="0.2cm" fo:margin-bottom="0.3cm"/></style:style>
            <style:style style:name="WhoA" style:family="table-column"><style:table-column-properties style:column-width="4.2cm"/></style:style>
            <style:style style:name="WhoB" style:family="table-column"><style:table-column-properties style:column-width="8.4cm"/></style:style>
            <style:style style:name="WhoC" style:family="table-column"><style:table-column-properties style:column-width="4cm"/></style:style>
            <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #999999"/></style:style>
            <text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm" fo:text-indent="-0.4cm" fo:margin-left="0.6cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
            <text:list-style style:name="Numbers"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.7cm" fo:text-indent="-0.5cm" fo:margin-left="0.7cm"/></style:list-level-properties></text:list-level-style-number></text:list-style>
            </office:automatic-styles>
            <office:body><office:text>
            \(body.joined(separator: "\n"))
            </office:text></office:body></office:document-content>

            """
    }

    private static func spans(_ runs: [ProtocolLayout.Run]) -> String {
        runs.map { run in
            switch run {
            case .text(let s): x(s)
            case .strong(let s): "<text:span text:style-name=\"Strong\">\(x(s))</text:span>"
            case .emphasis(let s): "<text:span text:style-name=\"Emphasis\">\(x(s))</text:span>"
            }
        }.joined()
    }
}
