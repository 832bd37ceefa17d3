import CasusCore

/// A casus diagnostic as the protocol's: the same code, severity and message as `casus check`,
/// its notes as related information, its suggestion on a second line.
enum DiagnosticConversion {
    static func convert(_ d: Diagnostic, language: Language, map: (String) -> LineMap) -> LSPDiagnostic {
        let severity = switch d.severity {
        case .error: 1
        case .warning: 2
        case .note: 3
        }
        var message = d.message.text(language)
        if let fix = d.fixIt { message += "\n" + fix.message.text(language) }
        let related = d.notes.map { note in
            let range = note.range ?? d.range
            return DiagnosticRelatedInformation(
                location: Location(uri: DocumentURI.uri(range.file), range: map(range.file).range(range)),
                message: note.message.text(language))
        }
        return LSPDiagnostic(
            range: map(d.range.file).range(d.range), severity: severity, code: d.code.rawValue, source: "casus",
            message: message, relatedInformation: related.isEmpty ? nil : related)
    }
}

/// A file with no `titel:`/`title:` line is an included fragment: checked for syntax only, as
/// `casus fmt` does, since on its own it is no scenario.
enum ScenarioKind {
    static func isFragment(_ text: String) -> Bool {
        !text.split(whereSeparator: \.isNewline).contains {
            let t = $0.drop { $0 == " " || $0 == "\t" }.lowercased()
            return t.hasPrefix("titel:") || t.hasPrefix("title:")
        }
    }
}
