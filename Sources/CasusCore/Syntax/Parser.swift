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
    let lines: [SourceLine]
    var index = 0
    var diagnostics: [Diagnostic] = []
    /// Ids of question lines that had a syntax error and were dropped.
    var brokenNames: Set<String> = []
    /// The block openers around the line being parsed, innermost last.
    var openers: [(keyword: String, line: SourceLine)] = []
    /// How the body read by the last `reopenConditional` ended.
    var lastEnd: BlockEnd = .unclosed(propagate: false)

    /// A parser for a file already split into `lines`.
    init(path: String, lines: [SourceLine]) {
        self.path = path
        self.lines = lines
    }

    /// Parses a file's raw bytes: invalid UTF-8, NUL bytes and oversized files are errors
    /// with a location, never a crash.
    public static func parse(bytes: [UInt8], path: String) -> (SourceFile, [Diagnostic]) {
        let empty = SourceFile(path: path, items: [])
        if bytes.count > maxFileBytes {
            return (empty, [Diagnostic(.tooLarge, at: point(path, 1, 1), ParserMessages.fileTooLarge)])
        }
        if let diagnostic = validate(bytes, path: path) { return (empty, [diagnostic]) }
        return parseValid(String(decoding: bytes, as: UTF8.self), path: path)
    }

    /// Parses source text, with the same limits as a file.
    public static func parse(_ text: String, path: String) -> (SourceFile, [Diagnostic]) {
        parse(bytes: Array(text.utf8), path: path)
    }

    /// Parses text that passed `validate`.
    static func parseValid(_ text: String, path: String) -> (SourceFile, [Diagnostic]) {
        let lines = SourceLine.split(text)
        if lines.allSatisfy({ $0.isBlank || $0.isComment }) {
            let d = Diagnostic(
                .emptyFile, at: point(path, 1, 1), ParserMessages.emptyFile(),
                fixIt: FixIt(ParserMessages.emptyFileHint()))
            return (SourceFile(path: path, items: []), [d])
        }
        var parser = Parser(path: path, lines: lines)
        let (file, diagnostics) = parser.parseFile()
        return (file, overlongLines(lines, path: path) + diagnostics)
    }

    /// A C020 error for every line longer than `maxLineLength` scalars, at its first character:
    /// prose and comment lines too, which the parser otherwise reads without looking at their
    /// length. The parser itself only skips an overlong code line (see `peekCodeLine`).
    static func overlongLines(_ lines: [SourceLine], path: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for line in lines where line.isTooLong {
            let column = line.isBlank ? 1 : line.contentColumn
            let range = SourceRange(
                file: path, start: SourceLocation(line: line.number, column: column),
                end: SourceLocation(line: line.number, column: column + 1))
            found.append(Diagnostic(.tooLarge, at: range, ParserMessages.lineTooLong))
        }
        return found
    }

    /// Parses the whole file.
    mutating func parseFile() -> (SourceFile, [Diagnostic]) {
        let items = parseTopLevel()
        var file = SourceFile(path: path, items: items)
        file.brokenNames = brokenNames
        return (file, diagnostics)
    }

    // MARK: - Decoding

    private struct DecodeFailure: Error {
        let diagnostic: Diagnostic
    }

    /// Nil when the bytes are valid UTF-8 without NUL; else an error at the first bad byte.
    private static func validate(_ bytes: [UInt8], path: String) -> Diagnostic? {
        // Only a bad file pays for the walk that finds where.
        if !bytes.contains(0), isValidUTF8(bytes) { return nil }
        var line = 1
        var column = 1
        var iterator = bytes.makeIterator()
        var utf8 = Unicode.UTF8.ForwardParser()
        while true {
            switch utf8.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar == "\0" {
                    return Diagnostic(.notText, at: point(path, line, column), ParserMessages.nulByte())
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
                return Diagnostic(.notText, at: point(path, line, column), ParserMessages.invalidUTF8())
            }
        }
    }

    /// True when `bytes` are valid UTF-8 (NUL allowed).
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        // UTF8Span validates in place; `String(validating:)` would copy the whole file.
        if #available(macOS 26, *) { return (try? UTF8Span(validating: bytes.span)) != nil }
        return String(validating: bytes, as: UTF8.self) != nil
    }

    static func point(_ path: String, _ line: Int, _ column: Int) -> SourceRange {
        SourceRange(file: path, line: line, column: column, length: 1)
    }

    // MARK: - Line access

    /// The text from the start of token `first` to the end of token `last` (of one line).
    func text(from first: Token, through last: Token) -> String {
        String(Substring(first.text.base.unicodeScalars[first.text.startIndex..<last.text.endIndex]))
    }

    /// A lexer for the code of `line`, from its content column.
    func lexer(_ line: SourceLine) -> LineLexer { LineLexer(line: line) }

    /// The next line that is neither blank nor a comment, without consuming it. Lines that
    /// are too long are reported and skipped here, once.
    mutating func peekCodeLine() -> SourceLine? {
        while index < lines.count {
            let line = lines[index]
            if line.isBlank || line.isComment {
                index += 1
                continue
            }
            if line.isTooLong {
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
    /// lines are left in place.
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

    /// A range on `line` between two columns (at least one character wide).
    func range(_ line: SourceLine, _ start: Int, _ end: Int) -> SourceRange {
        SourceRange(
            file: path, start: SourceLocation(line: line.number, column: start),
            end: SourceLocation(line: line.number, column: max(end, start + 1)))
    }

    func range(_ line: SourceLine, _ token: Token) -> SourceRange {
        range(line, token.column, token.endColumn)
    }

    /// The range of a piece of a line.
    func range(_ piece: LinePiece) -> SourceRange {
        SourceRange(file: path, line: piece.line, column: piece.column, length: max(piece.endColumn - piece.column, 1))
    }

    /// The content of a line, from its first non-blank character to its last.
    func contentRange(_ line: SourceLine) -> SourceRange {
        range(line, line.contentColumn, line.contentEnd)
    }

    mutating func report(
        _ code: DiagnosticCode, _ at: SourceRange, _ message: LocalizedText, notes: [DiagnosticNote] = [],
        fixIt: FixIt? = nil
    ) {
        diagnostics.append(Diagnostic(code, at: at, message, notes: notes, fixIt: fixIt))
    }

    /// A note naming the tab when `line`'s indentation holds one: for errors about
    /// indentation, where a tab an editor shows wider than casus counts is a likely cause.
    func tabNotes(_ line: SourceLine) -> [DiagnosticNote] {
        line.indentHasTab ? [DiagnosticNote(ParserMessages.indentedWithTab)] : []
    }

    /// Reports a block that was never closed, at the line that opened it.
    mutating func reportUnclosed(_ opener: (keyword: String, line: SourceLine), runsUntil line: Int?) {
        var notes: [DiagnosticNote] = []
        if let line { notes.append(DiagnosticNote(ParserMessages.unclosedNote(line))) }
        let (at, keyword) = openingWordsAndSpelling(opener.line) ?? (contentRange(opener.line), opener.keyword)
        report(
            .unclosedBlock, at, ParserMessages.unclosed(keyword), notes: notes,
            fixIt: FixIt(ParserMessages.addEnd(keyword)))
    }

    /// The keyword that starts a block line (`stap`, `als`, `blad`, `anders`; `voor elke` and
    /// `anders als` as two words): what the caret stands under when the block as a whole is at
    /// fault (never closed, a second `anders`), rather than the whole line.
    func openingWords(_ line: SourceLine) -> SourceRange {
        openingWordsAndSpelling(line)?.range ?? contentRange(line)
    }

    /// `openingWords` and how they are written (`voor elke`), for the message.
    private func openingWordsAndSpelling(_ line: SourceLine) -> (range: SourceRange, spelling: String)? {
        var lexer = lexer(line)
        let tokens = lexer.tokens(stopAtColon: true).tokens
        guard let first = tokens.first, first.isWord else { return nil }
        if tokens.count >= 2, tokens[1].matches(Lexicon.each) || first.matches(Self.elseWords) && tokens[1].matches(Self.ifWords) {
            return (range(line, first.column, tokens[1].endColumn), "\(first.spelling) \(tokens[1].spelling)")
        }
        return (range(line, first), first.spelling)
    }

    private static let elseWords = Keyword.else.spellings.map { $0.lowercased() }
    private static let ifWords = Keyword.if.spellings.map { $0.lowercased() }
}
