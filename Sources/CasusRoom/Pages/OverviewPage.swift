import CasusCore

/// The overview: the join code and address, "Terug naar de zaal", and one row per group,
/// filled and kept current by room.js from the event stream.
enum OverviewPage {
    static func render(token: String, groupAddress: String, code: String, language: Language) -> String {
        let t = { (text: LocalizedText) in PageLayout.e(text.text(language)) }
        let columns = [PageText.group, PageText.scenario, PageText.step, PageText.timeLeft, PageText.answers,
                       PageText.lastActivity, PageText.finished, PageText.topic]
        let head = columns.map { "<th scope=\"col\">\(t($0))</th>" }.joined()
        let body = """
            <main>
            <section class="join">
            <div><span class="label">\(t(PageText.joinCode))</span><strong id="code" class="code">\(PageLayout.e(code))</strong></div>
            <div><span class="label">\(t(PageText.address))</span><strong class="address">\(PageLayout.e(groupAddress))</strong></div>
            <div class="how"><span class="label">\(t(PageText.joinHow))</span><code>casus play SCENARIO --room \(PageLayout.e(groupAddress)) --code \(PageLayout.e(code))</code></div>
            </section>
            <section class="callback">
            <form id="message-form">
            <label for="message">\(t(PageText.messageHelp))</label>
            <div class="row"><input id="message" name="message" maxlength="500" autocomplete="off" value="\(t(PageText.messagePlaceholder))">
            <button type="submit">\(t(PageText.callBack))</button></div>
            </form>
            <ol id="messages" class="messages"></ol>
            </section>
            <table id="groups" class="groups">
            <thead><tr>\(head)</tr></thead>
            <tbody></tbody>
            </table>
            <p id="empty" class="empty">\(t(PageText.noGroups))</p>
            </main>
            """
        let labels = PageLayout.labels(language, [
            "yes": PageText.yes, "no": PageText.no, "notStarted": PageText.notStarted, "noSetup": PageText.noSetup,
            "quiet": PageText.quiet, "over": PageText.over, "secondsAgo": PageText.secondsAgo,
            "minutesAgo": PageText.minutesAgo, "seconds": PageText.seconds, "minutes": PageText.minutes, "sent": PageText.sent, "changeTopic": PageText.changeTopic,
            "plenary": PageText.plenary,
        ])
        return PageLayout.render(
            page: .overview, title: PageText.overview.text(language), token: token, language: language, labels: labels, body: body)
    }
}
