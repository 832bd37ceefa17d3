/// A position in a scenario file: 1-based line and column (columns count Unicode scalars).
///
/// Stored as two 32-bit numbers: every node of the syntax tree carries ranges, so their
/// size is much of the tree's memory on a large scenario.
public struct SourceLocation: Hashable, Comparable, Sendable, Codable {
    private var storedLine: Int32
    private var storedColumn: Int32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.storedLine, a.storedColumn) < (b.storedLine, b.storedColumn)
    }

    private enum CodingKeys: String, CodingKey { case line, column }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(line: try c.decode(Int.self, forKey: .line), column: try c.decode(Int.self, forKey: .column))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(line, forKey: .line)
        try c.encode(column, forKey: .column)
    }
}

/// A half-open range in one file. `end` is exclusive; an empty range marks a point.
public struct SourceRange: Hashable, Sendable, Codable {
    /// The file as the user named it (relative or absolute), used verbatim in diagnostics.
    public var file: String
    public var start: SourceLocation
    public var end: SourceLocation

    public init(file: String, start: SourceLocation, end: SourceLocation) {
        self.file = file
        self.start = start
        self.end = end
    }

    /// A range covering a whole line from `column` for `length` scalars.
    public init(file: String, line: Int, column: Int, length: Int) {
        self.init(
            file: file, start: SourceLocation(line: line, column: column),
            end: SourceLocation(line: line, column: column + max(length, 0)))
    }

    /// The smallest range covering both (same file assumed).
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(file: file, start: min(start, other.start), end: max(end, other.end))
    }
}
