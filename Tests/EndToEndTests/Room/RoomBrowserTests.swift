import Foundation
import Testing
import TestSupport

/// The facilitator's pages in a real browser: Debian's headless Chromium, driven through its
/// DevTools protocol. Skipped, with a message, when chromium is not installed.
@Suite("Room pages in a browser", .enabled(if: HeadlessChromium.path != nil, "chromium is not installed: scripts/ensure-deps installs it (apt-get install chromium)"))
struct RoomBrowserTests {
    let temp: URL
    let store: URL

    init() throws {
        temp = FileManager.default.temporaryDirectory.appendingPathComponent("casus-room-browser-\(UUID().uuidString)")
        store = temp.appendingPathComponent("store")
        try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
    }

    @Test("the overview's row changes without a reload when a record arrives; the projector shows the group's sheet")
    func liveOverviewAndProjector() async throws {
        let room = try RoomProcess(directory: temp.appendingPathComponent("room"))
        let group = try PlayedSession.play("vo1-afpersing-havo4", store: store)
        _ = try await room.request("POST", "/api/join", json: group.join)
        _ = try await room.request("POST", "/api/sessions/\(group.id)/records", json: group.records(0..<2))

        let browser = try HeadlessChromium()
        let page = try browser.open("\(room.base)/f/\(room.token)")
        try page.waitUntil("document.querySelector('#groups tbody tr td.answers')?.textContent === '1'")
        // A mark that a reload would wipe.
        _ = try page.evaluate("window.casusMarker = 42; true")
        let name = try page.evaluate("document.querySelector('#groups tbody tr td.name').firstChild.textContent") as? String
        #expect(name == "Groep Blauw")

        _ = try await room.request("POST", "/api/sessions/\(group.id)/records", json: group.records(2..<5))
        try page.waitUntil("document.querySelector('#groups tbody tr td.answers')?.textContent === '4'")
        #expect(try page.evaluate("window.casusMarker") as? Int == 42)
        try save(page.screenshot(width: 1366, height: 768), "overview-laptop")
        try save(page.screenshot(width: 1920, height: 1080), "overview-projector")

        try page.go("\(room.base)/f/\(room.token)/plenair")
        try page.waitUntil(
            "(document.getElementById('sheet').contentDocument?.body?.innerText || '').includes('Groep Blauw')")
        #expect(try page.evaluate("document.getElementById('group-name').textContent") as? String == "Groep Blauw")
        // Decision first: the poster layout of the sheet.
        #expect(try page.evaluate("document.getElementById('clock').textContent") as? String == "3:00")
        try save(page.screenshot(width: 1920, height: 1080), "plenary-projector")
        try save(page.screenshot(width: 1366, height: 768), "plenary-laptop")

        try page.go("\(room.base)/f/\(room.token)/verslag")
        try page.waitUntil(
            "(document.getElementById('report').contentDocument?.body?.innerText || '').includes('Groep Blauw')")
        try save(page.screenshot(width: 1366, height: 768), "report-laptop")
    }

    @Test("every page with three groups (one finished, one not heard from) at laptop, projector and phone sizes")
    func everyPage() async throws {
        let folder = temp.appendingPathComponent("room")
        var room = try RoomProcess(directory: folder)
        let finished = try PlayedSession.play("vo1-afpersing-havo4", store: store)
        let busy = try PlayedSession.play("opdracht2-aanpak-school", store: store)
        let quiet = try PlayedSession.play("opdracht2-aanpak-school", store: store)
        for (group, count) in [(finished, finished.records.count), (busy, 9), (quiet, 5)] {
            _ = try await room.request("POST", "/api/join", json: group.join)
            _ = try await room.request("POST", "/api/sessions/\(group.id)/records", json: group.records(0..<count))
        }
        // One laptop went silent five minutes ago: the room, started again, last heard of it
        // when its journal was last written.
        #expect(room.interrupt() == 0)
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-300)],
            ofItemAtPath: folder.appendingPathComponent("groups/\(quiet.id)/journal").path)
        room = try RoomProcess(directory: folder)
        let message = try await room.request("POST", "/f/\(room.token)/messages", json: ["text": "Over 2 minuten plenair"])
        #expect(message.status == 200)

        let browser = try HeadlessChromium()
        let page = try browser.open("\(room.base)/f/\(room.token)")
        try page.waitUntil("document.querySelectorAll('#groups tbody tr').length === 3")
        #expect(try page.evaluate("document.querySelectorAll('#groups tbody tr.quiet').length") as? Int == 1)
        #expect(try page.evaluate("document.querySelectorAll('#groups tbody select').length") as? Int == 2)
        try shoot(page, "overview")
        try page.go("\(room.base)/f/\(room.token)/plenair?groep=\(finished.id)")
        try page.waitUntil(
            "(document.getElementById('sheet').contentDocument?.body?.innerText || '').includes('Groep Blauw')")
        try shoot(page, "plenary")
        try page.go("\(room.base)/f/\(room.token)/verslag")
        try page.waitUntil(
            "(document.getElementById('report').contentDocument?.body?.innerText || '').includes('Groep Blauw')")
        try shoot(page, "report")
        // The refusals a facilitator meets with a wrong or half-copied link: a sentence, not a blank page.
        for (path, name, says) in [
            ("/f/\(String(repeating: "0", count: 32))", "wrong-token", "Deze link is niet (meer) geldig"),
            ("/f/", "no-token", "Deze pagina bestaat niet"), ("/", "home", "Dit is een zaal van casus"),
        ] {
            try page.go(room.base + path)
            try page.waitUntil("document.body?.innerText.includes('\(says)') === true")
            try shoot(page, name)
        }
    }

    /// The page at a laptop's, a projector's and a phone's size.
    func shoot(_ page: HeadlessChromium.Page, _ name: String) throws {
        try save(page.screenshot(width: 1366, height: 768), "\(name)-laptop")
        try save(page.screenshot(width: 1920, height: 1080), "\(name)-projector")
        try save(page.screenshot(width: 390, height: 844), "\(name)-phone")
    }

    /// Keeps screenshots for a person to look at (`CASUS_SCREENSHOTS=DIR`); otherwise in temp.
    func save(_ png: Data, _ name: String) throws {
        #expect(png.count > 1000)
        let folder = ProcessInfo.processInfo.environment["CASUS_SCREENSHOTS"].map { URL(fileURLWithPath: $0) } ?? temp
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try png.write(to: folder.appendingPathComponent("\(name).png"))
    }
}
