import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Journal {
    /// The header and the intact records of the journal at `url`, read without opening it for
    /// writing: nothing is repaired or changed (`casus report` only reads). A torn last line
    /// is left out (`tornTail`), as `open` would cut it off; damage before a good line is
    /// refused as there.
    public static func read(at url: URL) throws -> (header: Data, records: [JournalRecord], tornTail: Bool) {
        let path = url.path
        let fd = try Posix.open(path, O_RDONLY, action: "read journal")
        defer { _ = Posix.closeDescriptor(fd) }
        let scanned = try scan(fd: fd, path: path)
        return (scanned.header, scanned.records, scanned.goodSize < scanned.total)
    }
}
