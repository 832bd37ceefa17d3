/// Reads the main file and, recursively, the files it includes, and splices their items in
/// where they were included. Cycles, depth, count and escaping the scenario folder are errors.
struct IncludeResolver<Provider: SourceProvider> {
    static var maxDepth: Int { 8 }
    static var maxFiles: Int { 100 }

    let mainPath: String
    let provider: Provider
    var diagnostics: [Diagnostic] = []
    /// The text of every file read, as UTF-8 (`SourceDecoding`; no second copy as a String).
    var sources: [String: [UInt8]] = [:]
    var mainLanguage: Language?
    /// Ids of question lines dropped for a syntax error, in any file.
    var brokenNames: Set<String> = []
    /// An include could not be loaded: any unknown name may be defined in it, so the checker
    /// does not report unknown names as well (one root error).
    var includeFailed = false
    /// Where each file was first included, so a second include is one error, not a
    /// duplicate of everything the file defines.
    private var includedAt: [String: SourceRange] = [:]
    private var filesRead = 0

    init(mainPath: String, provider: Provider) {
        self.mainPath = mainPath
        self.provider = provider
    }

    /// The flattened top-level items, or nil when the main file itself could not be read.
    mutating func resolve() -> [TopLevelItem]? {
        switch provider.read(mainPath) {
        case .failure(let reason):
            diagnostics.append(Diagnostic(.unreadableFile, at: Parser.point(mainPath, 1, 1), CheckerMessages.unreadable(reason)))
            return nil
        case .success(let bytes):
            return expand(bytes: bytes, path: mainPath, stack: [mainPath])
        }
    }

    private mutating func expand(bytes raw: [UInt8], path: String, stack: [String]) -> [TopLevelItem] {
        filesRead += 1
        // The sources keep the decoded text, so every later line shown is the line as meant.
        let decoded = SourceDecoding.decode(raw)
        let bytes = decoded.bytes
        let (file, parseDiagnostics) = Parser.parse(bytes: bytes, path: path)
        sources[path] = bytes
        if let warning = decoded.warning(path: path) { diagnostics.append(warning) }
        diagnostics += parseDiagnostics
        brokenNames.formUnion(file.brokenNames)
        var items: [TopLevelItem] = []
        let root = PathMath.folder(of: mainPath)
        var metadataLines: [SourceRange] = []
        defer { reportMetadata(metadataLines) }
        for item in file.items {
            if stack.count == 1, case .metadata(let entry) = item, entry.key == .language {
                mainLanguage = Language(tag: entry.value)
            }
            guard case .include(let include) = item else {
                if stack.count > 1, case .metadata(let entry) = item {
                    metadataLines.append(entry.keyRange)
                    continue
                }
                items.append(item)
                continue
            }
            guard let target = provider.resolve(include: include.path, from: path, root: root) else {
                diagnostics.append(Diagnostic(.includeOutsideFolder, at: include.pathRange, CheckerMessages.includeOutside(include.path)))
                includeFailed = true
                continue
            }
            if let first = includedAt[target], !stack.contains(target) {
                diagnostics.append(Diagnostic(
                    .includedTwice, at: include.pathRange, CheckerMessages.includedTwice(include.path),
                    notes: [DiagnosticNote(CheckerMessages.firstIncludedHere, at: first)],
                    fixIt: FixIt(CheckerMessages.removeSecondInclude)))
                continue
            }
            if stack.contains(target) {
                diagnostics.append(Diagnostic(
                    .includeCycle, at: include.pathRange, CheckerMessages.includeCycle(include.path, direct: target == path),
                    notes: [DiagnosticNote(CheckerMessages.cycleChain((stack + [target]).joined(separator: " → ")))]))
                continue
            }
            if stack.count > Self.maxDepth {
                diagnostics.append(Diagnostic(.includeLimit, at: include.pathRange, CheckerMessages.includeTooDeep(Self.maxDepth)))
                includeFailed = true
                continue
            }
            if filesRead >= Self.maxFiles {
                diagnostics.append(Diagnostic(.includeLimit, at: include.pathRange, CheckerMessages.tooManyIncludes(Self.maxFiles)))
                includeFailed = true
                continue
            }
            switch provider.read(target) {
            case .failure(let reason):
                includeFailed = true
                diagnostics.append(Diagnostic(
                    .includeUnreadable, at: include.pathRange, CheckerMessages.includeUnreadable(include.path, reason),
                    fixIt: reason == .notFound ? nearestFile(to: include, from: path) : nil))
            case .success(let bytes):
                includedAt[target] = include.pathRange
                items += expand(bytes: bytes, path: target, stack: stack + [target])
            }
        }
        return items
    }

    /// Metadata in an included file: one error at its first line, the others in a note.
    private mutating func reportMetadata(_ lines: [SourceRange]) {
        guard let first = lines.first else { return }
        let notes = lines.count > 1 ? [DiagnosticNote(CheckerMessages.moreMetadataLines(lines.dropFirst().map(\.start.line)))] : []
        diagnostics.append(Diagnostic(
            .metadataInInclude, at: first, CheckerMessages.metadataInInclude, notes: notes,
            fixIt: FixIt(CheckerMessages.moveMetadata)))
    }

    /// "Did you mean `gedeeld/groepsdynamiek.casus`?" for an include that names no file: the
    /// nearest `.casus` file in the including file's folder or one below it.
    private func nearestFile(to include: IncludeDeclaration, from path: String) -> FixIt? {
        let folder = PathMath.folder(of: path)
        let candidates = provider.casusFiles(in: folder)
        guard let near = Suggestion.nearest(to: include.path, in: candidates) else { return nil }
        return FixIt(CheckerMessages.didYouMean(near), replacement: "\"\(near)\"", range: include.pathRange)
    }
}
