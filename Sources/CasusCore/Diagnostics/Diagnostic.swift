/// How bad a diagnostic is. Errors make `casus check` fail; warnings do not.
public enum Severity: String, Sendable, Codable, Comparable {
    case error
    case warning
    case note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A secondary message attached to a diagnostic, e.g. "the block opened here".
public struct DiagnosticNote: Hashable, Sendable, Codable {
    public var message: LocalizedText
    public var range: SourceRange?

    public init(_ message: LocalizedText, at range: SourceRange? = nil) {
        self.message = message
        self.range = range
    }
}

/// A suggested change: a message ("did you mean `vraag`?") and optionally the text that
/// should replace the diagnostic's range.
public struct FixIt: Hashable, Sendable, Codable {
    public var message: LocalizedText
    public var replacement: String?
    public var range: SourceRange?

    public init(_ message: LocalizedText, replacement: String? = nil, range: SourceRange? = nil) {
        self.message = message
        self.replacement = replacement
        self.range = range
    }
}

/// One problem found in a scenario, as data: printed by `DiagnosticRenderer`, serialized for
/// editors by `casus check --format json`.
public struct Diagnostic: Hashable, Sendable, Codable {
    /// A stable code such as `C012` (`DiagnosticCode`); documented in docs/language.md.
    public var code: DiagnosticCode
    /// Always `code.severity`.
    public var severity: Severity
    public var range: SourceRange
    public var message: LocalizedText
    public var notes: [DiagnosticNote]
    public var fixIt: FixIt?

    public init(
        _ code: DiagnosticCode, at range: SourceRange, _ message: LocalizedText,
        notes: [DiagnosticNote] = [], fixIt: FixIt? = nil
    ) {
        self.code = code
        self.severity = code.severity
        self.range = range
        self.message = message
        self.notes = notes
        self.fixIt = fixIt
    }
}

extension Array where Element == Diagnostic {
    /// True when at least one diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, then position, errors before warnings at the same place.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted {
            ($0.range.file, $0.range.start.line, $0.range.start.column, $0.severity)
                < ($1.range.file, $1.range.start.line, $1.range.start.column, $1.severity)
        }
    }
}
extension Diagnostic: Error {}
