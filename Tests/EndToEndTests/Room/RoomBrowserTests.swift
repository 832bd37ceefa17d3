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

    /// Keeps screenshots for a person to look at (`CASUS_SCREENSHOTS=DIR`); otherwise in temp.
    func save(_ png: Data, _ name: String) throws {
        #expect(png.count > 1000)
        let folder = ProcessInfo.processInfo.environment["CASUS_SCREENSHOTS"].map { URL(fileURLWithPath: $0) } ?? temp
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try png.write(to: folder.appendingPathComponent("\(name).png"))
    }
}
