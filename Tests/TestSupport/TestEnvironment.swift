import Foundation

/// Environments and binary lookup for tests that run the package's executables.
public enum TestEnvironment {
    /// A small, deterministic environment for spawned programs: dumb terminal, no inputrc,
    /// UTF-8, no colour. Merge extra variables with `base.merging(...) { $1 }`.
    public static let base: [String: String] = [
        "TERM": "dumb",
        "INPUTRC": "/dev/null",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "NO_COLOR": "1",
        "PATH": "/usr/bin:/bin",
        "HOME": FileManager.default.temporaryDirectory.path,
    ]

    /// The path of an executable built by SwiftPM next to the tests, e.g. `"casus"`.
    ///
    /// Looks in the directory of the running test binary (`swift test` puts the package's
    /// executables beside it), then in `.build/debug/` of the package that contains
    /// `filePath`. Pass `#filePath` from the calling test file.
    public static func binary(named name: String, filePath: String = #filePath) -> String? {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent(name))
        }
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent(name))
        }
        var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                candidates.append(directory.appendingPathComponent(".build/debug").appendingPathComponent(name))
                break
            }
            directory.deleteLastPathComponent()
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path
    }
}
