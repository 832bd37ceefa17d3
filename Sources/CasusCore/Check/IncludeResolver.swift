/// Reads the main file and, recursively, the files it includes, and splices their items in
/// where they were included. Cycles, depth, count and escaping the scenario folder are errors.
struct IncludeResolver<Provider: SourceProvider> {
    static var maxDepth: Int { 8 }
    static var maxFiles: Int { 100 }

    let mainPath: String
    let provider: Provider
    var diagnostics: [Diagnostic] = []
    /// The bytes of every file read; kept as read (no second copy as a String).
    var sources: [String: [UInt8]] = [:]
    var mainLanguage: Language?
    /// Ids of question lines dropped for a syntax error, in any file.
    var brokenNames: Set<String> = []
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

    private mutating func expand(bytes: [UInt8], path: String, stack: [String]) -> [TopLevelItem] {
        filesRead += 1
        let (file, parseDiagnostics) = Parser.parse(bytes: bytes, path: path)
        sources[path] = bytes
        diagnostics += parseDiagnostics
        brokenNames.formUnion(file.brokenNames)
        var items: [TopLevelItem] = []
        let root = PathMath.folder(of: mainPath)
        for item in file.items {
            if stack.count == 1, case .metadata(let entry) = item, entry.key == .language {
                mainLanguage = Language(tag: entry.value)
            }
            guard case .include(let include) = item else {
                if stack.count > 1, case .metadata(let entry) = item {
                    diagnostics.append(Diagnostic(.metadataInInclude, at: entry.keyRange, CheckerMessages.metadataInInclude))
                    continue
                }
                items.append(item)
                continue
            }
            guard let target = provider.resolve(include: include.path, from: path, root: root) else {
                diagnostics.append(Diagnostic(.includeOutsideFolder, at: include.pathRange, CheckerMessages.includeOutside(include.path)))
                continue
            }
            if stack.contains(target) {
                diagnostics.append(Diagnostic(
                    .includeCycle, at: include.pathRange, CheckerMessages.includeCycle(include.path),
                    notes: [DiagnosticNote(CheckerMessages.cycleChain((stack + [target]).joined(separator: " → ")))]))
                continue
            }
            if stack.count > Self.maxDepth {
                diagnostics.append(Diagnostic(.includeLimit, at: include.pathRange, CheckerMessages.includeTooDeep(Self.maxDepth)))
                continue
            }
            if filesRead >= Self.maxFiles {
                diagnostics.append(Diagnostic(.includeLimit, at: include.pathRange, CheckerMessages.tooManyIncludes(Self.maxFiles)))
                continue
            }
            switch provider.read(target) {
            case .failure(let reason):
                diagnostics.append(Diagnostic(.includeUnreadable, at: include.pathRange, CheckerMessages.includeUnreadable(include.path, reason)))
            case .success(let bytes):
                items += expand(bytes: bytes, path: target, stack: stack + [target])
            }
        }
        return items
    }
}
