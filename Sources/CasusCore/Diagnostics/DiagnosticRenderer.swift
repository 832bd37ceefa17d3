/// Escape sequences (or nothing) used to highlight parts of a rendered diagnostic, and the
/// width of the screen it is shown on; the command line passes ANSI colours only when writing
/// to a colour terminal, and the width only when writing to a terminal.
public struct DiagnosticStyle: Sendable {
    public var error: (String, String)
    public var warning: (String, String)
    public var note: (String, String)
    public var bold: (String, String)
    public var caret: (String, String)
    /// Columns of the terminal: an echoed line is cut to fit (with `…`), so it does not wrap
    /// and the caret stays right under the word at fault. Nil: lines are shown whole.
    public var width: Int?

    public static let plain = DiagnosticStyle(error: ("", ""), warning: ("", ""), note: ("", ""), bold: ("", ""), caret: ("", ""))

    public init(error: (String, String), warning: (String, String), note: (String, String), bold: (String, String), caret: (String, String)) {
        self.error = error
        self.warning = warning
        self.note = note
        self.bold = bold
        self.caret = caret
    }
}

/// Formats diagnostics like a compiler:
///
///     vo1.casus:12:5: error[C003]: unknown word `vrag` at the start of the line
///        12 |     vrag wat_gebeurde (lang): Wat gebeurde er precies?
///           |     ^~~~
///           = did you mean `vraag`?
public struct DiagnosticRenderer: Sendable {
    public var language: Language
    public var style: DiagnosticStyle
    /// Returns source line `n` of `file`, when available.
    public var sourceLine: @Sendable (_ file: String, _ line: Int) -> String?

    public init(language: Language, style: DiagnosticStyle = .plain, sourceLine: @escaping @Sendable (String, Int) -> String?) {
        self.language = language
        self.style = style
        self.sourceLine = sourceLine
    }

    /// The diagnostic as text, ending with a newline.
    public func render(_ d: Diagnostic) -> String {
        let severityWord: String
        let severityStyle: (String, String)
        switch (d.severity, language) {
        case (.error, .nl): severityWord = "fout"; severityStyle = style.error
        case (.error, .en): severityWord = "error"; severityStyle = style.error
        case (.warning, .nl): severityWord = "waarschuwing"; severityStyle = style.warning
        case (.warning, .en): severityWord = "warning"; severityStyle = style.warning
        case (.note, .nl): severityWord = "opmerking"; severityStyle = style.note
        case (.note, .en): severityWord = "note"; severityStyle = style.note
        }
        var out = "\(style.bold.0)\(location(d.range)):\(style.bold.1) "
        out += "\(severityStyle.0)\(severityWord)[\(d.code)]\(severityStyle.1): "
        out += "\(style.bold.0)\(Self.safe(d.message.text(language)))\(style.bold.1)\n"
        out += excerpt(d.range)
        let gutter = String(repeating: " ", count: gutterWidth(d.range)) + " "
        if let fix = d.fixIt {
            let label = language == .nl ? "suggestie" : "suggestion"
            out += "\(gutter)= \(label): \(Self.safe(fix.message.text(language)))\n"
        }
        for note in d.notes {
            let label = language == .nl ? "opmerking" : "note"
            if let r = note.range {
                out += "\(gutter)= \(label): \(location(r)): \(Self.safe(note.message.text(language)))\n"
            } else {
                out += "\(gutter)= \(label): \(Self.safe(note.message.text(language)))\n"
            }
        }
        return out
    }

    /// A one-line summary such as "2 fouten, 1 waarschuwing".
    public func summary(errors: Int, warnings: Int) -> String {
        switch language {
        case .nl:
            "\(errors) \(errors == 1 ? "fout" : "fouten"), \(warnings) \(warnings == 1 ? "waarschuwing" : "waarschuwingen")"
        case .en:
            "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings")"
        }
    }

    /// `file:line:column`, the column counted as an editor shows the line: a tab runs to the
    /// next tab stop (`SourceLine.tabWidth`). Ranges count Unicode scalars; only here, where a
    /// person reads the column, does a tab count more than one.
    func location(_ r: SourceRange) -> String {
        var column = r.start.column
        if let line = sourceLine(r.file, r.start.line), line.unicodeScalars.contains("\t") {
            let scalars = Array(line.unicodeScalars)
            let offsets = Self.displayOffsets(scalars)
            column = offsets[min(column - 1, scalars.count)] + 1 + max(0, column - 1 - scalars.count)
        }
        return "\(Self.safe(r.file)):\(r.start.line):\(column)"
    }

    private func gutterWidth(_ r: SourceRange) -> Int { max(3, String(r.start.line).count) + 1 }

    /// The source line with a caret line under the range.
    private func excerpt(_ r: SourceRange) -> String {
        let width = gutterWidth(r)
        guard let line = sourceLine(r.file, r.start.line) else { return "" }
        var scalars = Array(line.unicodeScalars)
        var column = r.start.column
        var length = r.end.line == r.start.line ? max(1, r.end.column - r.start.column) : max(1, scalars.count - column + 1)
        // Show a window around the range on very long lines.
        var prefix = ""
        if scalars.count > 160 {
            let start = max(0, min(column - 1 - 60, scalars.count - 160))
            scalars = Array(scalars[start..<min(scalars.count, start + 160)])
            column -= start
            if start > 0 { prefix = "…" }
            length = min(length, max(1, scalars.count - column + 1))
        }
        // Where each scalar starts on the screen, so the carets stand under a tab's whole width.
        let offsets = Self.displayOffsets(scalars)
        func offset(_ k: Int) -> Int { offsets[min(k, scalars.count)] + max(0, k - scalars.count) }
        var caretStart = offset(column - 1) + prefix.count
        var caretWidth = max(1, offset(column - 1 + length) - offset(column - 1))
        var shown = Array(prefix.unicodeScalars) + Array(Self.showingTabs(scalars, offsets).unicodeScalars)
        if let screen = style.width {
            (shown, caretStart, caretWidth) = Self.fitting(shown, caretStart, caretWidth, into: max(20, screen - width - 3))
        }
        let number = String(r.start.line)
        let pad = String(repeating: " ", count: width - number.count)
        var out = "\(pad)\(number) | \(Self.safe(String(String.UnicodeScalarView(shown))))\n"
        let caretPad = String(repeating: " ", count: caretStart)
        let carets = "^" + String(repeating: "~", count: max(0, min(caretWidth, 200) - 1))
        out += "\(String(repeating: " ", count: width)) | \(caretPad)\(style.caret.0)\(carets)\(style.caret.1)\n"
        return out
    }

    /// A window of `shown` (one scalar a column) at most `room` columns wide that holds the
    /// caret's start: cut at the end with `…`, and at the start with `…` when the caret lies
    /// further right, a few columns of what comes before it kept. The caret moves with it.
    static func fitting(
        _ shown: [Unicode.Scalar], _ caretStart: Int, _ caretWidth: Int, into room: Int
    ) -> (shown: [Unicode.Scalar], caretStart: Int, caretWidth: Int) {
        guard shown.count > room else { return (shown, caretStart, caretWidth) }
        var start = 0
        if caretStart + min(caretWidth, room / 2) > room - 1 {
            start = max(1, min(caretStart - min(10, room / 4), shown.count - room + 1))
        }
        var window = Array(shown[start..<min(shown.count, start + room)])
        if start > 0 { window[0] = "…" }
        if start + room < shown.count { window[window.count - 1] = "…" }
        let caret = caretStart - start
        let widest = max(1, window.count - caret - (start + room < shown.count ? 1 : 0))
        return (window, caret, min(caretWidth, widest))
    }

    /// The screen column (0-based) where each scalar of a line starts, and one more entry for
    /// the end: a tab runs to the next multiple of `SourceLine.tabWidth`, anything else is one.
    static func displayOffsets(_ scalars: [Unicode.Scalar]) -> [Int] {
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var at = 0
        for scalar in scalars {
            offsets.append(at)
            at += scalar == "\t" ? SourceLine.tabWidth - at % SourceLine.tabWidth : 1
        }
        offsets.append(at)
        return offsets
    }

    /// The line with every tab shown as `→` followed by spaces up to the tab stop, so a tab
    /// is visible and the caret line lines up with it.
    static func showingTabs(_ scalars: [Unicode.Scalar], _ offsets: [Int]) -> String {
        var shown = String.UnicodeScalarView()
        for (k, scalar) in scalars.enumerated() {
            if scalar == "\t" {
                shown.append("\u{2192}")
                shown.append(contentsOf: repeatElement(" ", count: offsets[k + 1] - offsets[k] - 1))
            } else {
                shown.append(scalar)
            }
        }
        return String(shown)
    }

    /// Control characters from a file never reach the terminal raw (see `TextSafety`).
    static func safe(_ s: String) -> String { TextSafety.sanitize(s) }
}
