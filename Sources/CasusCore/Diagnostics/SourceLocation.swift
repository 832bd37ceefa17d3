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
///
/// Every node of the syntax tree carries ranges, so the file is stored as an interned
/// `SourceFileID` (four bytes, no reference counting) rather than as its path.
public struct SourceRange: Hashable, Sendable, Codable {
    public var fileID: SourceFileID
    public var start: SourceLocation
    public var end: SourceLocation

    /// The file as the user named it (relative or absolute), used verbatim in diagnostics.
    public var file: String { fileID.path }

    public init(fileID: SourceFileID, start: SourceLocation, end: SourceLocation) {
        self.fileID = fileID
        self.start = start
        self.end = end
    }

    public init(file: String, start: SourceLocation, end: SourceLocation) {
        self.init(fileID: SourceFileID(file), start: start, end: end)
    }

    /// A range on one line from `column` for `length` scalars.
    public init(fileID: SourceFileID, line: Int, column: Int, length: Int) {
        self.init(
            fileID: fileID, start: SourceLocation(line: line, column: column),
            end: SourceLocation(line: line, column: column + max(length, 0)))
    }

    public init(file: String, line: Int, column: Int, length: Int) {
        self.init(fileID: SourceFileID(file), line: line, column: column, length: length)
    }

    /// The smallest range covering both (same file assumed).
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(fileID: fileID, start: min(start, other.start), end: max(end, other.end))
    }

    private enum CodingKeys: String, CodingKey { case file, start, end }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            file: try c.decode(String.self, forKey: .file), start: try c.decode(SourceLocation.self, forKey: .start),
            end: try c.decode(SourceLocation.self, forKey: .end))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
    }
}
