import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A fresh folder under the system temp folder, removed when the value is released.
final class TempFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("casus-store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> URL { url.appendingPathComponent(name) }
}

/// The permission bits of `url`, via lstat.
func mode(_ url: URL) -> mode_t {
    var st = stat()
    #expect(lstat(url.path, &st) == 0, "lstat \(url.path)")
    return st.st_mode & 0o7777
}

func bytes(_ url: URL) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: url))
}

func data(_ text: String) -> Data { Data(text.utf8) }

/// Runs `body` with the process umask set to `mask`, then restores the previous one.
func withUmask<T>(_ mask: mode_t, _ body: () throws -> T) rethrows -> T {
    let old = umask(mask)
    defer { umask(old) }
    return try body()
}
