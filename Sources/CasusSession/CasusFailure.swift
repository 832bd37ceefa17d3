import CasusStore
import Foundation

/// A failure with a plain message for the user; exits with status 1.
public struct CasusFailure: Error, CustomStringConvertible, LocalizedError {
    public let message: String
    /// The store error behind it, if any.
    public let store: StoreError?
    /// Whether the failure means the session cannot be continued (so resume moves on).
    public let damaged: Bool

    public init(_ message: String, store: StoreError? = nil, damaged: Bool = false) {
        self.message = message
        self.store = store
        self.damaged = damaged || store.map { StoreMessages.isDamage($0, journal: nil) } ?? false
    }

    public var description: String { message }
    public var errorDescription: String? { message }
}
