import CasusCore
import Foundation

/// Where the test fixtures live: `Tests/Fixtures`, found from this file's path.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The `.casus` files of a fixture folder, sorted by name.
    static func scenarios(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".casus") }.sorted()
    }
}

/// Reads scenarios from a folder on disk; paths (and so diagnostics) are relative to it, which
/// keeps rendered output independent of where the repository is checked out.
struct FolderSourceProvider: SourceProvider {
    let folder: URL

    func read(_ path: String) -> Result<[UInt8], SourceReadError> {
        var isDirectory: ObjCBool = false
        let url = folder.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return .failure(.notFound) }
        if isDirectory.boolValue { return .failure(.isDirectory) }
        guard let data = FileManager.default.contents(atPath: url.path) else { return .failure(.unreadable("cannot read")) }
        return .success([UInt8](data))
    }

    func resolve(include: String, from file: String, root: String) -> String? {
        InMemorySourceProvider([:]).resolve(include: include, from: file, root: root)
    }

    func casusFiles(in path: String) -> [String] { Self.files(under: folder.appendingPathComponent(path)) }

    /// The `.casus` files of `url` and of the folders just below it, relative to `url`.
    static func files(under url: URL) -> [String] {
        let manager = FileManager.default
        var found: [String] = []
        for name in (try? manager.contentsOfDirectory(atPath: url.path)) ?? [] {
            if name.hasSuffix(".casus") { found.append(name); continue }
            for inner in (try? manager.contentsOfDirectory(atPath: url.appendingPathComponent(name).path)) ?? []
            where inner.hasSuffix(".casus") {
                found.append(name + "/" + inner)
            }
        }
        return found.sorted()
    }
}
