/// The messages casus's language server understands, each a Codable struct: its fields are
/// the params; a request names the type of its response.

public struct InitializeRequest: RequestType {
    public static let method = "initialize"
    public typealias Response = InitializeResult
    public var rootUri: String?
    public var locale: String?
}

public struct InitializedNotification: NotificationType {
    public static let method = "initialized"
}

public struct ShutdownRequest: RequestType {
    public static let method = "shutdown"
    public typealias Response = Empty?
}

public struct ExitNotification: NotificationType {
    public static let method = "exit"
}

public struct DidOpenTextDocument: NotificationType {
    public static let method = "textDocument/didOpen"
    public var textDocument: TextDocumentItem
}

public struct DidChangeTextDocument: NotificationType {
    public static let method = "textDocument/didChange"
    public var textDocument: VersionedTextDocumentIdentifier
    public var contentChanges: [TextDocumentContentChangeEvent]
}

public struct DidCloseTextDocument: NotificationType {
    public static let method = "textDocument/didClose"
    public var textDocument: TextDocumentIdentifier
}

/// `$/cancelRequest`: every request is answered before the next is read, so there is
/// never anything to cancel; known so it is not reported.
public struct CancelRequestNotification: NotificationType {
    public static let method = "$/cancelRequest"
}

public struct CompletionRequest: RequestType {
    public static let method = "textDocument/completion"
    public typealias Response = [CompletionItem]
    public var textDocument: TextDocumentIdentifier
    public var position: Position
}

public struct HoverRequest: RequestType {
    public static let method = "textDocument/hover"
    public typealias Response = Hover?
    public var textDocument: TextDocumentIdentifier
    public var position: Position
}

public struct DefinitionRequest: RequestType {
    public static let method = "textDocument/definition"
    public typealias Response = [Location]
    public var textDocument: TextDocumentIdentifier
    public var position: Position
}

public struct ReferencesRequest: RequestType {
    public static let method = "textDocument/references"
    public typealias Response = [Location]
    public struct Context: Codable, Hashable, Sendable {
        public var includeDeclaration: Bool
    }
    public var textDocument: TextDocumentIdentifier
    public var position: Position
    public var context: Context?
}

public struct DocumentSymbolRequest: RequestType {
    public static let method = "textDocument/documentSymbol"
    public typealias Response = [DocumentSymbol]
    public var textDocument: TextDocumentIdentifier
}

public struct FormattingRequest: RequestType {
    public static let method = "textDocument/formatting"
    public typealias Response = [TextEdit]
    public var textDocument: TextDocumentIdentifier
}

public struct CodeActionRequest: RequestType {
    public static let method = "textDocument/codeAction"
    public typealias Response = [CodeAction]
    public var textDocument: TextDocumentIdentifier
    public var range: Range
}

public struct PublishDiagnostics: ServerNotification {
    public static let method = "textDocument/publishDiagnostics"
    public var uri: String
    public var version: Int?
    public var diagnostics: [LSPDiagnostic]
}

extension MessageRegistry {
    /// Every message of casus's server.
    public static let casus = MessageRegistry(
        requests: [
            InitializeRequest.self, ShutdownRequest.self, CompletionRequest.self, HoverRequest.self,
            DefinitionRequest.self, ReferencesRequest.self, DocumentSymbolRequest.self,
            FormattingRequest.self, CodeActionRequest.self,
        ],
        notifications: [
            InitializedNotification.self, ExitNotification.self, DidOpenTextDocument.self,
            DidChangeTextDocument.self, DidCloseTextDocument.self, CancelRequestNotification.self,
        ])
}
