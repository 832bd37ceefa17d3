/// Reads the lines of an answer script into an `AnswerScript`.
struct AnswerScriptParser {
    private(set) var script: AnswerScript
    private(set) var diagnostics: [Diagnostic] = []
    private let lines: [String]
    private var i = 0

    init(path: String, lines: [String]) {
        self.script = AnswerScript(path: path)
        self.lines = lines
    }

    private static func isIgnorable(_ line: String) -> Bool {
        let trimmed = RuntimeText.trim(line)
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }

    mutating func run() {
        while i < lines.count {
            let line = lines[i]
            let lineNumber = i + 1
            i += 1
            if Self.isIgnorable(line) { continue }
            let indent = RuntimeText.indentation(line)
            let body = RuntimeText.trim(line)
            guard let colon = Self.keyColon(body) else {
                diagnostics.append(script.diagnostic(.scriptBadLine, lineNumber, RuntimeMessages.scriptBadLine(body)))
                skipBlock(deeperThan: indent)
                continue
            }
            let keyText = RuntimeText.trim(body[..<colon])
            let inline = RuntimeText.trim(body[body.index(after: colon)...])
            let blockLines = block(deeperThan: indent)
            // Only an indented block can be a list: an inline `-` is an effect rating.
            handle(
                keyText, inline.isEmpty ? blockLines : [inline] + blockLines, canBeList: inline.isEmpty,
                lineNumber)
        }
    }

    /// The first `:` outside `[ ]` (member names may contain colons inside brackets).
    private static func keyColon(_ body: String) -> String.Index? {
        var depth = 0
        var escaped = false
        for index in body.indices {
            let ch = body[index]
            if escaped {
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == "[" {
                depth += 1
            } else if ch == "]" {
                depth -= 1
            } else if ch == ":" && depth == 0 {
                return index
            }
        }
        return nil
    }

    /// The lines indented deeper than `indent` that follow, trimmed; interior blank lines kept
    /// (they separate paragraphs of a long text), trailing ones dropped.
    private mutating func block(deeperThan indent: Int) -> [String] {
        var out: [String] = []
        while i < lines.count {
            let line = lines[i]
            let trimmed = RuntimeText.trim(line)
            if trimmed.isEmpty {
                out.append("")
                i += 1
                continue
            }
            guard RuntimeText.indentation(line) > indent else { break }
            if !trimmed.hasPrefix("#") { out.append(trimmed) }
            i += 1
        }
        while out.last == "" { out.removeLast() }
        return out
    }

    private mutating func skipBlock(deeperThan indent: Int) {
        _ = block(deeperThan: indent)
    }

    private mutating func handle(_ keyText: String, _ valueLines: [String], canBeList: Bool, _ line: Int) {
        // A list block: every non-blank line is a `- item`.
        let nonBlank = valueLines.filter { !$0.isEmpty }
        let isList = canBeList && !nonBlank.isEmpty && nonBlank.allSatisfy { $0.hasPrefix("- ") || $0 == "-" }
        let values = isList ? nonBlank.map { RuntimeText.trim($0.dropFirst()) } : valueLines
        guard !values.isEmpty else {
            diagnostics.append(script.diagnostic(.scriptMissingValue, line, RuntimeMessages.scriptMissingValue(keyText)))
            return
        }
        let single = values.joined(separator: " ")
        switch keyText.lowercased() {
        case "groep", "group":
            script.group = single
            return
        case "leden", "members":
            let names =
                isList || values.count > 1
                ? values : single.split(separator: ",").map { RuntimeText.trim($0) }
            script.members = names.filter { !$0.isEmpty }
            return
        default:
            if let job = Job(word: keyText) {
                script.jobs[job] = single
                return
            }
        }
        guard let key = AnswerKey(canonical: keyText) else {
            diagnostics.append(script.diagnostic(.scriptBadKey, line, RuntimeMessages.scriptBadKey(keyText)))
            return
        }
        let folded = RuntimeText.fold(single)
        let isSkip = values.count == 1 && (folded == ":overslaan" || folded == ":skip")
        let entry = AnswerScript.Entry(
            keyText: keyText, key: key, lines: isSkip ? [] : values, isSkip: isSkip, line: line)
        if let first = script.add(entry) {
            diagnostics.append(
                script.diagnostic(.scriptDuplicateKey, line, RuntimeMessages.scriptDuplicateKey(keyText, firstLine: first))
            )
        }
    }
}
