/// A hand-written, line-oriented recursive-descent parser for the scenario language.
///
/// The parser never stops at the first problem: it reports one diagnostic for a bad line,
/// skips that line together with the text indented under it, and goes on, so one mistake
/// gives one error rather than a cascade. Nesting is capped so hostile input cannot overflow
/// the stack.
public struct Parser {
    /// Deepest allowed nesting of blocks (and of parentheses in a condition).
    public static let maxNesting = 50
    /// Longest allowed line, in Unicode scalars.
    public static let maxLineLength = 10_000
    /// Largest allowed file, in bytes.
    public static let maxFileBytes = 32 * 1024 * 1024

    let path: String
    /// `path` interned once: every range of the tree carries it.
    let fileID: SourceFileID
    /// The file's UTF-8 bytes, which `lines` point into.
    let source: [UInt8]
    let lines: [SourceLine]
    var index = 0
    /// The top level stops at this line (a part of the file, see `Parser+Split.swift`); the
    /// bodies of blocks may still look at it, as they would in the whole file.
    var stopIndex: Int
    var diagnostics: [Diagnostic] = []
    /// Ids of question lines that had a syntax error and were dropped.
    var brokenNames: Set<String> = []
    /// Questions read so far (see `SourceFile.questionCount`).
    var questionCount = 0
    /// The block openers around the line being parsed, innermost last.
    var openers: [(keyword: String, line: SourceLine)] = []
    /// Reused by `buildText` for every text (see there).
    var markScratch: [Text.Mark] = []
    var literalScratch: [UInt8] = []

    /// A parser for lines `part` of a file already split into `lines`.
    init(path: String, source: [UInt8], lines: [SourceLine], part: Range<Int>? = nil) {
        self.path = path
        self.fileID = SourceFileID(path)
        self.source = source
        self.lines = lines
        self.index = part?.lowerBound ?? 0
        self.stopIndex = part?.upperBound ?? lines.count
    }

    /// Parses a file's raw bytes: invalid UTF-8, NUL bytes and oversized files are errors
    /// with a location, never a crash.
    public static func parse(bytes: [UInt8], path: String) -> (SourceFile, [Diagnostic]) {
        let empty = SourceFile(path: path, items: [])
        if bytes.count > maxFileBytes {
            return (empty, [Diagnostic("C020", .error, at: point(path, 1, 1), ParserMessages.fileTooLarge)])
        }
        if let diagnostic = validate(bytes, path: path) { return (empty, [diagnostic]) }
        return parseValid(bytes, path: path)
    }

    /// Parses source text, with the same limits as a file (line offsets are 32-bit).
    public static func parse(_ text: String, path: String) -> (SourceFile, [Diagnostic]) {
        parse(bytes: Array(text.utf8), path: path)
    }

    /// Parses valid UTF-8; a large file in two parts at once (see `Parser+Split.swift`).
    static func parseValid(
        _ bytes: [UInt8], path: String, parallelFrom threshold: Int = parallelThreshold
    ) -> (SourceFile, [Diagnostic]) {
        let lines = SourceLine.split(bytes)
        if lines.allSatisfy({ $0.isBlank || $0.isComment }) {
            let d = Diagnostic(
                "C002", .error, at: point(path, 1, 1), ParserMessages.emptyFile(),
                fixIt: FixIt(ParserMessages.emptyFileHint()))
            return (SourceFile(path: path, items: []), [d])
        }
        if bytes.count >= threshold, let split = splitPoint(lines, in: bytes) {
            return parseInTwoParts(bytes, path: path, lines: lines, splitAt: split)
        }
        var parser = Parser(path: path, source: bytes, lines: lines)
        let (file, diagnostics) = parser.parseFile()
        return (file, overlongLines(lines, in: bytes, path: path) + diagnostics)
    }

    /// A C020 error for every line longer than `maxLineLength` scalars, at its first character:
    /// prose and comment lines too, which the parser otherwise reads without looking at their
    /// length. The parser itself only skips an overlong code line (see `peekCodeLine`).
    static func overlongLines(_ lines: [SourceLine], in source: [UInt8], path: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let fileID = SourceFileID(path)
        for line in lines where line.isTooLong(in: source) {
            let column = line.isBlank ? 1 : line.scalarColumn(line.contentColumn, in: source)
            let range = SourceRange(
                fileID: fileID, start: SourceLocation(line: line.number, column: column),
                end: SourceLocation(line: line.number, column: column + 1))
            found.append(Diagnostic("C020", .error, at: range, ParserMessages.lineTooLong))
        }
        return found
    }

    /// Parses this parser's part of the file.
    mutating func parseFile() -> (SourceFile, [Diagnostic]) {
        let items = parseTopLevel()
        var file = SourceFile(path: path, items: items)
        file.brokenNames = brokenNames
        file.questionCount = questionCount
        return (file, diagnostics)
    }

    // MARK: - Decoding

    private struct DecodeFailure: Error {
        let diagnostic: Diagnostic
    }

    /// Nil when the bytes are valid UTF-8 without NUL; else an error at the first bad byte.
    private static func validate(_ bytes: [UInt8], path: String) -> Diagnostic? {
        // Fast path: validate in bulk; only a bad file pays for the walk that finds where.
        if !containsNUL(bytes), isValidUTF8(bytes) { return nil }
        var line = 1
        var column = 1
        var iterator = bytes.makeIterator()
        var utf8 = Unicode.UTF8.ForwardParser()
        while true {
            switch utf8.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar == "\0" {
                    return Diagnostic("C001", .error, at: point(path, line, column), ParserMessages.nulByte())
                }
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                return nil
            case .error:
                return Diagnostic("C001", .error, at: point(path, line, column), ParserMessages.invalidUTF8())
            }
        }
    }

    /// True when `bytes` are valid UTF-8 (NUL allowed).
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        // UTF8Span validates in place; `String(validating:)` would copy the whole file.
        if #available(macOS 26, *) { return (try? UTF8Span(validating: bytes.span)) != nil }
        return String(validating: bytes, as: UTF8.self) != nil
    }

    /// True when `bytes` hold a 0 byte. Scans eight bytes at a time (the classic "has a zero
    /// byte" bit trick); every load lies inside the buffer, the tail is checked bytewise.
    private static func containsNUL(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            var i = 0
            while i + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if (word &- ones) & ~word & highs != 0 { return true }
                i += 8
            }
            while i < raw.count {
                if raw[i] == 0 { return true }
                i += 1
            }
            return false
        }
    }

    static func point(_ path: String, _ line: Int, _ column: Int) -> SourceRange {
        SourceRange(file: path, line: line, column: column, length: 1)
    }

    // MARK: - Line access

    /// The byte at a byte column of `line`.
    @inline(__always) func byte(_ line: SourceLine, _ column: Int) -> UInt8 { line.byte(column, in: source) }

    /// The text of `line` between two byte columns (end exclusive).
    func text(_ line: SourceLine, _ from: Int, _ to: Int) -> String { line.text(from, to, in: source) }

    /// The word that `token` on `line` is; nil for other tokens.
    func word(_ line: SourceLine, _ token: Token) -> String? {
        token.isWord ? text(line, token.column, token.endColumn) : nil
    }

    /// The key of the word that `token` on `line` is, for keyword lookups; nil for other
    /// tokens and for words too long to be in any table.
    func key(_ line: SourceLine, _ token: Token?) -> WordKey? {
        guard let token, token.isWord else { return nil }
        return WordKey(source[line.offsets(token.column, token.endColumn)])
    }

    /// True when `token` on `line` is one of the words of `set`, in any case.
    func matches(_ line: SourceLine, _ token: Token?, _ set: [WordKey]) -> Bool {
        guard let key = key(line, token) else { return false }
        return set.contains(key)
    }

    /// How `token` on `line` is written, for messages.
    func spelling(_ line: SourceLine, _ token: Token) -> String { token.spelling(line, in: source) }

    /// The value of a string token (without its quotes); nil for other tokens.
    func string(_ line: SourceLine, _ token: Token) -> String? {
        guard case .string(let from, let to) = token.kind else { return nil }
        return text(line, Int(from), Int(to))
    }

    /// A lexer for the code of `line`, from its content column.
    func lexer(_ line: SourceLine) -> LineLexer {
        LineLexer(source: source, line: line, fromColumn: line.contentColumn)
    }

    /// The next line that is neither blank nor a comment, without consuming it. Lines that
    /// are too long are reported and skipped here, once.
    mutating func peekCodeLine() -> SourceLine? {
        while index < lines.count {
            let line = lines[index]
            if line.isBlank || line.isComment {
                index += 1
                continue
            }
            if line.isTooLong(in: source) {
                // Already reported with every other overlong line (`overlongLines`).
                index += 1
                skipIndented(under: line)
                continue
            }
            return line
        }
        return nil
    }

    /// Skips the lines indented deeper than `owner` (its text block), so a bad line's text is
    /// not parsed as code.
    mutating func skipIndented(under owner: SourceLine) {
        _ = takeTextLines(under: owner)
    }

    /// Consumes the blank lines and the lines indented deeper than `owner`; trailing blank
    /// lines are left in place. A slice of `lines`: no copy of the lines per text block.
    mutating func takeTextLines(under owner: SourceLine) -> ArraySlice<SourceLine> {
        var taken: ArraySlice<SourceLine> = []
        var scan = index
        var lastNonBlank = index - 1
        while scan < lines.count {
            let line = lines[scan]
            if line.isBlank {
                scan += 1
                continue
            }
            if line.indent <= owner.indent { break }
            lastNonBlank = scan
            scan += 1
        }
        if lastNonBlank >= index {
            taken = lines[index..<(lastNonBlank + 1)]
            index = lastNonBlank + 1
        }
        return taken
    }

    // MARK: - Diagnostics

    /// A range on `line` between two byte columns, in the scalar columns people see.
    func range(_ line: SourceLine, _ start: Int, _ end: Int) -> SourceRange {
        let from = line.scalarColumn(start, in: source)
        let to = line.scalarColumn(max(end, start + 1), in: source)
        return SourceRange(
            fileID: fileID, start: SourceLocation(line: line.number, column: from),
            end: SourceLocation(line: line.number, column: max(to, from + 1)))
    }

    func range(_ line: SourceLine, _ token: Token) -> SourceRange {
        range(line, token.column, token.endColumn)
    }

    /// The content of a line, from its first non-blank character to its last.
    func contentRange(_ line: SourceLine) -> SourceRange {
        range(line, line.contentColumn, line.trimmedEnd)
    }

    mutating func error(
        _ code: String, _ at: SourceRange, _ message: LocalizedText, notes: [DiagnosticNote] = [],
        fixIt: FixIt? = nil
    ) {
        diagnostics.append(Diagnostic(code, .error, at: at, message, notes: notes, fixIt: fixIt))
    }

    /// Reports a block that was never closed, at the line that opened it.
    mutating func reportUnclosed(_ opener: (keyword: String, line: SourceLine), runsUntil line: Int?) {
        var notes: [DiagnosticNote] = []
        if let line { notes.append(DiagnosticNote(ParserMessages.unclosedNote(line))) }
        error(
            "C005", contentRange(opener.line), ParserMessages.unclosed(opener.keyword), notes: notes,
            fixIt: FixIt(ParserMessages.addEnd(opener.keyword)))
    }
}
