import Foundation

/// `meta.json`: what `casus sessions` lists and what resume looks for.
public struct SessionMeta: Codable, Equatable {
    public var format: Int = 1
    public var id: String
    public var group: String?
    public var scenarioPath: String
    public var scenarioTitle: String
    public var language: String
    public var started: Date
    public var updated: Date
    public var answers: Int
    public var finished: Bool
    /// The 1-based number and title of the step the session is in (absent in older metas).
    public var step: Int? = nil
    public var stepTitle: String? = nil
}
