import CasusCore
import CasusSession
import Foundation

/// Finds scenarios: the bundled `Scenarios/` folder (`$CASUS_SCENARIOS`, else the installed
/// `PREFIX/share/casus/Scenarios` beside `PREFIX/bin/casus`, else the first folder holding
/// `Scenarios/` walking up from the current directory, then from the executable's path) and
/// the `.casus` files in a folder. Used by `casus list` and by the menu of `casus play`
/// without a file.
enum ScenarioDirectory {
    /// One scenario as the menu and `casus list` show it.
    struct Entry: Encodable {
        var title: String
        var audience: String?
        var durationMinutes: Int?
        var file: String
        var bundled: Bool
        /// False when the scenario has errors (it is listed, marked, but cannot be played).
        var valid: Bool
    }

    static func bundled(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let fm = FileManager.default
        func isDirectory(_ path: String) -> Bool {
            var dir: ObjCBool = false
            return fm.fileExists(atPath: path, isDirectory: &dir) && dir.boolValue
        }
        if let explicit = environment["CASUS_SCENARIOS"], !explicit.isEmpty, isDirectory(explicit) { return explicit }
        // The real file, symlinks resolved (/proc/self/exe on Linux), so a link in another bin/
        // still finds the prefix the binary was installed into.
        let executable = (try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe")).map { URL(fileURLWithPath: $0) }
            ?? Bundle.main.executableURL?.resolvingSymlinksInPath()
        if let executable {
            // `make install` and the .deb put the scenarios here; an installed casus must not
            // depend on the folder it is started from.
            let installed = executable.deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("share/casus/Scenarios").path
            if isDirectory(installed) { return installed }
        }
        var starts = [fm.currentDirectoryPath]
        if let executable { starts.append(executable.deletingLastPathComponent().path) }
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

    /// Loads `file` for its title, audience and duration.
    static func entry(_ file: String, bundled: Bool) -> Entry {
        let result = ScenarioLoader.load(path: file, provider: FileSourceProvider())
        let meta = result.scenario?.metadata
        let audience = meta?.audience.map { a in [a.school.rawValue, a.level].compactMap { $0 }.joined(separator: ", ") }
        return Entry(
            title: meta?.title ?? (file as NSString).lastPathComponent, audience: audience,
            durationMinutes: meta?.durationMinutes, file: file, bundled: bundled, valid: result.scenario != nil)
    }
}
