import CasusCore

/// The merged report of every group (as `casus report`), shown live in a frame and offered
/// as Markdown and HTML downloads.
enum ReportPage {
    static func render(token: String, language: Language) -> String {
        let t = { (text: LocalizedText) in PageLayout.e(text.text(language)) }
        let base = "/f/\(token)"
        let body = """
            <main class="report">
            <div class="controls">
            <p>\(t(PageText.reportHelp))</p>
            <a class="button" href="\(PageLayout.e(base))/report.md" download>\(t(PageText.downloadMarkdown))</a>
            <a class="button" href="\(PageLayout.e(base))/report.html?download=1" download>\(t(PageText.downloadHTML))</a>
            </div>
            <iframe id="report" class="sheet" title="\(t(PageText.report))" src="\(PageLayout.e(base))/report.html"></iframe>
            </main>
            """
        return PageLayout.render(
            page: .report, title: PageText.report.text(language), token: token, language: language,
            labels: PageLayout.labels(language, [:]), body: body)
    }
}
