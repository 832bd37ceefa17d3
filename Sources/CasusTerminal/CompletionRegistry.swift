import Foundation

/// Holds the process-wide completion provider.
///
/// readline calls completion through a non-capturing C function pointer, so the provider
/// must live somewhere global; the lock keeps that Sendable.
final class CompletionRegistry: @unchecked Sendable {
    static let shared = CompletionRegistry()

    private let lock = NSLock()
    private var current: CompletionProvider = { _, _ in [] }

    var provider: CompletionProvider {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }
}
