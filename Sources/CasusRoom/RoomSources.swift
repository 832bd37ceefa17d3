import CasusCore
import Foundation

/// Loads the scenario a group joined with from the sources it sent, so the room renders its
/// sheets without the scenario files on the facilitator's laptop.
enum RoomSources {
    /// At most this many files (the scenario and its includes).
    static let maxFiles = 64

    /// The checked scenario, or why not: 400 for paths that are not plain relative paths, 422
    /// for a scenario that does not check (with the first diagnostic).
    static func load(scenarioPath: String, sources: [String: String]) throws -> Scenario {
        guard !sources.isEmpty, sources.count <= maxFiles else {
            throw RoomError.malformed("sources must hold between 1 and \(maxFiles) files")
        }
        for path in sources.keys {
            guard !path.isEmpty, !path.hasPrefix("/"), PathMath.normalise(path) == path, !path.contains("\0") else {
                throw RoomError.malformed("source path \"\(path)\" is not a plain path relative to the scenario's folder")
            }
        }
        let main = (scenarioPath as NSString).lastPathComponent
        guard sources[main] != nil else {
            throw RoomError.doesNotFit("the sources do not hold the scenario file \"\(main)\"")
        }
        let loaded = ScenarioLoader.load(path: main, provider: InMemorySourceProvider(sources))
        if let scenario = loaded.scenario { return scenario }
        let first = loaded.diagnostics.first { $0.severity == .error } ?? loaded.diagnostics.first
        let text = first.map { "\($0.range.file):\($0.range.start.line):\($0.range.start.column): \($0.message.en)" } ?? "unknown error"
        throw RoomError.doesNotFit("the scenario does not check: \(text)")
    }
}
