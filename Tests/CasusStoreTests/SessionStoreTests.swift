import Foundation
import Testing

@testable import CasusStore

@Suite struct SessionStoreTests {
    struct Meta: Codable, Equatable {
        var scenario: String
        var group: String
        var started: Date
        var answers: Int
        var finished: Bool
    }

    func makeStore(_ temp: TempFolder) throws -> SessionStore {
        try SessionStore(location: StoreLocation(root: temp.path("casus")))
    }

    @Test func idsAreSortableReadableAndSafe() throws {
        let date = Date(timeIntervalSince1970: 1_795_644_930)  // 2026-11-25 22:15:30 UTC
        let id = SessionStore.makeID(
            group: "Groep 3B – Één/../x", date: date, timeZone: TimeZone(identifier: "UTC")!)
        #expect(id.hasPrefix("20261125-221530-groep-3b-een-x-"))
        #expect(id.count == "20261125-221530-groep-3b-een-x-".count + 4)
        #expect(SessionStore.isValidID(id))
        #expect(SessionStore.slug("  ") == "session")
        #expect(SessionStore.slug("--Klas__4a--") == "klas-4a")
        #expect(SessionStore.slug(String(repeating: "a", count: 100)).count == 40)
        for bad in ["", ".", "..", "-x", "A", "a/b", "a b", "ë"] {
            #expect(!SessionStore.isValidID(bad), "\(bad)")
        }
    }

    /// The finished index lets `listUnfinished` pass over finished sessions by name; it is
    /// kept out of `list()` and forgets a session when it is deleted.
    @Test func finishedSessionsAreLeftOutByTheirMarker() throws {
        let temp = try TempFolder()
        let store = try makeStore(temp)
        let done = try store.create(group: "klaar")
        let open = try store.create(group: "bezig")
        #expect(store.finishedIDs().isEmpty)
        try store.markFinished(done.id)
        try store.markFinished(done.id)
        #expect(store.finishedIDs() == [done.id])
        #expect(try store.listUnfinished().map(\.folder) == [open])
        #expect(try store.list().map(\.folder.id).sorted() == [done.id, open.id].sorted())
        #expect(mode(temp.path("casus/.finished")) == 0o700)
        #expect(mode(temp.path("casus/.finished/" + done.id)) == 0o600)
        try store.delete(done)
        #expect(store.finishedIDs().isEmpty)
    }

    @Test func createListAndReadMeta() throws {
        let temp = try TempFolder()
        let store = try makeStore(temp)
        #expect(try store.list().isEmpty)
        let date = Date(timeIntervalSince1970: 1_795_644_930)
        let meta = Meta(scenario: "vo1.casus", group: "3B", started: date, answers: 2, finished: false)
        let first = try store.create(group: "3B", date: date)
        try first.writeMeta(meta)
        let second = try store.create(group: "3B", date: date.addingTimeInterval(60))
        #expect(first.id != second.id)

        let listed = try store.list()
        #expect(listed.map(\.folder.id) == [first.id, second.id])
        let decoded = try SessionFolder.metaDecoder().decode(Meta.self, from: try #require(listed[0].meta))
        #expect(decoded == meta)
        #expect(listed[1].meta == nil)
        #expect(listed[0].modified.timeIntervalSinceNow > -60)
        #expect(try first.readMeta(as: Meta.self) == meta)
    }

    @Test func findByIdPrefixOrPath() throws {
        let temp = try TempFolder()
        let store = try makeStore(temp)
        let date = Date(timeIntervalSince1970: 1_795_644_930)
        let a = try store.create(group: "alpha", date: date)
        let b = try store.create(group: "beta", date: date)

        #expect(try store.find(a.id) == a)
        #expect(try store.find(String(a.id.prefix(a.id.count - 2))) == a)
        #expect(try store.find(b.url.path) == b)
        #expect(try store.find(b.url.path + "/") == b)
        let common = String(a.id.prefix(15))
        #expect { try store.find(common) } throws: {
            ($0 as? StoreError)?.kind == .sessionAmbiguous([a.id, b.id].sorted())
        }
        #expect { try store.find("2099") } throws: { ($0 as? StoreError)?.kind == .sessionNotFound }
        #expect { try store.find("") } throws: { ($0 as? StoreError)?.kind == .sessionNotFound }
        #expect { try store.find(temp.url.path) } throws: { ($0 as? StoreError)?.kind == .outsideRoot }
    }

    @Test func deleteRemovesEverything() throws {
        let temp = try TempFolder()
        let store = try makeStore(temp)
        let session = try store.create(group: "weg")
        let journal = try session.createJournal(header: data("{}"))
        try journal.append(payload: data(#"{"a":1}"#))
        try session.writeSheet(data("# Sheet"), as: .markdown)
        try session.writeMeta(data("{}"))
        journal.close()

        try store.delete(session)
        #expect(!FileManager.default.fileExists(atPath: session.url.path))
        #expect(try store.list().isEmpty)
    }

    @Test func deleteRefusesALockedSession() throws {
        let temp = try TempFolder()
        let store = try makeStore(temp)
        let session = try store.create(group: "busy")
        let lock = try session.lock()
        #expect { try store.delete(session) } throws: {
            ($0 as? StoreError)?.kind == .sessionInUse(pid: getpid())
        }
        #expect(FileManager.default.fileExists(atPath: session.url.path))
        lock.unlock()
        try store.delete(session)
    }

    @Test func deleteRefusesPathsOutsideTheRoot() throws {
        let temp = try TempFolder()
        let store = try makeStore(temp)
        // A folder with a valid session name, but beside the root.
        let outside = temp.path("20261125-221530-x-abcd")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: false)
        try data("keep").write(to: outside.appendingPathComponent("journal.jsonl"))
        let fake = SessionFolder(id: outside.lastPathComponent, url: outside)
        #expect { try store.delete(fake) } throws: { ($0 as? StoreError)?.kind == .outsideRoot }

        // A symlink inside the root that points outside it.
        let link = store.root.appendingPathComponent("20261125-221530-y-abcd")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: outside)
        let linked = SessionFolder(id: link.lastPathComponent, url: link)
        #expect { try store.delete(linked) } throws: { ($0 as? StoreError)?.kind == .outsideRoot }

        // The root itself, and a path climbing out of it.
        #expect { try store.delete(SessionFolder(id: "casus", url: store.root)) } throws: {
            ($0 as? StoreError)?.kind == .outsideRoot
        }
        let climbing = store.root.appendingPathComponent("../20261125-221530-x-abcd")
        #expect { try store.delete(SessionFolder(id: "x", url: climbing)) } throws: {
            ($0 as? StoreError)?.kind == .outsideRoot
        }
        #expect(FileManager.default.fileExists(atPath: outside.appendingPathComponent("journal.jsonl").path))
    }
}
