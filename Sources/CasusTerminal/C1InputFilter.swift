/// Replaces C1 control characters in typed input before readline sees them.
///
/// readline shows a typed C0 control as `^X`, but echoes a UTF-8 C1 control (U+0080–U+009F,
/// e.g. U+009B, a one-character CSI, or U+009D, which starts an OSC) as the raw bytes, which
/// a terminal may act on. This filter sits in readline's `rl_getc_function`, so what is
/// typed or pasted is cleaned before readline inserts or echoes it: every C1 character, as
/// UTF-8 (`C2 80`–`C2 9F`) or as a raw 8-bit byte outside a UTF-8 sequence, becomes U+FFFD,
/// as `TextSafety` shows it everywhere else. Everything else passes byte for byte.
public struct C1InputFilter: Sendable {
    /// The bytes of U+FFFD.
    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Bytes ready to hand out, oldest first.
    private var pending: [UInt8] = []
    /// A byte read ahead (after a `C2`) and not yet looked at.
    private var lookahead: UInt8?
    /// Continuation bytes still expected for the UTF-8 sequence being passed.
    private var continuations = 0

    public init() {}

    /// The next byte to give readline, reading input through `read` (nil at end of input
    /// or on an error); nil when there is none.
    public mutating func next(read: () -> UInt8?) -> UInt8? {
        if !pending.isEmpty { return pending.removeFirst() }
        let ahead = lookahead
        lookahead = nil
        guard let byte = ahead ?? read() else { return nil }
        if continuations > 0, (0x80...0xBF).contains(byte) {
            continuations -= 1
            return byte
        }
        continuations = 0
        switch byte {
        case 0xC2:
            // The lead byte of U+0080–U+00BF: the next byte decides.
            guard let second = read() else { return byte }
            if (0x80...0x9F).contains(second) { return replace() }
            lookahead = second
            continuations = 1
        case 0x80...0x9F:
            // Raw 8-bit C1, outside any UTF-8 sequence.
            return replace()
        case 0xC3...0xDF: continuations = 1
        case 0xE0...0xEF: continuations = 2
        case 0xF0...0xF4: continuations = 3
        default: break
        }
        return byte
    }

    /// Hands out U+FFFD: its first byte now, the rest on the next calls.
    private mutating func replace() -> UInt8 {
        pending.append(contentsOf: Self.replacement.dropFirst())
        return Self.replacement[0]
    }
}
