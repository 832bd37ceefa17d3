import CasusCore
import Foundation

/// The frame every facilitator page shares: head with the room's stylesheet and script,
/// navigation, and the page's labels as a JSON data block (data, never executed).
enum PageLayout {
    enum Page: String { case overview, plenary, report }

    static func render(
        page: Page, title: String, token: String, language: Language, labels: [String: String], body: String
    ) -> String {
        let base = "/f/\(token)"
        func link(_ target: Page, _ text: LocalizedText, _ path: String) -> String {
            let current = target == page ? " aria-current=\"page\"" : ""
            return "<a href=\"\(base)\(path)\"\(current)>\(e(text.text(language)))</a>"
        }
        return """
            <!doctype html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(title)) — casus</title>
            <link rel="stylesheet" href="/static/room.css">
            <script src="/static/room.js" defer></script>
            </head>
            <body data-page="\(page.rawValue)" data-base="\(e(base))">
            <header class="bar">
            <span class="brand">casus · \(e(PageText.room.text(language)))</span>
            <nav>\(link(.overview, PageText.overview, ""))\(link(.plenary, PageText.plenary, "/plenair"))\(link(.report, PageText.report, "/verslag"))</nav>
            <span id="live" class="live" hidden></span>
            </header>
            <script id="labels" type="application/json">\(json(labels))</script>
            \(body)
            </body>
            </html>
            """
    }

    /// Escapes text for HTML content and attribute values.
    static func e(_ text: String) -> String { HTMLSheet.e(text) }

    /// JSON that is safe inside a <script type="application/json"> block.
    static func json(_ value: [String: String]) -> String {
        let data = (try? RoomFolder.encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }

    /// The labels the script needs on every page.
    static func labels(_ language: Language, _ texts: [String: LocalizedText]) -> [String: String] {
        var out: [String: String] = ["lang": language.rawValue]
        for (key, text) in texts { out[key] = text.text(language) }
        out["live"] = PageText.live.text(language)
        out["offline"] = PageText.offline.text(language)
        return out
    }

    /// A small page for a refusal or the room's front door.
    static func plain(title: String, message: String, language: Language) -> String {
        """
        <!doctype html>
        <html lang="\(language.rawValue)">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(title)) — casus</title><link rel="stylesheet" href="/static/room.css"></head>
        <body><main class="plain"><h1>casus · \(e(title))</h1><p>\(e(message))</p></main></body>
        </html>
        """
    }
}
