/// Escape sequences (or nothing) used to highlight parts of a rendered diagnostic; the
/// command line passes ANSI colours only when writing to a colour terminal.
public struct DiagnosticStyle: Sendable {
    public var error: (String, String)
    public var warning: (String, String)
    public var note: (String, String)
    public var bold: (String, String)
    public var caret: (String, String)

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

    func location(_ r: SourceRange) -> String {
        "\(Self.safe(r.file)):\(r.start.line):\(r.start.column)"
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
        let shown = prefix + Self.safe(String(String.UnicodeScalarView(scalars)), keepTabsAsSpace: true)
        let number = String(r.start.line)
        let pad = String(repeating: " ", count: width - number.count)
        var out = "\(pad)\(number) | \(shown)\n"
        let caretPad = String(repeating: " ", count: max(0, column - 1 + prefix.count))
        let carets = "^" + String(repeating: "~", count: max(0, min(length, 200) - 1))
        out += "\(String(repeating: " ", count: width)) | \(caretPad)\(style.caret.0)\(carets)\(style.caret.1)\n"
        return out
    }

    /// Control characters from a file never reach the terminal raw (see `TextSafety`).
    static func safe(_ s: String, keepTabsAsSpace: Bool = false) -> String {
        let shown = TextSafety.sanitize(s)
        return keepTabsAsSpace && shown.contains("\t") ? shown.replacingTabs() : shown
    }
}

extension String {
    /// Every tab as one space, so a caret under the line keeps its column.
    fileprivate func replacingTabs() -> String {
        String(decoding: utf8.map { $0 == 0x09 ? 0x20 : $0 }, as: UTF8.self)
    }
}
