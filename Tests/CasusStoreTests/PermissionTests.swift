import Foundation
import Testing

@testable import CasusStore

/// Runs serialized: the umask is process-wide.
@Suite(.serialized) struct PermissionTests {
    @Test func everythingIsPrivateEvenWithAWideUmask() throws {
        let temp = try TempFolder()
        try withUmask(0o022) {
            let location = StoreLocation(root: temp.path("a/b/casus"))
            let store = try SessionStore(location: location)
            for folder in ["a", "a/b", "a/b/casus"] {
                #expect(mode(temp.path(folder)) == 0o700, "\(folder)")
            }
            let session = try store.create(group: "Groep 3B")
            let journal = try session.createJournal(header: data("{}"))
            try journal.append(payload: data(#"{"x":1}"#))
            try session.writeMeta(["title": "Afpersing"])
            for sheet in SessionFolder.Sheet.allCases { try session.writeSheet(data("sheet"), as: sheet) }
            let lock = try session.lock()

            // Tear the tail so a .damaged file is written too.
            let handle = try FileHandle(forWritingTo: session.journalURL)
            try handle.seekToEnd()
            try handle.write(contentsOf: data("{\"seq\""))
            try handle.close()
            journal.close()
            let reopened = try session.openJournal()
            #expect(reopened.recovery != .clean)

            #expect(mode(session.url) == 0o700)
            let files = try FileManager.default.contentsOfDirectory(atPath: session.url.path).sorted()
            #expect(
                files == [
                    "journal.jsonl", "journal.jsonl.damaged", "lock", "meta.json", "sheet.html", "sheet.json",
                    "sheet.md",
                ])
            for file in files {
                #expect(mode(session.url.appendingPathComponent(file)) == 0o600, "\(file)")
            }
            withExtendedLifetime(lock) {}
        }
    }

    @Test func atomicWriteReplacesContentAndKeepsItPrivate() throws {
        let temp = try TempFolder()
        let url = temp.path("sheet.md")
        try withUmask(0o022) {
            // A pre-existing world-readable file is replaced by a private one.
            try data("old").write(to: url)
            #expect(mode(url) == 0o644)
            try DurableFile.writeAtomically(data("new content"), to: url)
            #expect(try Data(contentsOf: url) == data("new content"))
            #expect(mode(url) == 0o600)
            try DurableFile.writeAtomically(data(""), to: url)
            #expect(try Data(contentsOf: url).isEmpty)
            #expect(mode(url) == 0o600)
        }
        // No temp files are left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.url.path) == ["sheet.md"])
    }

    @Test func atomicWriteIntoAMissingFolderFails() throws {
        let temp = try TempFolder()
        #expect { try DurableFile.writeAtomically(data("x"), to: temp.path("nope/file")) } throws: {
            ($0 as? StoreError)?.kind == .io
        }
    }

    @Test func restrictiveUmask() throws {
        let old = umask(0o022)
        defer { umask(old) }
        setRestrictiveUmask()
        #expect(umask(0o022) == 0o077)
    }
}
