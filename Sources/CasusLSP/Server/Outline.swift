import CasusCore

/// The outline of one file: its metadata, roles, info blocks, includes, steps with their
/// questions, and the sheet layout.
struct Outline {
    let file: SourceFile
    let map: LineMap
    let language: Language

    func symbols() -> [DocumentSymbol] {
        var out: [DocumentSymbol] = []
        var metadata: [DocumentSymbol] = []
        for item in file.items {
            switch item {
            case .metadata(let m):
                metadata.append(symbol(m.value, detail: m.key.rawValue, kind: 20, m.keyRange.union(m.valueRange), m.keyRange))
            case .role(let r):
                out.append(symbol(r.id.name, detail: r.name, kind: 5, r.range, r.id.range))
            case .info(let i):
                out.append(symbol(i.id.name, detail: i.title, kind: 15, i.range, i.id.range))
            case .include(let i):
                out.append(symbol(i.path, detail: nil, kind: 1, i.range, i.pathRange))
            case .step(let s):
                var whole = s.range
                if let end = s.endRange { whole = whole.union(end) }
                var questions = QuestionCollector()
                questions.walk(s.body)
                var step = symbol(s.title, detail: s.budgetMinutes.map { "\($0) min" }, kind: 12, whole, s.range)
                step.children = questions.found.map { q in symbol(q.id.name, detail: q.prompt.plain, kind: 13, q.range, q.id.range) }
                out.append(step)
            case .sheet(let sheet):
                var whole = sheet.range
                if let end = sheet.endRange { whole = whole.union(end) }
                out.append(symbol(language == .nl ? "blad" : "sheet", detail: nil, kind: 2, whole, sheet.range))
            case .caseText(let t):
                out.append(symbol(language == .nl ? "casus" : "case", detail: nil, kind: 15, t.range, t.range))
            case .note: break
            }
        }
        if let first = metadata.first, let last = metadata.last {
            let group = DocumentSymbol(
                name: language == .nl ? "gegevens" : "metadata", detail: nil, kind: 2,
                range: Range(start: first.range.start, end: last.range.end), selectionRange: first.selectionRange, children: metadata)
            out.insert(group, at: 0)
        }
        return out
    }

    private func symbol(_ name: String, detail: String?, kind: Int, _ range: SourceRange, _ selection: SourceRange) -> DocumentSymbol {
        // The protocol wants a non-empty name and the selection inside the range.
        let whole = range.union(selection)
        return DocumentSymbol(
            name: name.isEmpty ? "?" : name, detail: detail, kind: kind, range: map.range(whole),
            selectionRange: map.range(selection), children: nil)
    }
}

/// A step's questions, nested ones included, in source order.
private struct QuestionCollector: StatementWalker {
    var found: [Question] = []

    mutating func visitQuestion(_ question: Question) { found.append(question) }
}
