/// An error from the store, with a plain message that can be shown to the user as is.
///
/// The message is English and for developers and logs; callers that talk to people build
/// their own sentence from `kind`, `code` and `path` (see casus's `StoreMessages`).
public struct StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, for callers that react differently to different failures.
    public enum Kind: Equatable, Sendable {
        /// A system call failed (permissions, disk full, missing file, ...); see `code`.
        case io
        /// The journal file exists but holds no bytes.
        case journalEmpty
        /// The first record is missing, unreadable or not a header.
        case journalHeader
        /// The journal was written by a newer casus.
        case journalFormat(Int)
        /// A damaged record is followed by good ones; `line` is 1-based.
        case journalCorrupt(line: Int)
        /// The journal refused a write earlier and must be reopened.
        case journalUnusable
        /// A payload that is not a single-line JSON object.
        case invalidPayload
        /// Another process holds the session lock.
        case sessionInUse(pid: Int32?)
        /// No session matches.
        case sessionNotFound
        /// A prefix matches more than one session.
        case sessionAmbiguous([String])
        /// A path that is not a session folder directly inside the store root.
        case outsideRoot
        /// A store root or session folder that others may write into; `path` names it.
        case notPrivate
        /// Something other than a regular file (a folder, a pipe, a device) where the store
        /// expects a file; `path` names it.
        case notAFile
    }

    /// What went wrong.
    public let kind: Kind
    /// A plain sentence for the user.
    public let message: String
    /// The `errno` of the failed system call, if one failed.
    public let code: Int32?
    /// The file or folder concerned, if known.
    public let path: String?

    /// Creates an error of `kind` with a plain `message`.
    public init(_ kind: Kind, _ message: String, code: Int32? = nil, path: String? = nil) {
        self.kind = kind
        self.message = message
        self.code = code
        self.path = path
    }

    public var description: String { message }
}
