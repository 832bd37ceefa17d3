import CasusCore

/// The plenary (projector) view: one group's sheet, large, in the sheet's poster layout
/// (decision first), with previous/next group and a three-minute presentation clock.
enum ProjectorPage {
    /// The presentation time per group, as the guide gives it.
    static let clockSeconds = 180

    static func render(token: String, language: Language) -> String {
        let t = { (text: LocalizedText) in PageLayout.e(text.text(language)) }
        let body = """
            <main class="projector">
            <div class="controls">
            <button id="previous" type="button">← \(t(PageText.previous))</button>
            <h1 id="group-name" class="group-name"></h1>
            <span id="position" class="position"></span>
            <button id="next" type="button">\(t(PageText.next)) →</button>
            <div class="clock"><span class="label">\(t(PageText.presentation))</span>
            <span id="clock" class="time" data-seconds="\(clockSeconds)">3:00</span>
            <button id="clock-start" type="button">\(t(PageText.clockStart))</button>
            <button id="clock-reset" type="button">\(t(PageText.clockReset))</button></div>
            </div>
            <p id="empty" class="empty" hidden>\(t(PageText.noGroups))</p>
            <iframe id="sheet" class="sheet" title="\(t(PageText.plenary))"></iframe>
            </main>
            """
        let labels = PageLayout.labels(language, [
            "start": PageText.clockStart, "pause": PageText.clockPause, "noSetup": PageText.noSetup,
            "group": PageText.group,
        ])
        return PageLayout.render(
            page: .plenary, title: PageText.plenary.text(language), token: token, language: language, labels: labels, body: body)
    }
}
