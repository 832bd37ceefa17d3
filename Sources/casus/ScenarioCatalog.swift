import CasusCore
import Foundation

/// The bundled scenarios for `casus play` without a file: found in `$CASUS_SCENARIOS`, or in a
/// `Scenarios/` folder above the executable or the current directory. Files under
/// `gedeeld/` (shared parts) are no scenarios of their own.
enum ScenarioCatalog {
    struct Entry {
        var path: String
        var title: String
        var audience: String?
        var durationMinutes: Int?
    }

    static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let dir = environment["CASUS_SCENARIOS"], !dir.isEmpty { return dir }
        var starts: [URL] = []
        if let exe = Bundle.main.executableURL { starts.append(exe.resolvingSymlinksInPath().deletingLastPathComponent()) }
        starts.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        for start in starts {
            var dir = start
            while true {
                let candidate = dir.appendingPathComponent("Scenarios")
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), isDir.boolValue {
                    return candidate.path
                }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }

    static func entries(in folder: String) -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".casus") }.sorted().compactMap { name in
            let path = (folder as NSString).appendingPathComponent(name)
            let result = ScenarioLoader.load(path: path, provider: FileSourceProvider())
            guard let scenario = result.scenario else { return nil }
            let meta = scenario.metadata
            return Entry(
                path: path, title: meta.title,
                audience: meta.audience.map { [$0.school.rawValue, $0.level].compactMap { $0 }.joined(separator: ", ") },
                durationMinutes: meta.durationMinutes)
        }
    }
}
