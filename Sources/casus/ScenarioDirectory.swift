import CasusCore
import Foundation

/// Finds the bundled `Scenarios/` folder: `$CASUS_SCENARIOS`, else the first folder holding
/// `Scenarios/` walking up from the current directory, then from the executable's path.
enum ScenarioDirectory {
    static func bundled(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let fm = FileManager.default
        func isDirectory(_ path: String) -> Bool {
            var dir: ObjCBool = false
            return fm.fileExists(atPath: path, isDirectory: &dir) && dir.boolValue
        }
        if let explicit = environment["CASUS_SCENARIOS"], !explicit.isEmpty, isDirectory(explicit) { return explicit }
        var starts = [fm.currentDirectoryPath]
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            starts.append(executable.deletingLastPathComponent().path)
        }
        for start in starts {
            var url = URL(fileURLWithPath: start)
            while true {
                let candidate = url.appendingPathComponent("Scenarios").path
                if isDirectory(candidate) { return candidate }
                let parent = url.deletingLastPathComponent()
                if parent.path == url.path { break }
                url = parent
            }
        }
        return nil
    }

    /// The `.casus` files directly in `folder` (fragments live in `gedeeld/` and are skipped),
    /// sorted by name.
    static func scenarios(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".casus") }.sorted().map { folder == "." ? $0 : folder + "/" + $0 }
    }
}
