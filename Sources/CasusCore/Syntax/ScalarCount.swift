extension Substring {
    /// The number of Unicode scalars: a column count (see `SourceLine`). Counted on the UTF-8
    /// bytes, where every scalar has exactly one byte that is not a continuation byte
    /// (`10xxxxxx`); walking `unicodeScalars` decodes and checks every index, several times slower.
    var scalarCount: Int {
        utf8.withContiguousStorageIfAvailable { Self.scalarCount($0) } ?? Self.scalarCount(utf8)
    }

    private static func scalarCount(_ bytes: some Sequence<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
