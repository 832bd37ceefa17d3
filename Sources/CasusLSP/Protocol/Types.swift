/// The protocol's data types that casus uses, as the specification names them.

/// 0-based line and UTF-16 offset in the line.
public struct Position: Codable, Hashable, Sendable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }
}

public struct Range: Codable, Hashable, Sendable {
    public var start: Position
    public var end: Position

    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }
}

public struct Location: Codable, Hashable, Sendable {
    public var uri: String
    public var range: Range

    public init(uri: String, range: Range) {
        self.uri = uri
        self.range = range
    }
}

public struct TextDocumentIdentifier: Codable, Hashable, Sendable {
    public var uri: String
}

public struct TextDocumentItem: Codable, Hashable, Sendable {
    public var uri: String
    public var languageId: String?
    public var version: Int?
    public var text: String
}

public struct VersionedTextDocumentIdentifier: Codable, Hashable, Sendable {
    public var uri: String
    public var version: Int?
}

/// With `change: 1` (full) in the capabilities, every change carries the whole text.
public struct TextDocumentContentChangeEvent: Codable, Hashable, Sendable {
    public var range: Range?
    public var text: String
}

public struct DiagnosticRelatedInformation: Codable, Hashable, Sendable {
    public var location: Location
    public var message: String
}

/// A diagnostic as the client shows it. `severity`: 1 error, 2 warning, 3 information.
public struct LSPDiagnostic: Codable, Hashable, Sendable {
    public var range: Range
    public var severity: Int
    public var code: String
    public var source: String
    public var message: String
    public var relatedInformation: [DiagnosticRelatedInformation]?
}

public struct TextEdit: Codable, Hashable, Sendable {
    public var range: Range
    public var newText: String
}

public struct WorkspaceEdit: Codable, Hashable, Sendable {
    public var changes: [String: [TextEdit]]
}

public struct CodeAction: Codable, Hashable, Sendable {
    public var title: String
    public var kind: String
    public var diagnostics: [LSPDiagnostic]?
    public var isPreferred: Bool?
    public var edit: WorkspaceEdit
}

/// `kind`: 14 keyword, 6 variable, 7 class, 17 file, 12 value, 10 property.
public struct CompletionItem: Codable, Hashable, Sendable {
    public var label: String
    public var kind: Int
    public var detail: String?

    public static let keyword = 14, variable = 6, role = 7, file = 17, value = 12, property = 10
}

public struct MarkupContent: Codable, Hashable, Sendable {
    public var kind: String
    public var value: String
}

public struct Hover: Codable, Hashable, Sendable {
    public var contents: MarkupContent
    public var range: Range?
}

/// `kind`: 2 module (metadata), 5 class (role), 12 function (step), 13 variable (question),
/// 15 string (info), 1 file (include), 20 key (metadata entry).
public struct DocumentSymbol: Codable, Hashable, Sendable {
    public var name: String
    public var detail: String?
    public var kind: Int
    public var range: Range
    public var selectionRange: Range
    public var children: [DocumentSymbol]?
}

public struct ServerCapabilities: Codable, Hashable, Sendable {
    public struct Sync: Codable, Hashable, Sendable {
        var openClose = true
        /// 1: the whole text on every change.
        var change = 1
    }

    public struct CompletionOptions: Codable, Hashable, Sendable {
        var triggerCharacters: [String]
    }

    var textDocumentSync = Sync()
    var completionProvider = CompletionOptions(triggerCharacters: ["{", "(", "\"", "/"])
    var hoverProvider = true
    var definitionProvider = true
    var referencesProvider = true
    var documentSymbolProvider = true
    var documentFormattingProvider = true
    var codeActionProvider = true
}

public struct InitializeResult: Codable, Hashable, Sendable {
    public struct ServerInfo: Codable, Hashable, Sendable {
        var name: String
        var version: String
    }

    var capabilities = ServerCapabilities()
    var serverInfo: ServerInfo

    public init(version: String) {
        serverInfo = ServerInfo(name: "casus", version: version)
    }
}

/// A request or notification without params, or whose params casus does not read.
public struct Empty: Codable, Hashable, Sendable {
    public init() {}
}
