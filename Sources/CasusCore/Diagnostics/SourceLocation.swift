/// A position in a scenario file: 1-based line and column (columns count Unicode scalars).
public struct SourceLocation: Hashable, Comparable, Sendable, Codable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// A half-open range in one file, which it names. `end` is exclusive; an empty range marks
/// a point.
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

    /// A range on one line from `column` for `length` scalars.
    public init(file: String, line: Int, column: Int, length: Int) {
        self.init(
            file: file, start: SourceLocation(line: line, column: column),
            end: SourceLocation(line: line, column: column + max(length, 0)))
    }

    /// The smallest range covering both (same file assumed).
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(file: file, start: min(start, other.start), end: max(end, other.end))
    }

    /// Where `part` first stands in `text`, the one-line text this range covers; the whole
    /// range when it is not there. For a diagnostic about one word of a value (`tijdbewaarder`
    /// in `taken: notulist, tijdbewaarder`).
    public func part(_ part: String, of text: String) -> SourceRange {
        let scalars = text.unicodeScalars
        guard start.line == end.line, let found = scalars.firstRange(of: part.unicodeScalars) else { return self }
        let column = start.column + scalars.distance(from: scalars.startIndex, to: found.lowerBound)
        return SourceRange(file: file, line: start.line, column: column, length: max(part.unicodeScalars.count, 1))
    }
}
