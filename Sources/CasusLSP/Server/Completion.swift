import CasusCore

/// What fits at the cursor: keywords at the start of a line, answer types inside `( )` of a
/// question, names inside `{…}`, in conditions and after `toon`, `.casus` paths after
/// `invoegen`. Only words starting with what is already typed are offered.
struct Completion {
    let index: ScenarioIndex
    let language: Language
    /// The `.casus` files below the scenario's folder, relative to the current file.
    let includable: () -> [String]

    enum Context: Equatable {
        case lineStart(indented: Bool)
        case answerType
        case name(sheet: Bool)
        case includePath
        case nothing
    }

    /// The context of the text before the cursor, and the partial word typed so far.
    static func context(before prefix: Substring) -> (Context, typed: String) {
        let typed = String(String.UnicodeScalarView(prefix.unicodeScalars.reversed().prefix { WordAtPosition.isNameCharacter($0) }.reversed()))
        if let open = prefix.lastIndex(of: "{"), !prefix[open...].contains("}") { return (.name(sheet: false), typed) }
        let trimmed = prefix.drop { $0 == " " || $0 == "\t" }
        let indented = trimmed.count < prefix.count
        let first = String(trimmed.prefix { $0.isLetter }).lowercased()
        if trimmed.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { return (.lineStart(indented: indented), typed) }
        guard let keyword = Vocabulary.lineKeyword(first) else { return (.nothing, typed) }
        switch keyword.name {
        case "include":
            let afterQuote = trimmed.split(separator: "\"", omittingEmptySubsequences: false).last ?? ""
            return (.includePath, String(trimmed.contains("\"") ? afterQuote : ""))
        case "ask", "solutions", "effect", "vote":
            if let open = trimmed.firstIndex(of: "("), !trimmed[open...].contains(")"), !trimmed[..<open].contains(":") {
                return (.answerType, typed)
            }
            return (.nothing, typed)
        case "if", "else": return (.name(sheet: false), typed)
        case "show": return (.name(sheet: true), typed)
        default: return (.nothing, typed)
        }
    }

    func items(before prefix: Substring) -> [CompletionItem] {
        let (context, typed) = Self.context(before: prefix)
        var items: [CompletionItem] = []
        switch context {
        case .lineStart(let indented):
            for k in Vocabulary.lineKeywords where indented ? (k.statement || k.name == "heading" || k.name == "show") : (k.topLevel || k.name == "end") {
                items.append(CompletionItem(label: k.spelling(language), kind: CompletionItem.keyword, detail: KeywordHelp.text(k.name)?.text(language)))
            }
            if !indented {
                for key in Vocabulary.metadataKeys(language) {
                    items.append(CompletionItem(label: key + ":", kind: CompletionItem.property, detail: nil))
                }
            }
        case .answerType:
            items = Vocabulary.answerTypes(language).map { CompletionItem(label: $0, kind: CompletionItem.value, detail: nil) }
        case .name(let sheet):
            items = names()
            if sheet { items += Vocabulary.sheetParts(language).map { CompletionItem(label: $0, kind: CompletionItem.value, detail: nil) } }
        case .includePath:
            items = includable().map { CompletionItem(label: $0, kind: CompletionItem.file, detail: nil) }
        case .nothing:
            return []
        }
        let lower = typed.lowercased()
        var seen: Set<String> = []
        return items.filter { $0.label.lowercased().hasPrefix(lower) && seen.insert($0.label).inserted }
    }

    /// Answer ids, roles, info names, loop variables and the built-in names.
    private func names() -> [CompletionItem] {
        var items: [CompletionItem] = []
        for q in index.questions {
            items.append(CompletionItem(label: q.question.id.name, kind: CompletionItem.variable, detail: q.question.prompt.plain))
        }
        for role in index.roles {
            items.append(CompletionItem(label: role.id.name, kind: CompletionItem.role, detail: role.name))
        }
        for info in index.infos {
            items.append(CompletionItem(label: info.id.name, kind: CompletionItem.value, detail: info.title))
        }
        for variable in index.loopVariables.sorted() {
            items.append(CompletionItem(label: variable, kind: CompletionItem.variable, detail: nil))
        }
        for name in Vocabulary.builtinNames(language) {
            items.append(CompletionItem(label: name, kind: CompletionItem.value, detail: nil))
        }
        return items
    }
}
