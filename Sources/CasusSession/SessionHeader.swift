import Foundation

/// The journal's header object (line 1): which scenario, in which language, since when.
public struct SessionHeader: Codable, Equatable {
    /// The header layout version.
    public var sessionFormat: Int = 1
    public var app: String = "casus"
    /// The scenario's absolute path when the session started.
    public var scenarioPath: String
    public var scenarioTitle: String
    public var language: String
    /// Seconds since 1970.
    public var created: Double
}
