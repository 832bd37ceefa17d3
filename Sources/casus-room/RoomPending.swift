import CasusStore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A session whose room did not have every record when play ended (the room was away):
/// `room-pending.json` in the session folder names the room and the sources the session
/// joined with, so `casus room send` can deliver the rest later, even when the scenario
/// file has changed or moved since. Removed once the room has everything.
struct RoomPending: Codable, Equatable {
    /// The room's address as `RoomAddress.base` has it, and its join code.
    var url: String
    var code: String
    var sources: [String: String]

    static let fileName = "room-pending.json"

    static func location(in folder: SessionFolder) -> URL {
        folder.url.appendingPathComponent(fileName, isDirectory: false)
    }

    /// Written like every file in the store: 0600, atomically and durably.
    func write(to folder: SessionFolder) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try DurableFile.writeAtomically(try encoder.encode(self), to: Self.location(in: folder))
    }

    /// The marker of `folder`, if it has one that reads; never through a symbolic link.
    static func read(from folder: SessionFolder) -> RoomPending? {
        let fd = open(location(in: folder).path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        guard let data = try? handle.readToEnd() else { return nil }
        return try? JSONDecoder().decode(RoomPending.self, from: data)
    }

    static func remove(from folder: SessionFolder) {
        unlink(location(in: folder).path)
    }
}
