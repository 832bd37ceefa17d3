import Foundation
import Testing

@testable import CasusStore

/// Symlinks and other planted files in the store are neither followed nor chmod'ed, and
/// folders others can write into are refused.
@Suite struct PlantedFileTests {
    let temp: TempFolder
    let store: SessionStore
    let victim: URL

    init() throws {
        temp = try TempFolder()
        store = try SessionStore(location: StoreLocation(root: temp.path("casus")))
        victim = temp.path("victim.txt")
        try data("precious\n").write(to: victim)
        #expect(chmod(victim.path, 0o644) == 0)
    }

    func expectVictimUnchanged(sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try bytes(victim) == Array("precious\n".utf8), sourceLocation: sourceLocation)
        #expect(mode(victim) == 0o644, sourceLocation: sourceLocation)
    }

    @Test func aLockSymlinkIsNotFollowed() throws {
        let folder = try store.create(group: "g")
        #expect(symlink(victim.path, folder.lockURL.path) == 0)
        #expect { try folder.lock() } throws: { ($0 as? StoreError)?.code == ELOOP }
        try expectVictimUnchanged()
        #expect(store.removeAbandoned(now: Date().addingTimeInterval(3600)).isEmpty)
        try expectVictimUnchanged()
    }

    @Test func aJournalSymlinkIsNeitherFollowedNorChmodded() throws {
        let folder = try store.create(group: "g")
        #expect(symlink(victim.path, folder.journalURL.path) == 0)
        let lock = try folder.lock()
        #expect { try folder.openJournal() } throws: { ($0 as? StoreError)?.code == ELOOP }
        #expect { try folder.readJournalStart() } throws: { ($0 as? StoreError)?.code == ELOOP }
        #expect { try folder.createJournal(header: data("{}")) } throws: { $0 is StoreError }
        try expectVictimUnchanged()
        withExtendedLifetime(lock) {}
    }

    @Test func metaAndSheetSymlinksAreNotRead() throws {
        let folder = try store.create(group: "g")
        #expect(symlink(victim.path, folder.metaURL.path) == 0)
        #expect(symlink(victim.path, folder.sheetURL(.markdown).path) == 0)
        #expect { try folder.readMeta() } throws: { ($0 as? StoreError)?.code == ELOOP }
        #expect { try folder.readSheet(.markdown) } throws: { ($0 as? StoreError)?.code == ELOOP }
        #expect(try store.list().first?.meta == nil)
    }

    @Test func aFolderInTheJournalsPlaceIsNotAFile() throws {
        let folder = try store.create(group: "g")
        #expect(mkdir(folder.journalURL.path, 0o700) == 0)
        let lock = try folder.lock()
        #expect { try folder.openJournal() } throws: { ($0 as? StoreError)?.code == EISDIR }
        #expect { try folder.readJournalStart() } throws: { ($0 as? StoreError)?.kind == .notAFile }
        withExtendedLifetime(lock) {}
    }

    @Test func aRootOthersCanWriteIsRefused() throws {
        let root = temp.path("open")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for wide: mode_t in [0o777, 0o775, 0o1777] {
            #expect(chmod(root.path, wide) == 0)
            #expect { try SessionStore(location: StoreLocation(root: root)) } throws: {
                ($0 as? StoreError)?.kind == .notPrivate && ($0 as? StoreError)?.path == root.path
            }
        }
        #expect(chmod(root.path, 0o755) == 0)
        _ = try SessionStore(location: StoreLocation(root: root))
    }

    @Test func aSessionFolderOthersCanWriteIsRefused() throws {
        let folder = try store.create(group: "g")
        #expect(chmod(folder.url.path, 0o777) == 0)
        #expect { try folder.lock() } throws: { ($0 as? StoreError)?.kind == .notPrivate }
        #expect(!FileManager.default.fileExists(atPath: folder.lockURL.path))
    }

    @Test func aSymlinkedSessionFolderIsNotLocked() throws {
        let elsewhere = temp.path("elsewhere")
        #expect(mkdir(elsewhere.path, 0o700) == 0)
        let link = store.root.appendingPathComponent("20260101-000000-link-abcd")
        #expect(symlink(elsewhere.path, link.path) == 0)
        #expect(try store.list().isEmpty)
        #expect { try SessionLock(folder: link) } throws: {
            // Linux says ENOTDIR for O_DIRECTORY | O_NOFOLLOW on a symlink, others ELOOP.
            [ELOOP, ENOTDIR].contains(($0 as? StoreError)?.code ?? 0)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }
}
