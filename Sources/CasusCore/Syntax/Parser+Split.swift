import Dispatch

/// A large file is parsed in two parts at once, split at a line where the parser always
/// starts afresh, so the result is exactly that of one pass (a test compares the two at
/// every possible split of the fixtures).
///
/// The split line is a `stap`/`step` line at indentation 0. Such a line is never prose (text
/// blocks hold only lines indented deeper than their owner), and every construct that can be
/// open when it is reached (a step, the blocks inside it, a `blad` section, a misplaced
/// statement at the top level, a region skipped for nesting too deep) stops there without
/// consuming it, reporting anything unclosed against that line. So the top level always
/// resumes at it. The first part's parser still sees the line, so its errors read the same;
/// only its top level stops there.
extension Parser {
    /// Files from this size (1 MB) are parsed in two parts; smaller ones, such as every real
    /// scenario, in one pass with no thread started.
    static let parallelThreshold = 1 << 20

    /// The index of the split line nearest after the middle, or nil when there is none.
    static func splitPoint(_ lines: [SourceLine], in source: [UInt8]) -> Int? {
        (lines.count / 2..<lines.count).first { isSplitLine(lines[$0], in: source) }
    }

    /// True when the parser always starts afresh at `line`: a `stap`/`step` line at
    /// indentation 0 (and not too long: such a line is skipped, not read).
    static func isSplitLine(_ line: SourceLine, in source: [UInt8]) -> Bool {
        guard line.indent == 0, !line.isBlank, !line.isComment, line.count <= maxLineLength else { return false }
        var lexer = LineLexer(source: source, line: line, fromColumn: line.contentColumn)
        guard let first = lexer.tokens(stopAtColon: true).tokens.first, first.isWord,
            let key = WordKey(source[line.offsets(first.column, first.endColumn)])
        else { return false }
        return Keyword(key: key) == .step
    }

    /// Parses lines `..<split` and `split...` on two threads and joins the results in order.
    static func parseInTwoParts(_ bytes: [UInt8], path: String, lines: [SourceLine], splitAt split: Int) -> (SourceFile, [Diagnostic]) {
        let parts = [0..<split, split..<lines.count]
        var results: [(SourceFile, [Diagnostic])?] = [nil, nil]
        results.withUnsafeMutableBufferPointer { slots in
            // Each iteration writes only its own slot.
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: parts.count) { i in
                var parser = Parser(path: path, source: bytes, lines: lines, part: parts[i])
                slots[i] = parser.parseFile()
            }
        }
        guard let (first, firstDiagnostics) = results[0], let (second, secondDiagnostics) = results[1] else {
            preconditionFailure("a part of the file was not parsed")
        }
        var file = SourceFile(path: path, items: first.items + second.items)
        file.brokenNames = first.brokenNames.union(second.brokenNames)
        file.questionCount = first.questionCount + second.questionCount
        return (file, overlongLines(lines, in: bytes, path: path) + firstDiagnostics + secondDiagnostics)
    }
}
