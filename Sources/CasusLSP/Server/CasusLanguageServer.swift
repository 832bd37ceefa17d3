import CasusCore

/// casus's language server: reads one message at a time, answers requests in order and
/// publishes the diagnostics of every open scenario after each change. No threads: a change
/// is checked before the next message is read, so every answer sees the latest text.
public final class CasusLanguageServer<Disk: SourceProvider> {
    struct Document {
        var uri: String
        var text: String
        var version: Int?
    }

    enum State { case waiting, running, shutDown }

    private let disk: Disk
    private let listFiles: (String) -> [String]
    private let messageLanguage: (Language?) -> Language
    private let version: String
    private let send: ([UInt8]) -> Void
    private let registry = MessageRegistry.casus
    private let encoder = MessageEncoder()

    private var state = State.waiting
    private var documents: [String: Document] = [:]
    /// Paths that got a non-empty diagnostics list last time: they are cleared when theirs
    /// go away.
    private var published: Set<String> = []
    /// The last check's diagnostics per file and the language they were written in, for code
    /// actions.
    private var lastDiagnostics: [String: [(Diagnostic, Language)]] = [:]

    /// Set by `exit`: 0 after `shutdown`, 1 without (the protocol's rule).
    public private(set) var exitCode: Int32?

    /// - Parameters:
    ///   - disk: reads files that are not open in the editor.
    ///   - listFiles: the `.casus` files below a folder, relative to it (completion after `invoegen`).
    ///   - messageLanguage: the language of messages given a scenario's `taal:`.
    ///   - send: writes one message body (the server adds no framing itself).
    public init(
        disk: Disk, listFiles: @escaping (String) -> [String], messageLanguage: @escaping (Language?) -> Language,
        version: String, send: @escaping ([UInt8]) -> Void
    ) {
        self.disk = disk
        self.listFiles = listFiles
        self.messageLanguage = messageLanguage
        self.version = version
        self.send = send
    }

    /// Handles one frame from the input.
    public func receive(_ frame: MessageFramer.Frame) {
        guard case .message(let body) = frame else {
            send(encoder.error(id: nil, .parseError("a message needs a Content-Length header")))
            return
        }
        switch registry.decode(body) {
        case .failure(let failure):
            if !failure.isNotification { send(encoder.error(id: failure.id, failure.error)) }
        case .success(.response), .success(.unknownNotification):
            break
        case .success(.unknownRequest(let id, let method)):
            send(encoder.error(id: id, state == .waiting ? .serverNotInitialized : .methodNotFound(method)))
        case .success(.notification(let n)):
            notification(n)
        case .success(.request(let id, let r)):
            request(id, r)
        }
    }

    // MARK: Notifications

    private func notification(_ n: any NotificationType) {
        if n is ExitNotification {
            exitCode = state == .shutDown ? 0 : 1
            return
        }
        // Before `initialize` notifications are dropped, as the protocol says.
        guard state == .running else { return }
        switch n {
        case let open as DidOpenTextDocument:
            let doc = open.textDocument
            documents[DocumentURI.path(doc.uri)] = Document(uri: doc.uri, text: doc.text, version: doc.version)
            publishDiagnostics()
        case let change as DidChangeTextDocument:
            let path = DocumentURI.path(change.textDocument.uri)
            // Full sync: the last change holds the whole text.
            guard var doc = documents[path], let text = change.contentChanges.last?.text else { return }
            doc.text = text
            doc.version = change.textDocument.version
            documents[path] = doc
            publishDiagnostics()
        case let close as DidCloseTextDocument:
            documents[DocumentURI.path(close.textDocument.uri)] = nil
            publishDiagnostics()
        default:
            break
        }
    }

    // MARK: Requests

    private func request(_ id: RequestID, _ r: any RequestType) {
        switch state {
        case .waiting:
            guard r is InitializeRequest else {
                send(encoder.error(id: id, .serverNotInitialized))
                return
            }
            state = .running
            reply(InitializeRequest.self, id, .success(InitializeResult(version: version)))
            return
        case .shutDown:
            send(encoder.error(id: id, .invalidRequest("the server is shutting down")))
            return
        case .running:
            break
        }
        switch r {
        case is InitializeRequest:
            send(encoder.error(id: id, .invalidRequest("initialize was already sent")))
        case is ShutdownRequest:
            state = .shutDown
            reply(ShutdownRequest.self, id, .success(nil))
        case let c as CompletionRequest:
            reply(CompletionRequest.self, id, .success(completion(c)))
        case let h as HoverRequest:
            reply(HoverRequest.self, id, .success(hover(h)))
        case let d as DefinitionRequest:
            reply(DefinitionRequest.self, id, .success(definition(d)))
        case let refs as ReferencesRequest:
            reply(ReferencesRequest.self, id, .success(references(refs)))
        case let s as DocumentSymbolRequest:
            reply(DocumentSymbolRequest.self, id, .success(symbols(s)))
        case let f as FormattingRequest:
            reply(FormattingRequest.self, id, formatting(f))
        case let a as CodeActionRequest:
            reply(CodeActionRequest.self, id, .success(codeActions(a)))
        default:
            send(encoder.error(id: id, .methodNotFound(type(of: r).method)))
        }
    }

    /// The one way to answer: the response's type is the request's associated type.
    private func reply<R: RequestType>(_ type: R.Type, _ id: RequestID, _ outcome: Result<R.Response, ResponseError>) {
        send(encoder.response(type, id: id, outcome))
    }

    // MARK: Reading documents

    private var provider: OverlaySourceProvider<Disk> {
        OverlaySourceProvider(buffers: documents.mapValues(\.text), disk: disk)
    }

    /// The text of `path`: the open buffer, else the disk.
    private func text(_ path: String) -> String? {
        if let doc = documents[path] { return doc.text }
        guard case .success(let bytes) = disk.read(path) else { return nil }
        return SourceDecoding.decode(bytes).text
    }

    /// The scenario `path` belongs to: itself, or for a fragment an open scenario including it.
    private func index(for path: String) -> ScenarioIndex {
        let provider = self.provider
        let own = ScenarioIndex(mainPath: path, provider: provider)
        guard let text = documents[path]?.text, ScenarioKind.isFragment(text) else { return own }
        for (other, doc) in documents.sorted(by: { $0.key < $1.key }) where other != path && !ScenarioKind.isFragment(doc.text) {
            let candidate = ScenarioIndex(mainPath: other, provider: provider)
            if candidate.files[path] != nil { return candidate }
        }
        return own
    }

    /// The language `path` is written in; the main file's `taal:` speaks for its includes.
    private func language(of path: String, _ index: ScenarioIndex) -> Language {
        DocumentLanguage.of(text(path) ?? "", declared: index.declaredLanguage)
    }

    private struct Cursor {
        var path: String
        var map: LineMap
        var position: Position
        var index: ScenarioIndex
        var language: Language

        var line: Substring { position.line < map.lines.count ? map.lines[position.line] : "" }
        var word: WordAtPosition? { WordAtPosition(line: line, column: map.location(position).column) }
    }

    private func cursor(_ uri: String, _ position: Position) -> Cursor? {
        let path = DocumentURI.path(uri)
        guard let text = text(path) else { return nil }
        let index = index(for: path)
        return Cursor(path: path, map: LineMap(text), position: position, index: index, language: language(of: path, index))
    }

    private func location(_ range: SourceRange, _ index: ScenarioIndex) -> Location {
        let map = LineMap(index.texts[range.file] ?? text(range.file) ?? "")
        return Location(uri: documents[range.file]?.uri ?? DocumentURI.uri(range.file), range: map.range(range))
    }

    // MARK: Features

    private func completion(_ r: CompletionRequest) -> [CompletionItem] {
        guard let c = cursor(r.textDocument.uri, r.position) else { return [] }
        let folder = PathMath.folder(of: c.path)
        let listFiles = self.listFiles
        let completion = Completion(index: c.index, language: c.language) {
            listFiles(folder).filter { folder + "/" + $0 != c.path }
        }
        return completion.items(before: c.map.prefix(c.position))
    }

    private func hover(_ r: HoverRequest) -> Hover? {
        guard let c = cursor(r.textDocument.uri, r.position), let word = c.word,
              let text = HoverText.text(for: word, in: c.index, language: c.language) else { return nil }
        let line = r.position.line + 1
        let range = c.map.range(SourceRange(
            file: c.path, start: SourceLocation(line: line, column: word.startColumn), end: SourceLocation(line: line, column: word.endColumn)))
        return Hover(contents: MarkupContent(kind: "markdown", value: text), range: range)
    }

    private func definition(_ r: DefinitionRequest) -> [Location] {
        guard let c = cursor(r.textDocument.uri, r.position) else { return [] }
        let line = r.position.line + 1
        // On an include line: the included file.
        for include in c.index.includes where include.declaration.range.file == c.path && include.declaration.range.start.line == line {
            guard let target = include.target else { return [] }
            return [Location(uri: documents[target]?.uri ?? DocumentURI.uri(target), range: Range(start: Position(line: 0, character: 0), end: Position(line: 0, character: 0)))]
        }
        guard let word = c.word, let declared = c.index.declaration(of: word.word) else { return [] }
        return [location(declared, c.index)]
    }

    private func references(_ r: ReferencesRequest) -> [Location] {
        guard let c = cursor(r.textDocument.uri, r.position), let word = c.word else { return [] }
        let names: Set<String> = ["oplossingen", "solutions"].contains(word.word) ? ["oplossingen", "solutions"] : [word.word]
        var ranges = c.index.uses.filter { names.contains($0.name) }.map(\.range)
        if let declared = c.index.declaration(of: word.word) {
            if r.context?.includeDeclaration ?? true { ranges.insert(declared, at: 0) }
        } else if ranges.isEmpty {
            return []
        }
        return ranges.map { location($0, c.index) }
    }

    private func symbols(_ r: DocumentSymbolRequest) -> [DocumentSymbol] {
        let path = DocumentURI.path(r.textDocument.uri)
        guard let text = text(path) else { return [] }
        let (file, _) = Parser.parse(text, path: path)
        let index = index(for: path)
        return Outline(file: file, map: LineMap(text), language: language(of: path, index)).symbols()
    }

    private func formatting(_ r: FormattingRequest) -> Result<[TextEdit], ResponseError> {
        let path = DocumentURI.path(r.textDocument.uri)
        guard let text = text(path) else { return .failure(.invalidParams("unknown document")) }
        let language: Language
        // As `casus fmt`: a scenario with errors is left alone; a fragment only needs to parse.
        if !ScenarioKind.isFragment(text) {
            let result = ScenarioLoader.load(path: path, provider: provider)
            language = messageLanguage(result.language)
            if result.diagnostics.hasErrors {
                return .failure(.requestFailed(LocalizedText(nl: "niet opgemaakt: los eerst de fouten op", en: "not formatted: fix the errors first").text(language)))
            }
        } else {
            language = messageLanguage(DocumentLanguage.of(text, declared: nil))
        }
        switch Formatter.format(text, path: path) {
        case .success(let formatted):
            if formatted == text { return .success([]) }
            return .success([TextEdit(range: LineMap(text).wholeRange, newText: formatted)])
        case .failure(.invalid):
            return .failure(.requestFailed(LocalizedText(nl: "niet opgemaakt: los eerst de fouten op", en: "not formatted: fix the errors first").text(language)))
        case .failure(.meaningChanged):
            return .failure(.requestFailed(LocalizedText(
                nl: "niet opgemaakt: de opmaak zou de betekenis veranderen (meld dit als fout)",
                en: "not formatted: the layout would change the meaning (please report this bug)").text(language)))
        }
    }

    private func codeActions(_ r: CodeActionRequest) -> [CodeAction] {
        let path = DocumentURI.path(r.textDocument.uri)
        guard let text = text(path) else { return [] }
        let map = LineMap(text)
        let uri = documents[path]?.uri ?? r.textDocument.uri
        var actions: [CodeAction] = []
        for (d, language) in lastDiagnostics[path] ?? [] {
            guard let fix = d.fixIt, let replacement = fix.replacement else { continue }
            let target = fix.range ?? d.range
            let lines = (d.range.start.line - 1)...(d.range.end.line - 1)
            guard lines.overlaps(r.range.start.line...r.range.end.line) else { continue }
            let converted = DiagnosticConversion.convert(d, language: language) { LineMap(self.text($0) ?? "") }
            actions.append(CodeAction(
                title: fix.message.text(language), kind: "quickfix", diagnostics: [converted], isPreferred: true,
                edit: WorkspaceEdit(changes: [uri: [TextEdit(range: map.range(target), newText: replacement)]])))
        }
        return actions
    }

    // MARK: Diagnostics

    /// Checks every open scenario (and the syntax of every open fragment) and publishes each
    /// file's diagnostics, clearing files whose diagnostics went away.
    private func publishDiagnostics() {
        let provider = self.provider
        var found: [String: [(Diagnostic, Language)]] = [:]
        var seen: [String: Set<Diagnostic>] = [:]
        var sources: [String: [UInt8]] = [:]
        func add(_ d: Diagnostic, _ language: Language) {
            if seen[d.range.file, default: []].insert(d).inserted { found[d.range.file, default: []].append((d, language)) }
        }
        for (path, doc) in documents.sorted(by: { $0.key < $1.key }) {
            if ScenarioKind.isFragment(doc.text) {
                let language = messageLanguage(DocumentLanguage.of(doc.text, declared: nil))
                for d in Parser.parse(doc.text, path: path).1 { add(d, language) }
            } else {
                let result = ScenarioLoader.load(path: path, provider: provider)
                let language = messageLanguage(result.language)
                sources.merge(result.sources) { a, _ in a }
                for d in result.diagnostics { add(d, language) }
            }
        }
        var maps: [String: LineMap] = [:]
        func map(_ file: String) -> LineMap {
            if let m = maps[file] { return m }
            let m = documents[file].map { LineMap($0.text) } ?? sources[file].map { LineMap(bytes: $0) } ?? LineMap("")
            maps[file] = m
            return m
        }
        // Every open document gets a list, an empty one too: that is how a client learns it is clean.
        for file in Set(found.keys).union(published).union(documents.keys).sorted() {
            let list = (found[file] ?? []).map { DiagnosticConversion.convert($0.0, language: $0.1, map: map) }
            let doc = documents[file]
            send(encoder.notification(PublishDiagnostics(uri: doc?.uri ?? DocumentURI.uri(file), version: doc?.version, diagnostics: list)))
        }
        published = Set(found.keys)
        lastDiagnostics = found
    }
}
