import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where casus keeps its sessions, and how that folder is found.
public struct StoreLocation: Equatable, Sendable {
    /// The root folder; each session is a folder directly inside it.
    public let root: URL

    /// Uses `root` as is.
    public init(root: URL) {
        // Always flagged as a folder, so equal locations compare equal whether or not it exists.
        self.root = URL(fileURLWithPath: root.standardizedFileURL.path, isDirectory: true)
    }

    /// Resolves the root: `explicit` (the `--dir` value) if given, else `$CASUS_DIR`, else
    /// `$XDG_DATA_HOME/casus`, else `~/.local/share/casus`. Empty values count as unset.
    public static func resolve(
        explicit: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        home: String? = nil
    ) -> StoreLocation {
        func given(_ value: String?) -> String? {
            guard let value, !value.isEmpty else { return nil }
            return value
        }
        let homeFolder = given(home) ?? given(environment["HOME"]) ?? NSHomeDirectory()
        func absolute(_ path: String) -> URL {
            let expanded = path == "~" || path.hasPrefix("~/") ? homeFolder + path.dropFirst() : path
            return URL(fileURLWithPath: expanded)
        }
        if let dir = given(explicit) { return StoreLocation(root: absolute(dir)) }
        if let dir = given(environment["CASUS_DIR"]) { return StoreLocation(root: absolute(dir)) }
        // The XDG spec says relative values are invalid and must be ignored.
        if let data = given(environment["XDG_DATA_HOME"]), data.hasPrefix("/") {
            return StoreLocation(root: URL(fileURLWithPath: data).appendingPathComponent("casus"))
        }
        return StoreLocation(
            root: URL(fileURLWithPath: homeFolder).appendingPathComponent(".local/share/casus"))
    }

    /// Creates the root and any missing parent folders, each with mode 0700. Existing folders
    /// keep their mode: the root may be a folder the user chose on purpose.
    public func createIfNeeded() throws {
        try Posix.makeFolders(root.path)
    }
}

/// Sets the process umask to 077 so that anything created by any code in the process is
/// private to the user. Call once at process start; the store also sets modes explicitly.
public func setRestrictiveUmask() {
    umask(0o077)
}
