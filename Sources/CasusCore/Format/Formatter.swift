/// `casus fmt`: the canonical layout of a scenario.
///
/// A line-based formatter over the source lines, guided by the parser's block structure:
/// code lines are re-indented by nesting (4 spaces a level) with single spaces between their
/// tokens, text blocks move with their owner (relative indentation kept, text verbatim),
/// comments move with the code they precede, at most one blank line in a row, a blank line
/// between top-level blocks, no trailing whitespace and a final newline. Every form casus
/// also accepts is written in its canonical spelling (`CanonicalSpelling`).
///
/// Only files without syntax errors are formatted, and the result is parsed again and
/// compared with the original tree (ranges ignored, metadata values in canonical spelling); a
/// difference refuses the format.
public enum Formatter {
    public static let indentWidth = 4

    public enum Failure: Error, Sendable {
        /// The file has errors; nothing was formatted.
        case invalid([Diagnostic])
        /// The formatted text would mean something else (a formatter bug); nothing changed.
        case meaningChanged
    }

    /// The formatted text of `source`.
    public static func format(_ source: String, path: String = "scenario.casus") -> Result<String, Failure> {
        let (original, diagnostics) = Parser.parse(source, path: path)
        if diagnostics.hasErrors { return .failure(.invalid(diagnostics)) }
        let output = layout(source)
        let (again, againDiagnostics) = Parser.parse(output, path: path)
        guard !againDiagnostics.hasErrors, ASTComparison.same(CanonicalSpelling.canonicalMetadata(original), again) else { return .failure(.meaningChanged) }
        return .success(output)
    }


    private static func firstWordKeyword(_ line: SourceLine) -> (Keyword?, isMetadata: Bool) {
        var lexer = LineLexer(line: line)
        let (tokens, _, _) = lexer.tokens(stopAtColon: true)
        guard let first = tokens.first, let word = first.word else { return (nil, false) }
        if MetadataKey(word: word) != nil, tokens.count >= 2, tokens[1].isPunct(.colon) { return (nil, true) }
        return (Keyword(word: word), false)
    }

    static func layout(_ source: String) -> String {
        let lines = SourceLine.split(source)
        var out: [String] = []
        var depth = 0
        var i = 0
        var pendingBlank = false
        /// A blank line must precede the next emitted line (a new top-level block).
        var forceBlank = false

        func emit(_ s: String) {
            if (pendingBlank || forceBlank) && !out.isEmpty && out.last != "" { out.append("") }
            pendingBlank = false
            forceBlank = false
            out.append(s)
        }

        // For each line, the index of the first code line (neither blank nor a comment) at or
        // after it: one pass from the end, so a long run of comments is not scanned once per
        // comment.
        var nextCodeIndex = [Int](repeating: lines.count, count: lines.count + 1)
        for k in stride(from: lines.count - 1, through: 0, by: -1) {
            nextCodeIndex[k] = !lines[k].isBlank && !lines[k].isComment ? k : nextCodeIndex[k + 1]
        }

        /// The next line that is neither blank nor a comment, from `j`.
        func nextCode(from j: Int) -> SourceLine? {
            let k = nextCodeIndex[min(j, lines.count)]
            return k < lines.count ? lines[k] : nil
        }

        /// The depth a code line is printed at, and the depth after it.
        func depths(_ line: SourceLine, _ depth: Int) -> (at: Int, after: Int, keyword: Keyword?) {
            let (keyword, _) = firstWordKeyword(line)
            switch keyword {
            case .end?: return (max(depth - 1, 0), max(depth - 1, 0), keyword)
            case .else?: return (max(depth - 1, 0), depth, keyword)
            case .step?, .if?, .forEach?, .sheet?: return (depth, depth + 1, keyword)
            case .caseText?, .role?, .info?, .note?, .include?, .say?, .ask?, .solutions?, .effect?, .vote?,
                .heading?, .show?, nil:
                return (depth, depth, keyword)
            }
        }

        func opensTopLevelBlock(_ keyword: Keyword?, _ at: Int) -> Bool {
            at == 0 && [.step, .sheet, .caseText, .info].contains(keyword)
        }

        while i < lines.count {
            let line = lines[i]
            if line.isBlank {
                pendingBlank = true
                i += 1
                continue
            }
            if line.isComment {
                // A comment goes with the code it precedes.
                let target = nextCode(from: i + 1)
                let (at, _, keyword) = target.map { depths($0, depth) } ?? (depth, depth, nil)
                if opensTopLevelBlock(keyword, at), out.last.map({ !$0.hasPrefix("#") }) ?? false { forceBlank = true }
                emit(indent(at) + trimmedContent(line))
                i += 1
                continue
            }
            let (at, after, keyword) = depths(line, depth)
            if opensTopLevelBlock(keyword, at), out.last.map({ !$0.hasPrefix("#") }) ?? false { forceBlank = true }
            // Canonical spelling first (it may quote a step title), then the spacing.
            let canonical = CanonicalSpelling.line(trimmedContent(line), keyword: keyword)
            emit(indent(at) + (canonical == trimmedContent(line) ? codeLine(line, keyword: keyword) : codeLine(SourceLine.split(canonical)[0], keyword: keyword)))
            depth = after
            i += 1
            if at == 0 && keyword == .end { forceBlank = true }
            // Text owners: the lines indented deeper (and blank lines among them) are text.
            let owners: [Keyword] = [.caseText, .note, .say, .role, .info, .ask, .solutions, .effect, .vote]
            guard let keyword, owners.contains(keyword) else { continue }
            var block: [SourceLine] = []
            var j = i
            var lastNonBlank = i - 1
            while j < lines.count {
                if lines[j].isBlank {
                    j += 1
                    continue
                }
                if lines[j].indent <= line.indent { break }
                lastNonBlank = j
                j += 1
            }
            if lastNonBlank >= i {
                block = Array(lines[i...lastNonBlank])
                i = lastNonBlank + 1
            }
            guard !block.isEmpty else { continue }
            let base = block.filter { !$0.isBlank }.map(\.indent).min() ?? 0
            var blank = false
            for textLine in block {
                if textLine.isBlank {
                    blank = true
                    continue
                }
                if blank { out.append("") }
                blank = false
                let relative = textLine.indent - base
                out.append(indent(at + 1) + String(repeating: " ", count: relative) + trimmedContent(textLine))
            }
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    private static func indent(_ depth: Int) -> String { String(repeating: " ", count: depth * indentWidth) }

    private static func trimmedContent(_ line: SourceLine) -> String { String(line.content) }

    /// A code line with single spaces between tokens outside quotes, up to the prose (after
    /// the first `:` outside quotes, for text owners and metadata) or a `#` comment.
    static func codeLine(_ line: SourceLine, keyword: Keyword?) -> String {
        let trimmed = trimmedContent(line)
        // An unquoted step title is taken verbatim by the parser: leave such lines alone.
        if keyword == .step {
            var lexer = LineLexer(line: line)
            let tokens = lexer.tokens(stopAtColon: false).tokens
            if tokens.count > 1, case .string = tokens[1].kind {} else { return trimmed }
        }
        let content = Array(trimmed.unicodeScalars)
        // `kop:`/`heading:` keeps its text verbatim; metadata too (after the colon).
        // Built as UTF-8 bytes: appending scalar by scalar to a String.UnicodeScalarView
        // copies the whole string each time (quadratic in the line's length).
        var result = ScalarBuffer(capacity: trimmed.utf8.count)
        var i = 0
        var quote: Unicode.Scalar?
        var pendingSpace = false
        while i < content.count {
            let c = content[i]
            if let q = quote {
                result.append(c)
                if c == q || (q == "\u{201D}" && c == "\"") { quote = nil }
                i += 1
                continue
            }
            if c == " " || c == "\t" {
                pendingSpace = true
                i += 1
                continue
            }
            // No space before the `:` (`titel : x` reads as `titel: x`).
            if pendingSpace && !result.isEmpty && c != ":" { result.append(" ") }
            pendingSpace = false
            if c == "#" {
                result.append(contentsOf: content[i...])
                break
            }
            if c == ":" {
                result.append(c)
                var rest = i + 1
                while rest < content.count, content[rest] == " " || content[rest] == "\t" { rest += 1 }
                if rest < content.count {
                    result.append(" ")
                    result.append(contentsOf: content[rest...])
                }
                break
            }
            if let close = LineLexer.closingQuote(for: c) { quote = close }
            result.append(c)
            i += 1
        }
        return result.string
    }
}

/// Compares syntax trees while ignoring where things are written.
public enum ASTComparison {
    /// True when both files have the same items, ranges and paths aside.
    public static func same(_ a: SourceFile, _ b: SourceFile) -> Bool {
        // Item by item: one description of a whole large file grows a single string to
        // hundreds of megabytes, which costs far more than the sum of the items' parts.
        a.items.count == b.items.count
            && zip(a.items, b.items).allSatisfy { strippedDescription([$0]) == strippedDescription([$1]) }
    }

    /// The tree's description with every `SourceRange(…)` removed.
    ///
    /// Works on the description's UTF-8 bytes: every byte it looks for is ASCII, so a byte
    /// inside a multi-byte character never matches, and the copy stays linear.
    public static func strippedDescription(_ items: [TopLevelItem]) -> String {
        let bytes = Array(String(describing: items).utf8)
        let marker = Array("SourceRange(".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "S"), i + marker.count <= bytes.count,
                bytes[i..<(i + marker.count)].elementsEqual(marker)
            {
                // Skip to the matching parenthesis (file names are quoted; parentheses in
                // them are inside the quotes).
                var depth = 0
                var inQuote = false
                var j = i + marker.count - 1
                while j < bytes.count {
                    let c = bytes[j]
                    if c == UInt8(ascii: "\\") && inQuote { j += 2; continue }
                    if c == UInt8(ascii: "\"") { inQuote.toggle() }
                    if !inQuote {
                        if c == UInt8(ascii: "(") { depth += 1 }
                        if c == UInt8(ascii: ")") {
                            depth -= 1
                            if depth == 0 { break }
                        }
                    }
                    j += 1
                }
                out.append(UInt8(ascii: "_"))
                i = j + 1
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Text built scalar by scalar as UTF-8 bytes, with amortised appends.
private struct ScalarBuffer {
    private var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    var isEmpty: Bool { bytes.isEmpty }

    mutating func append(_ scalar: Unicode.Scalar) {
        UTF8.encode(scalar) { bytes.append($0) }
    }

    mutating func append<S: Sequence>(contentsOf scalars: S) where S.Element == Unicode.Scalar {
        for scalar in scalars { append(scalar) }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
