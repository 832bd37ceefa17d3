import Foundation
import Testing

@testable import CasusStore

/// `removeAbandoned` removes only what is certainly casus's own, empty and left alone.
@Suite struct AbandonedFolderTests {
    let temp: TempFolder
    let store: SessionStore
    /// Later than `abandonedAge` from now, so fresh folders count as old without touching mtimes.
    let later = Date().addingTimeInterval(SessionStore.abandonedAge + 60)

    init() throws {
        temp = try TempFolder()
        store = try SessionStore(location: StoreLocation(root: temp.path("casus")))
    }

    /// A folder as a crash before the first answer leaves it: lock file and header only.
    func crashedBeforeTheFirstAnswer() throws -> SessionFolder {
        let folder = try store.create(group: "Groep Blauw")
        let lock = try folder.lock()
        _ = try folder.createJournal(header: data(#"{"app":"casus"}"#))
        lock.unlock()
        return folder
    }

    func exists(_ folder: SessionFolder) -> Bool {
        FileManager.default.fileExists(atPath: folder.url.path)
    }

    @Test func anOldEmptyUnlockedFolderIsRemoved() throws {
        let crashed = try crashedBeforeTheFirstAnswer()
        let bare = try store.create(group: "nog niets")
        #expect(store.removeAbandoned(now: later).sorted() == [crashed.id, bare.id].sorted())
        #expect(!exists(crashed) && !exists(bare))
        #expect(try store.list().isEmpty)
    }

    @Test func aHeaderOnlyJournalBesideAFreeLockIsRemovedAtOnce() throws {
        // Its casus held the lock while writing the header: a free lock means it has gone.
        let crashed = try crashedBeforeTheFirstAnswer()
        let unlocked = try store.create(group: "zonder slot")
        _ = try unlocked.createJournal(header: data(#"{"app":"casus"}"#))
        #expect(store.removeAbandoned() == [crashed.id])
        #expect(!exists(crashed) && exists(unlocked))
    }

    @Test func aFreshFolderIsLeftForTheCasusThatIsCreatingIt() throws {
        // Another casus has made the folder and not yet taken its lock.
        let fresh = try store.create(group: "Groep Rood")
        #expect(store.removeAbandoned().isEmpty)
        #expect(exists(fresh))
        // ... and can carry on.
        let lock = try fresh.lock()
        let journal = try fresh.createJournal(header: data("{}"))
        try journal.append(payload: data(#"{"a":1}"#))
        withExtendedLifetime(lock) {}
    }

    @Test func aHeldLockKeepsTheFolder() throws {
        let folder = try crashedBeforeTheFirstAnswer()
        let lock = try folder.lock()
        #expect(store.removeAbandoned(now: later).isEmpty)
        #expect(exists(folder))
        lock.unlock()
    }

    @Test func anythingWithContentIsLeftAlone() throws {
        // Sheets copied in for a report, with or without metadata.
        let sheets = try store.create(group: "alleen bladen")
        try sheets.writeSheet(data("# Blad"), as: .markdown)
        try sheets.writeMeta(["group": "Groep Geel"])
        // A journal holding an answer.
        let answered = try crashedBeforeTheFirstAnswer()
        let journal = try answered.openJournal()
        try journal.append(payload: data(#"{"answer":"x"}"#))
        journal.close()
        // A torn tail kept aside.
        let damaged = try crashedBeforeTheFirstAnswer()
        try data("x").write(to: damaged.url.appendingPathComponent("journal.jsonl.damaged"))
        // A folder casus did not make (its mode is not 0700).
        let foreign = try store.create(group: "vreemd")
        #expect(chmod(foreign.url.path, 0o755) == 0)

        #expect(store.removeAbandoned(now: later).isEmpty)
        for folder in [sheets, answered, damaged, foreign] { #expect(exists(folder), "\(folder.id)") }
        #expect(try sheets.readSheet(.markdown) == data("# Blad"))
    }
}
